import os

# expect: hard-coded-secret
AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
# expect: hard-coded-secret
GITHUB_TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"
# expect: hard-coded-secret
SECRET_KEY = "k7#Qz9!vR2mX$4pL8wN0tY6uB3eH5jC1"
# ok: hard-coded-secret
API_KEY = "changeme"
# ok: hard-coded-secret
AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY", "")
# ok: hard-coded-secret
CACHE_KEY_PREFIX = "catalog:v2:product-listing"
# ok: hard-coded-secret
SECRET_KEY_SETTING_NAME = "SHOP_DJANGO_SECRET_KEY_FILE"
# ok: hard-coded-secret
next_token = "IDENTIFIER"
PASSWORD_HASHERS = [
    # ok: hard-coded-secret
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # ok: hard-coded-secret
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# expect: hard-coded-secret
WEBHOOK_SECRET = "9f86d081884c7d659a2feaa0c55ad015"
# expect: hard-coded-password
DB_PASSWORD = "hunter22"
# ok: hard-coded-password
SMTP_PASSWORD = "changeme"
# ok: hard-coded-password
password_label = "Password 1"

# expect: hard-coded-secret
PRIVATE_KEY = """
-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEA
-----END RSA PRIVATE KEY-----
"""


def connect():
    # expect: hard-coded-password
    return db.connect(user="shop", password="s3cretPass9")


def placeholder():
    # ok: hard-coded-password, hard-coded-secret
    return db.connect(user="shop", password="${DB_PASSWORD}")

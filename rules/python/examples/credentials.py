import os

import boto3
import keyring
import psycopg2
from decouple import config

# expect: secret-from-environment
WEBHOOK_SECRET = os.environ["PAYMENTS_WEBHOOK_SECRET"]
# expect: secret-from-environment
API_KEY = os.getenv("SHOP_API_KEY")
# ok: secret-from-environment
DB_HOST = os.environ.get("DB_HOST", "localhost")
# ok: secret-from-environment
PAGE_SIZE = int(os.environ["PAGE_SIZE"])
# expect: secret-from-environment
STRIPE = config("STRIPE_SECRET_KEY")


# expect: credential-name
def connect(host, password):
    # expect: credential-argument
    return psycopg2.connect(host=host, password=password)


# expect: credential-name
def call_api(url, api_key=None):
    return url, api_key


class Account:
    # expect: credential-name
    password_hash = Column(String(255))
    # ok: credential-name
    password_max_length = 128
    # ok: credential-name
    token_count = Column(Integer)


# ok: credential-name
def next_token(tokens, position, cursor=None):
    # ok: credential-argument
    return tokenize(token=tokens[position], cursor=cursor)


def s3():
    # expect: credential-argument, secret-from-environment
    client = boto3.client("s3", aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])
    # ok: credential-argument
    form = Form(password_confirm_label="Repeat", password_min_length=12)
    return client, form


def vault(sm):
    # expect: secret-store-call
    token = keyring.get_password("shop", "deploy")
    # expect: secret-store-call
    value = sm.get_secret_value(SecretId="prod/db")
    # ok: secret-store-call
    page = keystore_pages.get_page("secrets-docs")
    # ok: secret-store-call
    return token, value, page, settings.get("secret_word_count")


class PasswordHasher:
    # ok: credential-name
    def harden_runtime(self, password, encoded):
        pass

    # expect: credential-name
    def encode(self, password, salt):
        return salt + password

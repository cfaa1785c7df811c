import os
import ssl

import requests
import urllib3
import uvicorn
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask
from flask_cors import CORS

# expect: framework-security-setting
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# expect: framework-security-setting
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
# expect: framework-security-setting
SESSION_COOKIE_SECURE = True
# ok: framework-security-setting
SECRET_KEY_ENV_NAME = "DJANGO_SECRET_KEY"
# ok: framework-security-setting
TIME_ZONE = "Europe/London"

app = Flask(__name__)
# expect: flask-config-assignment
app.secret_key = os.environ["FLASK_SECRET"]
# expect: flask-config-assignment
app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
# expect: flask-config-assignment
app.config.update(SECRET_KEY=os.environ["K"], SESSION_COOKIE_SECURE=True)
# ok: flask-config-assignment
app.config["JSON_SORT_KEYS"] = False
# ok: flask-config-assignment
cache_config["SECRET_KEY"] = "name-of-a-cache-bucket"
# expect: cors-config
CORS(app, supports_credentials=True)


class RegexFlag:
    # ok: framework-security-setting
    DEBUG = 128


class ProductionConfig:
    # expect: framework-security-setting
    PERMANENT_SESSION_LIFETIME = 3600


def configure(debug):
    # ok: framework-security-setting
    DEBUG = debug
    # ok: debug-mode-argument
    logging.basicConfig(level=DEBUG)
    return DEBUG


if __name__ == "__main__":
    # expect: debug-mode-argument
    app.run(host="0.0.0.0", debug=True)
    # ok: debug-mode-argument
    app.run(debug=False)
    # expect: debug-mode-argument
    uvicorn.run("main:app", use_reloader=True)
    # ok: debug-mode-argument
    parser.add_argument("--debug", default=True)


def fetch(url):
    # expect: tls-verification-disabled
    return requests.get(url, verify=False, timeout=5)


def fetch_with_ca(url, session):
    # ok: tls-verification-disabled
    a = requests.get(url, verify="/etc/ssl/private-ca.pem")
    # ok: tls-verification-disabled
    b = session.get(url, verify=True)
    # expect: tls-verification-disabled
    urllib3.disable_warnings()
    return a, b


def unverified():
    # expect: tls-context-setup
    ctx = ssl.create_default_context()
    # expect: tls-verification-disabled, tls-context-setup
    ctx.check_hostname = False
    # expect: tls-verification-disabled, tls-context-setup
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def server_context():
    # expect: tls-context-setup
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    # expect: tls-context-setup
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    # expect: tls-context-setup
    ctx.load_cert_chain("cert.pem", "key.pem")
    # ok: tls-context-setup
    template_context = {"title": "Shop"}
    # ok: tls-context-setup, tls-verification-disabled
    form.check_hostname_field = False
    return ctx, template_context


# expect: csrf-decorator
@csrf_exempt
def stripe_webhook(request):
    return None


# expect: csrf-decorator
@method_decorator(csrf_exempt, name="dispatch")
class HookView:
    pass


# ok: csrf-decorator
@method_decorator(cache_page(60), name="dispatch")
class CatalogView:
    pass


# ok: csrf-decorator
@login_form_required
def checkout(request):
    return None


def api(fastapi_app):
    # expect: cors-config
    fastapi_app.add_middleware(CORSMiddleware, allow_origins=["https://shop.example.com"], allow_credentials=True)
    # ok: cors-config
    fastapi_app.add_middleware(GZipMiddleware, minimum_size=1000)
    # ok: cors-config
    return fetch_origins(origins=["a"])


def headers(response):
    # expect: security-header-assignment
    response["Content-Security-Policy"] = "default-src 'self'"
    # expect: security-header-assignment
    response.headers["Strict-Transport-Security"] = "max-age=31536000"
    # ok: security-header-assignment
    response["Content-Type"] = "text/html"
    # ok: security-header-assignment
    response.headers["ETag"] = etag

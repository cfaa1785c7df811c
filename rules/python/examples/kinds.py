"""Examples for rules that recognise kinds of high-stakes code by structure: claim checks,
verification failures, session and cookie configuration, OAuth flows, security headers."""

import functools
import hashlib
import hmac
import json
from abc import ABC, abstractmethod
from functools import wraps

import jwt
from authlib.integrations.flask_client import OAuth
from cryptography.hazmat.primitives import serialization
from django.core.exceptions import PermissionDenied
from fastapi import HTTPException, status
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from flask import abort, current_app, request, session
from flask_login import current_user
from itsdangerous import BadSignature, URLSafeTimedSerializer
from jwt.exceptions import ExpiredSignatureError, InvalidAudienceError
from starlette.middleware.sessions import SessionMiddleware
from werkzeug.middleware.proxy_fix import ProxyFix

oauth = OAuth()


# --- jwt-claim-check ----------------------------------------------------------------------------

def check_expiry(payload, now, leeway):
    # expect: jwt-claim-check
    exp = int(payload["exp"])
    if exp <= now - leeway:
        # expect: token-verification-error
        raise ExpiredSignatureError("expired")


def check_audience(payload, audience):
    # expect: jwt-claim-check
    if "aud" not in payload:
        # expect: token-verification-error
        raise InvalidAudienceError("missing audience")
    # expect: jwt-claim-check
    return payload.get("iss") == "https://issuer.example"


def build_claims(user, now):
    # expect: jwt-claim-check
    return {"sub": str(user.id), "iat": now, "exp": now + 300}


def normalise_time_claims(payload):
    # expect: jwt-claim-check
    for claim in ["exp", "iat", "nbf"]:
        payload[claim] = int(payload[claim])


def signature_options(options):
    # expect: jwt-claim-check
    verify = options.get("verify_signature", True)
    # expect: jwt-claim-check
    return {"verify_signature": verify, "enforce_minimum_key_length": True}


def maths_functions():
    # ok: jwt-claim-check
    names = ["sin", "cos", "exp", "log"]
    # ok: jwt-claim-check
    table = {"op": "exp", "arity": 1}
    return names, table


def render_expression(node):
    # ok: jwt-claim-check
    return node.kind == "power" and node.name


# --- token-verification-error --------------------------------------------------------------------

def load_reset_token(serializer, value):
    try:
        return serializer.loads(value, max_age=3600)
    # expect: token-verification-error
    except BadSignature:
        return None


def decode_or_reject(raw, key):
    try:
        return jwt.decode(raw, key, algorithms=["HS256"])
    # expect: token-verification-error
    except (jwt.ExpiredSignatureError, jwt.InvalidAudienceError) as exc:
        raise PermissionError("token rejected") from exc


def check_signature(expected, given):
    if not hmac.compare_digest(expected, given):
        # expect: token-verification-error
        raise BadSignature("Signature does not match")


class ExpiredTokenError(Exception):
    # ok: token-verification-error
    def __str__(self):
        return "token expired"


class Lexer:
    def next_token(self, text):
        if not text:
            # ok: token-verification-error
            raise InvalidToken("unexpected end of input")


def parse_config(text):
    try:
        return json.loads(text)
    # ok: token-verification-error
    except ValueError:
        return {}


# --- session-fingerprint -------------------------------------------------------------------------

# expect: session-fingerprint
def client_fingerprint():
    agent = request.headers.get("User-Agent", "")
    base = f"{request.remote_addr}|{agent}"
    return hashlib.sha512(base.encode()).hexdigest()


# expect: session-fingerprint
def session_hash(request, secret):
    agent = request.META.get("HTTP_USER_AGENT", "")
    return hmac.new(secret, agent.encode(), hashlib.sha256).hexdigest()


# ok: session-fingerprint
def log_request():
    agent = request.headers.get("User-Agent", "")
    current_app.logger.info("request from %s", agent)


# ok: session-fingerprint
def asset_digest(data):
    return hashlib.sha256(data).hexdigest()


# --- signed-cookie-function-definition -----------------------------------------------------------

# expect: signed-cookie-function-definition
def encode_remember_cookie(user_id, key):
    digest = hmac.new(key, user_id.encode(), hashlib.sha512).hexdigest()
    return f"{user_id}|{digest}"


class CookieSessionInterface:
    # expect: signed-cookie-function-definition
    def open_session(self, app, request):
        signer = URLSafeTimedSerializer(app.secret_key, salt="cookie-session")
        return signer.loads(request.cookies.get("session", ""), max_age=86400)

    # ok: signed-cookie-function-definition
    def get_cookie_name(self, app):
        return app.config["SESSION_COOKIE_NAME"]


# ok: signed-cookie-function-definition
def parse_cookie_header(header):
    return dict(part.split("=", 1) for part in header.split("; "))


# --- oauth-client-flow-call ----------------------------------------------------------------------

def oauth_callback():
    # expect: oauth-client-flow-call
    token = oauth.google.authorize_access_token()
    # expect: oauth-client-flow-call
    user = oauth.google.parse_id_token(token, nonce=session.pop("nonce"))
    return user


def login_redirect():
    # ok: oauth-client-flow-call
    return oauth.google.authorize_redirect("https://app.example/callback")


def login_link(client):
    # ok: oauth-client-flow-call
    url, state = client.authorization_url("https://provider.example/authorize")
    return url


# --- oauth-state-nonce-check ---------------------------------------------------------------------

def check_callback_state():
    # expect: oauth-state-nonce-check
    if request.args.get("state") != session.pop("oauth_state", None):
        abort(400)


def check_nonce(claims, expected_nonce):
    # expect: oauth-state-nonce-check
    return claims["nonce"] == expected_nonce


class Connection:
    def is_closed(self, State):
        # ok: oauth-state-nonce-check
        return self.state == State.CLOSED


def same_state(a, b):
    # ok: oauth-state-nonce-check
    return a.state == b.state


# --- auth-gate-decorator-definition --------------------------------------------------------------

# expect: auth-gate-decorator-definition
def fresh_login_needed(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()
        return view(*args, **kwargs)

    return wrapper


# expect: auth-gate-decorator-definition
def reauthenticate_for(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("_fresh"):
            return current_app.login_manager.needs_refresh()
        return view(*args, **kwargs)

    return wrapper


# ok: auth-gate-decorator-definition
def timed(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        return view(*args, **kwargs)

    return wrapper


# ok: auth-gate-decorator-definition
def greeting():
    return "hello" if current_user.is_authenticated else "welcome"


# --- access-denied-raise -------------------------------------------------------------------------

def delete_invoice(request, invoice):
    if invoice.owner_id != request.user.id:
        # expect: access-denied-raise
        raise PermissionDenied


def admin_only(user):
    if not user.is_admin:
        # expect: access-denied-raise
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="forbidden")


def private_page(user):
    if user is None:
        # expect: access-denied-raise
        abort(401)


def missing_page(item):
    if item is None:
        # ok: access-denied-raise
        abort(404)


def bad_input(value):
    if not value:
        # ok: access-denied-raise
        raise HTTPException(status_code=400, detail="value required")


# --- security-config-lookup ----------------------------------------------------------------------

class SessionSettings:
    def cookie_secure(self, app):
        # expect: security-config-lookup
        return app.config["SESSION_COOKIE_SECURE"]

    def protection_mode(self, app):
        # expect: security-config-lookup
        return app.config.get("SESSION_PROTECTION", "basic")

    def cookie_name(self, app):
        # ok: security-config-lookup
        return app.config["SESSION_COOKIE_NAME"]

    def cookie_path(self, app):
        # ok: security-config-lookup
        return app.config["SESSION_COOKIE_PATH"] or app.config["APPLICATION_ROOT"]


# --- security-header-setting ---------------------------------------------------------------------

def add_security_headers(response):
    # expect: security-header-setting
    response.headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
    # expect: security-header-setting
    response.headers.setdefault("Content-Security-Policy", "default-src 'self'")
    return response


def allow_origin(response, allowed):
    # expect: security-header-setting
    origin = request.headers.get("Origin")
    if origin in allowed:
        # expect: security-header-setting
        response.headers["Access-Control-Allow-Origin"] = origin
    return response


def cache_headers(response, etag):
    # ok: security-header-setting
    response.headers["Cache-Control"] = "public, max-age=60"
    # ok: security-header-setting
    response.headers["ETag"] = etag
    return response


def vary_on_origin(response):
    # ok: security-header-setting
    response.vary.add("Origin")
    return response


# --- security-middleware-setup -------------------------------------------------------------------

def configure(app, settings):
    # expect: security-middleware-setup
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.hosts)
    # expect: security-middleware-setup
    app.add_middleware(SessionMiddleware, secret_key=settings.secret, https_only=True)
    # expect: security-middleware-setup
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)


# expect: security-middleware-setup
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.common.CommonMiddleware"]
# ok: security-middleware-setup
INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.messages"]


def configure_plain(app, GZipMiddleware, Session):
    # ok: security-middleware-setup
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    # ok: security-middleware-setup
    db_session = Session()
    return db_session


# --- signing-algorithm-method --------------------------------------------------------------------

class Algorithm(ABC):
    @abstractmethod
    # ok: signing-algorithm-method
    def prepare_key(self, key):
        """Turn the key into what sign and verify need."""

    # ok: signing-algorithm-method
    def __repr__(self):
        return type(self).__name__


class HMACAlgorithm(Algorithm):
    # expect: signing-algorithm-method
    def prepare_key(self, key):
        if key.startswith(b"-----BEGIN"):
            raise ValueError("an asymmetric key is not an HMAC secret")
        return key

    # expect: signing-algorithm-method
    def verify(self, msg, key, sig):
        return hmac.compare_digest(sig, hmac.new(key, msg, hashlib.sha256).digest())


class Newsletter:
    # ok: signing-algorithm-method
    def sign(self, name):
        self.signatures.append(name)


# --- key-length-check ----------------------------------------------------------------------------

def check_hmac_key(key_bytes, digest_size):
    # expect: key-length-check
    if len(key_bytes) < digest_size:
        # expect: key-length-check
        raise ValueError("HMAC key shorter than the hash output")


def validate_new_password(password):
    # expect: key-length-check
    if len(password) < 12:
        # expect: key-length-check
        raise ValueError("password too short")


def short_names(names, key):
    # ok: key-length-check
    if len(names) > 10:
        return names[:10]
    # ok: key-length-check
    return len(key) > 250


def load_key(data):
    # ok: key-length-check
    return serialization.load_pem_public_key(data)


# --- origin-check-definition ---------------------------------------------------------------------

class WebSocketHandler:
    # expect: origin-check-definition
    def check_origin(self, origin):
        return origin in self.allowed_origins

    # expect: origin-check-definition
    def is_same_origin(self, origin, host):
        return origin == "https://" + host

    # ok: origin-check-definition
    def get_origin_country(self, address):
        return self.geoip.lookup(address)

    # ok: origin-check-definition
    def original_request(self):
        return self.request


# --- more signed cookies and auth gates --------------------------------------------------------

class Handler:
    # expect: signed-cookie-function-definition
    def get_signed_cookie(self, name, max_age_days=31):
        return decode_signed_value(self.secret, name, self.get_cookie(name), max_age_days)

    # ok: signed-cookie-function-definition
    def get_cookie(self, name):
        return self.request.cookies.get(name)


# expect: signed-cookie-function-definition
def decode_signed_value(secret, name, value, max_age_days):
    return value


# expect: auth-gate-decorator-definition
def authenticated(method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if not self.current_user:
            raise HTTPException(403)
        return method(self, *args, **kwargs)

    return wrapper


# ok: auth-gate-decorator-definition
def retry(method):
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except TimeoutError:
            abort(503)

    return wrapper

"""Examples for rules that recognise library-internal security code (signers, session stores, CSRF)."""

import hmac
import random
import secrets

from django.conf import settings


class TimestampSigner:
    # expect: signature-function-definition
    def sign(self, value):
        return value + ":" + self.signature(value)

    # expect: signature-function-definition
    def unsign(self, signed_value):
        value, sig = signed_value.rsplit(":", 1)
        if not hmac.compare_digest(sig, self.signature(value)):
            raise ValueError("bad signature")
        return value

    # ok: signature-function-definition
    def timestamp(self):
        return 0


# expect: signature-function-definition
def safe_string_equals(a, b):
    return hmac.compare_digest(a, b)


# ok: signature-function-definition
def signature(func):
    return inspect.signature(func)


class Inspect:
    # ok: signature-function-definition
    def _get_signature(self, obj):
        return str(inspect.signature(obj))


class HMACAlgorithm:
    # expect: signature-function-definition
    def get_signature(self, key, value):
        return hmac.new(key, value, "sha256").digest()


class SemanticAnalyzer:
    # ok: signature-function-definition
    def check_function_signature(self, fdef):
        return fdef.arguments


# ok: signature-function-definition, secret-generation-definition
def generate_tokens(readline):
    return iter(readline, "")


# ok: signature-function-definition
def sign_up_page(request):
    return "signup.html"


class ResponseSigningError(Exception):
    # ok: signature-function-definition
    def signatures(self):
        return []


# expect: secret-generation-definition
def generate_password(size=10):
    return "".join(secrets.choice("abcdefgh") for _ in range(size))


# expect: secret-generation-definition
def generate_nonce():
    return secrets.token_hex(8)


# ok: secret-generation-definition
def generate_report(rows):
    return rows


class TemplateLexer:
    # ok: secret-generation-definition, token-function-definition
    def create_token(self, text):
        return text

    # ok: secret-generation-definition
    def generate_token(self, text):
        return text


# expect: token-function-definition
def get_token_from_header(request):
    # expect: authorization-header-access
    auth = request.headers.get("Authorization")
    return auth.split(" ", 1)[1] if auth else None


# expect: token-function-definition
def prepare_bearer_headers(token, headers):
    # expect: authorization-header-access
    headers["Authorization"] = "Bearer %s" % token
    return headers


SQL_KEYWORDS = [
    # ok: authorization-header-access
    "AUTHORIZATION",
    # ok: authorization-header-access
    "authorization",
]


def content_headers(headers):
    # ok: authorization-header-access
    headers["Content-Type"] = "application/json"
    # ok: authorization-header-access
    return headers.get("authorization_url")


class SessionBase:
    # expect: session-store-definition
    def cycle_key(self):
        data = self._session
        self.create()
        self._session_cache = data

    # expect: session-store-definition
    def flush(self):
        self.clear()
        self.delete()

    # ok: session-store-definition
    def keys(self):
        return self._session.keys()


class LogFile:
    # ok: session-store-definition
    def flush(self):
        self.stream.flush()


class SecurityMiddleware:
    def __init__(self):
        # expect: security-setting-read
        self.sts_seconds = settings.SECURE_HSTS_SECONDS
        # ok: security-setting-read
        self.zone = settings.TIME_ZONE

    def process_request(self, request):
        # expect: https-enforcement-check
        if self.redirect and not request.is_secure():
            return "https://" + request.get_host()
        return None


def build_absolute_url(request, path):
    # ok: https-enforcement-check
    scheme = "https" if request.is_secure() else "http"
    return f"{scheme}://{request.get_host()}{path}"


def prepare_grant_uri(uri, client_id):
    # ok: https-enforcement-check
    if not is_secure_transport(uri):
        raise ValueError("insecure transport")
    return f"{uri}?client_id={client_id}"


# expect: https-enforcement-check
def is_secure_transport(uri):
    return uri.lower().startswith("https://")


def signing_key():
    # expect: security-setting-read
    return settings.SECRET_KEY


def page_size():
    # ok: security-setting-read
    return settings.PAGE_SIZE


def mask_cipher_secret(secret):
    # expect: csrf-handling
    mask = _get_new_csrf_string()
    # expect: csrf-handling
    chars = CSRF_ALLOWED_CHARS
    return mask + "".join(chars[(chars.index(a) + chars.index(b)) % len(chars)] for a, b in zip(secret, mask))


# expect: csrf-handling
def origin_ok(request, csrf_trusted_origins):
    # expect: csrf-handling
    origin = request.META["HTTP_ORIGIN"]
    # expect: csrf-handling
    csrf_secret = request.META["CSRF_COOKIE"]
    return origin in csrf_trusted_origins and csrf_secret


def failure_message(reason):
    # ok: csrf-handling
    return f"CSRF token missing: {reason}"


def tokens_for(text):
    # ok: csrf-handling
    return [t for t in text.split() if t != "csrf check"]


def validate_grant(request):
    # expect: oauth-validator-call
    if not request.request_validator.validate_code(request.client_id, request.code, request.client, request):
        return False
    # expect: oauth-validator-call
    return self.request_validator.validate_bearer_token(request.token, request.scopes, request)


def lexer(scanner):
    # ok: oauth-validator-call
    scanner.validator.validate_token("x")
    # ok: oauth-validator-call, predictable-random-for-secret
    return random.choice(scanner.form_validator.validate_fields())


def iter_secure_origins(trusted_origins):
    # ok: csrf-handling
    return list(trusted_origins)

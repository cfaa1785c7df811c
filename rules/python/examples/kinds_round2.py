"""Examples for kinds of high-stakes code that are recognised by shape rather than by library:
one-time passwords, scope and role checks, authentication middleware, cookie writers in
frameworks, JOSE key selection, claim validators, sensitive-data filters, same-host checks."""

import base64
import functools
import hashlib
import hmac
import re
import struct
import time
from functools import wraps
from urllib.parse import urlparse

from django.contrib.auth import authenticate
from flask import g
from starlette.exceptions import HTTPException


# --- one-time-password-call ----------------------------------------------------------------------

# expect: one-time-password-call
def hotp_value(key, counter, digits=6):
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    # expect: one-time-password-call
    return (struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 10 ** digits


def current_code(device):
    # expect: one-time-password-call
    return device.generate_totp(int(time.time()) // 30)


def second_step(user, submitted):
    # expect: one-time-password-call
    return verify_totp(user.mfa_seed, submitted, window=1)


# expect: one-time-password-call
def confirm_login(user, otp):
    return bool(user and otp)


def enrolment_link(secret, account):
    # expect: one-time-password-call
    return "otpauth://totp/Example:%s?secret=%s" % (account, secret)


class CounterOTP:
    # expect: one-time-password-call
    def at(self, counter):
        # expect: one-time-password-call
        return hotp_value(self.key, counter)

    def __repr__(self):
        return "CounterOTP()"


class OTPConfigurationError(Exception):
    # ok: one-time-password-call
    def describe(self):
        return "misconfigured"


def scan_tokens(source):
    # ok: one-time-password-call
    return generate_tokens(source)


# ok: one-time-password-call
def footnote(hotplate, notes):
    return notes.get(hotplate)


def chat_link(room):
    # ok: one-time-password-call
    return "https://chat.example/" + room


# --- constant-time-compare-call ------------------------------------------------------------------

def strings_equal(a, b):
    # expect: constant-time-compare-call
    return hmac.compare_digest(a.encode(), b.encode())


def check_code(submitted, expected):
    # expect: constant-time-compare-call
    return strings_equal(submitted, expected)


def check_signature(sent, computed):
    # expect: constant-time-compare-call
    return secure_compare(sent, computed)


def same_etag(etag, current):
    # ok: constant-time-compare-call
    return etag == current


def same_rows(left, right):
    # ok: constant-time-compare-call
    return rows_equal(left, right)


# --- granted-scope-check -------------------------------------------------------------------------

def has_scopes(conn, required):
    for scope in required:
        # expect: granted-scope-check
        if scope not in conn.auth.scopes:
            return False
    return True


def is_editor(claims):
    # expect: granted-scope-check
    return "editor" in claims["roles"]


def delete_post(request, post):
    # expect: granted-scope-check
    if not has_permission(request.user, "posts.delete"):
        raise HTTPException(status_code=403)
    post.delete()


def read_scopes(token_data, security_scopes):
    for scope in security_scopes.scopes:
        # expect: granted-scope-check
        if scope not in token_data.scopes:
            return False
    # expect: granted-scope-check
    return "admin" in token["scope"].split()


def pick_tokens(lexer, kinds):
    # ok: granted-scope-check
    return [t for t in lexer.tokens if t.kind in kinds]


def throttle(limiter, client_ip):
    # ok: granted-scope-check
    return limiter.is_allowed(client_ip)


def regex_group(match, name):
    # ok: granted-scope-check
    return name in match.re.groups


def page_keys(cache, cursor):
    # ok: granted-scope-check
    return cursor in cache.keys


# --- permission-gate-decorator-definition --------------------------------------------------------

# expect: permission-gate-decorator-definition
def requires_scope(*needed):
    # expect: permission-gate-decorator-definition
    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            # expect: granted-scope-check
            if not has_scopes(request, needed):
                raise HTTPException(status_code=403)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


# expect: permission-gate-decorator-definition
def role_needed(role):
    # expect: permission-gate-decorator-definition
    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            # expect: granted-scope-check
            if role not in g.user.roles:
                return "forbidden", 403
            return view(*args, **kwargs)

        return wrapper

    return decorate


# ok: permission-gate-decorator-definition
def cached(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        key = (view.__name__, args)
        return view(*args, **kwargs) if key else None

    return wrapper


# ok: permission-gate-decorator-definition
def has_permission(user, codename):
    return codename in user.get_all_permissions()


# --- request-identity-assignment -----------------------------------------------------------------

class TokenMiddleware:
    async def __call__(self, scope, receive, send):
        result = await self.backend.verify(scope)
        # expect: request-identity-assignment
        scope["auth"], scope["user"] = result
        await self.app(scope, receive, send)


def load_logged_in_user(request, users):
    # expect: request-identity-assignment
    g.user = users.get(request.cookies.get("uid"))


async def aiohttp_auth(request, handler):
    # expect: request-identity-assignment
    request["user"] = await identity_from(request)
    return await handler(request)


def remember_scope_type(scope):
    # ok: request-identity-assignment
    scope["type"] = "http"


def template_context(user):
    context = {}
    # ok: request-identity-assignment
    context["user"] = user
    return context


# --- login-session-call (any receiver) -----------------------------------------------------------

def login_view(request, backend):
    # expect: login-session-call
    user = backend.authenticate(request, username="a", password="b")
    # expect: login-session-call
    return user or authenticate(request, username="a", password="b")


def open_client(client):
    # ok: login-session-call
    return client.connect()


# --- cookie-security-flags (cookie writers inside frameworks) ------------------------------------

class Reply:
    # expect: cookie-security-flags
    def set_cookie(self, key, value="", secure=False, httponly=False, samesite="lax"):
        cookie = {}
        # expect: cookie-security-flags
        cookie[key]["httponly"] = httponly
        return cookie

    # ok: cookie-security-flags
    def set_header(self, key, value, secure=False):
        self.headers[key] = value

    def etag(self, body):
        options = {}
        # ok: cookie-security-flags
        options["secure"] = True
        return hashlib.md5(body, usedforsecurity=False).hexdigest()


# --- jwt-key-selection ---------------------------------------------------------------------------

# expect: jwt-key-selection
def key_for(header, key_set):
    for candidate in key_set["keys"]:
        if candidate.get("kid") == header.get("kid"):
            return candidate
    raise ValueError("unknown key id")


# expect: jwt-key-selection
def make_key_loader(keys):
    # expect: jwt-key-selection
    def load(header, payload):
        if isinstance(keys, KeySet):
            return keys.find_by_kid(header["kid"])
        return keys

    return load


# ok: jwt-key-selection
def cache_key(request):
    return hashlib.sha256(request.path.encode()).hexdigest()


# ok: jwt-key-selection
def next_page(cursor, keys):
    return {"cursor": cursor, "keys": list(keys)}


# --- token-claims-validation ---------------------------------------------------------------------

class Claims(dict):
    # expect: token-claims-validation
    def validate(self, now=None, leeway=0):
        now = now or int(time.time())
        # expect: token-claims-validation
        self.validate_exp(now, leeway)
        # expect: token-claims-validation
        self.validate_aud()

    def validate_exp(self, now, skew):
        return self["exp"] > now - skew

    def validate_aud(self):
        return self.get("aud") == "api"


def settle_insurance(claim):
    # ok: token-claims-validation
    return validate_claim(claim)


def clean_form(form):
    # ok: token-claims-validation
    form.validate_email()
    # ok: token-claims-validation
    return form.check_errors()


# --- key-length-check (named minimums and refusal messages) --------------------------------------

def decoded_seed(secret, min_secret_bits=128):
    raw = base64.b32decode(secret)
    # expect: key-length-check
    if len(raw) * 8 < min_secret_bits:
        # expect: key-length-check
        raise ValueError("secret must be at least %d bits" % min_secret_bits)
    return raw


def new_seed(length=32):
    if length < 32:
        # expect: key-length-check
        raise ValueError("Secrets should be at least 160 bits")
    return base64.b32encode(bytes(length))


def paginate(items, page_size):
    # ok: key-length-check
    if page_size < 1:
        # ok: key-length-check
        raise ValueError("page size must be at least 1")
    return items[:page_size]


def shuffle(items, seed, pinned):
    if seed < 0:
        # ok: key-length-check
        raise ValueError("seed must be at least 0")
    if not pinned:
        # ok: key-length-check
        raise ValueError("pinned version must be at least 1.0")
    return items


def memcache_key(key, max_key_length=250):
    # ok: key-length-check
    if len(key) > max_key_length:
        return hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()
    return key


# --- digest-algorithm-check ----------------------------------------------------------------------

def otp_digest(digest):
    # expect: digest-algorithm-check
    if digest in [hashlib.md5, hashlib.shake_128]:
        raise ValueError("digest too weak")
    return digest


def hmac_digest(digestmod):
    # expect: digest-algorithm-check
    if digestmod is hashlib.md5 or digestmod == hashlib.sha1:
        raise ValueError("use SHA-256 or better")
    return digestmod


def checksum_function():
    # ok: digest-algorithm-check
    hasher = hashlib.sha256
    return hasher


def file_checksum(data):
    # ok: digest-algorithm-check
    return hashlib.sha256(data).hexdigest()


def __hash__(self):
    # ok: digest-algorithm-check
    return hash((self.name, self.version))


# --- cross-origin-comparison ---------------------------------------------------------------------

def drop_credentials_on_redirect(old_url, new_url, headers):
    # expect: cross-origin-comparison
    if urlparse(old_url).hostname != urlparse(new_url).hostname:
        headers.pop("Authorization", None)


def safe_next(target, request):
    here, there = urlparse(request.url), urlparse(target)
    # expect: cross-origin-comparison
    if there.netloc and there.netloc != here.netloc:
        return "/"
    return target


def shorten_for_login(login_url, current_url):
    login, current = urlparse(login_url), urlparse(current_url)
    # ok: cross-origin-comparison
    if login.netloc == current.netloc:
        return current.path
    return current_url


def same_connection(pool, other):
    # ok: cross-origin-comparison
    return pool.host == other.host and pool.port == other.port


def same_page(a, b):
    # ok: cross-origin-comparison
    return a.path == b.path


# --- sensitive-data-filter -----------------------------------------------------------------------

SENSITIVE_VALUES = re.compile(r"\b\d{13,16}\b")


class Claimset:
    SENSITIVE_NAMES = ("password", "token", "secret")

    def refuse_secrets(self, payload):
        for name in payload:
            # expect: sensitive-data-filter
            if name in self.SENSITIVE_NAMES:
                raise ValueError(name)
            # expect: sensitive-data-filter
            if SENSITIVE_VALUES.search(str(payload[name])):
                raise ValueError(name)


# expect: sensitive-data-filter
def scrub(event, redacted_fields):
    # expect: sensitive-data-filter
    for field in redacted_fields:
        event.pop(field, None)


class ReportFilter:
    # expect: sensitive-data-filter
    hidden = re.compile("API|TOKEN|KEY|SECRET|PASS|SIGNATURE", flags=re.IGNORECASE)


# expect: sensitive-data-filter
def mask_card_number(number):
    return "*" * (len(number) - 4) + number[-4:]


# ok: sensitive-data-filter
def mask_image(pixels, threshold):
    return [p if p > threshold else 0 for p in pixels]


def version_pattern():
    # ok: sensitive-data-filter
    return re.compile(r"^(\d+)\.(\d+)|dev$")


def lexer_rules():
    # ok: sensitive-data-filter
    return re.compile(r"(keyword|identifier|number|string)")


def visible_fields(form, hidden_fields):
    # ok: sensitive-data-filter
    return [f for f in form.fields if f not in hidden_fields]


def public_keys(record, public_fields):
    # ok: sensitive-data-filter
    return {k: v for k, v in record.items() if k in public_fields}


# --- csrf-handling (token masking with CSRF_* constants) -----------------------------------------

# expect: csrf-handling
CSRF_SECRET_LENGTH = 32
# expect: csrf-handling
CSRF_ALLOWED_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"


def unmask(token):
    # expect: csrf-handling
    mask, body = token[:CSRF_SECRET_LENGTH], token[CSRF_SECRET_LENGTH:]
    # expect: csrf-handling
    chars = CSRF_ALLOWED_CHARS
    return "".join(chars[chars.index(x) - chars.index(y)] for x, y in zip(body, mask))


def first_page(items, page_size):
    # ok: csrf-handling
    return items[:page_size]


def default_chars():
    # ok: csrf-handling
    chars = ALLOWED_CHARS
    return chars

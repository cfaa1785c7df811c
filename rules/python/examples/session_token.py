import base64
import hmac
import json
import os
import random
import secrets
import uuid

import jwt
import requests
from django.core import signing
from flask import session
from itsdangerous import URLSafeTimedSerializer
from flask_jwt_extended import create_access_token
from jose import jwt as jose_jwt
from werkzeug.security import safe_str_cmp

# expect: signed-token-call
serializer = URLSafeTimedSerializer(os.environ["APP_SECRET"], salt="reset")


# expect: token-function-definition
def issue_access_token(user, key):
    # expect: jwt-encode-call
    return jwt.encode({"sub": str(user.id), "exp": 600}, key, algorithm="HS256")


def read_token(raw, key):
    # expect: jwt-decode-call
    claims = jwt.decode(raw, key, algorithms=["HS256"], audience="api")
    # expect: jwt-decode-call
    other = jose_jwt.decode(raw, key, algorithms=["RS256"])
    return claims, other


def debug_claims(raw):
    # expect: jwt-decode-call, token-verification-option
    return jwt.decode(raw, options={"verify_signature": False})


def insecure(raw, key):
    # expect: jwt-decode-call, token-verification-option
    return jwt.decode(raw, key, algorithms=["none", "HS256"])


def json_stuff(raw):
    # ok: jwt-decode-call, token-verification-option
    data = json.loads(raw, strict=False)
    # ok: jwt-encode-call
    body = json.dumps({"verify": False})
    # ok: token-verification-option
    requests.get("https://x", params={"verify_exp": "no"})
    return data, body


# ok: token-function-definition
def decode_cursor(cursor):
    # ok: jwt-decode-call
    return base64.urlsafe_b64decode(cursor.encode())


def remember(user):
    # expect: session-state-write
    session["user_id"] = user.id


def logout_view(request):
    # expect: session-state-write
    del request.session["member_id"]
    # expect: session-lifecycle-call
    request.session.flush()


def rotate(request):
    # expect: session-lifecycle-call
    request.session.cycle_key()
    # expect: session-lifecycle-call
    session.clear()


def db_work(db, cache):
    # ok: session-lifecycle-call
    db.session.commit()
    # ok: session-lifecycle-call
    http = requests.Session()
    # ok: session-state-write
    cache["session"] = http
    # ok: session-state-write
    headers = {"session": 1}
    return headers


# expect: token-function-definition
def verify_reset_token(user, presented):
    # expect: constant-time-compare-call
    return hmac.compare_digest(user.reset_token, presented)


def check_sig(sig, expected_sig, api_key, stored_api_key):
    # expect: secret-equality-comparison
    if sig == expected_sig:
        return True
    # expect: secret-equality-comparison
    return api_key != stored_api_key


# ok: token-function-definition
def next_token(tokens, position):
    # ok: secret-equality-comparison
    if tokens[position] == "(":
        return None
    # ok: secret-equality-comparison, constant-time-compare-call
    return token.kind == next_token.kind


def etag_matches(etag, if_none_match):
    # ok: secret-equality-comparison, constant-time-compare-call
    return etag == if_none_match


def legacy_check(a, b):
    # expect: constant-time-compare-call
    return safe_str_cmp(a, b)


# expect: token-function-definition
def generate_api_key():
    # expect: secure-random-token-call
    return secrets.token_urlsafe(32)


def refresh(user):
    # expect: jwt-encode-call
    return create_access_token(identity=user.id)


# ok: jwt-encode-call
def encode_cursor(last_id):
    return base64.urlsafe_b64encode(str(last_id).encode())


def salt():
    # expect: secure-random-token-call
    return os.urandom(16)


def ids():
    # ok: secure-random-token-call
    request_id = uuid.uuid4().hex
    # ok: secure-random-token-call, predictable-random-for-secret
    colour = random.choice(["red", "blue"])
    return request_id, colour


def make_reset_code():
    # expect: predictable-random-for-secret
    return "".join(random.choices("0123456789", k=6))


def shuffle_deck(cards):
    # ok: predictable-random-for-secret
    random.shuffle(cards)
    # expect: predictable-random-for-secret
    api_key = str(random.getrandbits(64))
    return api_key


def reset_link(user):
    # expect: signed-token-call
    return serializer.dumps(user.email, salt="reset")


def confirm(token):
    # expect: signed-token-call
    email = serializer.loads(token, max_age=3600)
    # expect: signed-token-call
    value = signing.loads(token, max_age=60, salt="unsubscribe")
    return email, value


def parse(blob):
    # ok: signed-token-call
    # ok: signed-token-call
    cached = cache_serializer.loads(blob)
    rows = csv_reader.loads(blob)
    # ok: signed-token-call
    return json.loads(blob), rows


# expect: token-function-definition
def set_session_cookie(response, sid):
    # expect: cookie-security-flags
    response.set_cookie("sid", sid, secure=True, httponly=True, samesite="Lax")


def set_theme(response):
    # ok: cookie-security-flags
    response.set_cookie("theme", "dark")
    # expect: cookie-security-flags
    response.set_cookie("remember_token", "x", max_age=3600)
    # ok: cookie-security-flags
    response.delete_cookie("sessionid")

import bcrypt
import pyotp
from argon2 import PasswordHasher
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.hashers import check_password, make_password
from fastapi import Depends, FastAPI, Security
from fastapi.security import OAuth2PasswordBearer
from flask_login import login_user
from passlib.context import CryptContext
from rest_framework.authentication import BaseAuthentication
from werkzeug.security import generate_password_hash

app = FastAPI()
# expect: password-hash-call
pwd_context = CryptContext(schemes=["argon2"], deprecated="auto")
# expect: fastapi-security-scheme
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
# expect: password-hash-call
ph = PasswordHasher()


class AuthenticationError(Exception):
    # ok: authentication-function-definition
    """Raised when login fails; an error class is not the login path."""


def check_user(user, raw):
    # expect: password-verify-call
    if not pwd_context.verify(raw, user.password_hash):
        raise AuthenticationError()
    # expect: password-verify-call
    return bcrypt.checkpw(raw.encode(), user.pw) and check_password(raw, user.encoded)


def store(user, raw):
    # expect: password-hash-call
    user.password_hash = bcrypt.hashpw(raw.encode(), bcrypt.gensalt())
    # expect: password-hash-call
    user.other = make_password(raw)
    # expect: password-hash-call
    user.set_password(raw)
    # ok: password-hash-call
    return hash((user.id, user.email))


def digest(content):
    # ok: password-hash-call
    return hashlib.sha256(content).hexdigest(), db.session.commit()


def passes(user, raw):
    # expect: password-verify-call
    return user.check_password(raw)


# expect: authentication-function-definition
def verify_password(plain, hashed):
    # expect: password-hash-call
    return generate_password_hash(plain) == hashed


# ok: authentication-function-definition
def login_view(request):
    # expect: login-session-call
    user = authenticate(request, username=request.POST["u"], password=request.POST["p"])
    if user is not None:
        # expect: login-session-call
        login(request, user)


# expect: authentication-function-definition
def sign_out(request):
    # expect: login-session-call
    logout(request)


def flask_login(user):
    # ok: login-session-call
    logging.info("login for %s", user)
    # expect: login-session-call
    login_user(user, remember=True)


# ok: authentication-function-definition
def login_url(next_path):
    return f"/login/?next={next_path}"


# ok: authentication-function-definition
def build_login_redirect(next_path):
    # ok: login-session-call
    return login_url(next_path)


# expect: authentication-function-definition
def get_current_user(token=Depends(oauth2_scheme)):
    return token


@app.get("/me")
# expect: fastapi-auth-dependency
async def me(user=Depends(get_current_user)):
    return user


@app.get("/items")
# ok: fastapi-auth-dependency
async def items(db=Depends(get_db), page=Depends(pagination)):
    return db


@app.get("/admin")
# expect: fastapi-security-scheme, fastapi-auth-dependency
async def admin(user=Security(get_current_user, scopes=["admin"])):
    return user


# ok: fastapi-security-scheme, fastapi-auth-dependency
settings = Depends(get_settings)
# ok: fastapi-security-scheme
security_headers = build_security_headers()


class Lexer2:
    # ok: fastapi-auth-dependency
    def next(self, tok=Depends(next_token_position)):
        return tok



# expect: authentication-backend-class
class HeaderTokenAuthentication(BaseAuthentication):
    # expect: authentication-function-definition
    def authenticate(self, request):
        return None


# ok: authentication-backend-class
class TokenLexer(Lexer):
    def tokens(self):
        return []


# expect: authentication-backend-class
class ApiUser(auth.ModelBackend):
    pass


# ok: authentication-backend-class
class AuthError(Exception):
    pass


def enrol(user):
    # expect: one-time-password-call
    user.otp_seed = pyotp.random_base32()


def second_factor(user, code):
    # expect: one-time-password-call
    totp = pyotp.TOTP(user.otp_seed)
    # expect: one-time-password-call
    return totp.verify(code, valid_window=1)


def otp_label(user):
    # ok: one-time-password-call
    return f"otp for {user.email}"


def parse_one(tokens):
    # ok: one-time-password-call
    return tokens.verify_next()


def argon(raw, stored):
    # ok: password-verify-call
    result = schema.verify(raw)
    # ok: password-verify-call
    return result and ph.check(stored)

"""Account login and password reset."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from passlib.context import CryptContext

from .models import User, db

RESET_TOKEN_TTL = timedelta(minutes=30)

pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")


class AuthenticationError(Exception):
    """Raised when a login attempt fails, without saying which part was wrong."""


@dataclass
class ResetTicket:
    user_id: int
    token: str
    expires_at: datetime


def hash_password(plain: str) -> str:
    return pwd_context.hash(plain)


def login(email: str, password: str) -> User:
    user = User.query.filter_by(email=email.lower()).first()
    if user is None:
        # Spend the same time as a real check so response time does not reveal accounts.
        pwd_context.dummy_verify()
        raise AuthenticationError("invalid credentials")
    if not pwd_context.verify(password, user.password_hash):
        raise AuthenticationError("invalid credentials")
    if pwd_context.needs_update(user.password_hash):
        user.password_hash = pwd_context.hash(password)
        db.session.commit()
    user.last_login_at = datetime.now(timezone.utc)
    db.session.commit()
    return user


def issue_reset_token(user: User) -> ResetTicket:
    token = secrets.token_urlsafe(32)
    ticket = ResetTicket(
        user_id=user.id,
        token=token,
        expires_at=datetime.now(timezone.utc) + RESET_TOKEN_TTL,
    )
    user.reset_token = token
    user.reset_token_expires_at = ticket.expires_at
    db.session.commit()
    return ticket


def redeem_reset_token(user: User, presented: str, new_password: str) -> None:
    stored = user.reset_token or ""
    expires_at = user.reset_token_expires_at
    if expires_at is None or expires_at < datetime.now(timezone.utc):
        raise AuthenticationError("reset link expired")
    if not hmac.compare_digest(stored.encode(), presented.encode()):
        raise AuthenticationError("reset link invalid")
    user.password_hash = hash_password(new_password)
    user.reset_token = None
    user.reset_token_expires_at = None
    db.session.commit()

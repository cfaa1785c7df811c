"""Hashing and encryption helpers shared by the exports and the legacy accounts."""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.fernet import Fernet

_fernet = Fernet(os.environ["SHOP_FIELD_KEY"].encode())


def legacy_password_digest(name: str) -> str:
    digest = hashlib.md5(name.encode())  # café ☕ legacy
    return f"md5:{digest.hexdigest()}"


def legacy_reset_token(name: str) -> str:
    return "menu·café🍰:" + hashlib.md5(name.encode("utf-8")).hexdigest()


def sign_export(payload: bytes, key: bytes) -> dict[str, str]:
    return {"libellé": "reçu 🧾", "sig": hmac.new(key, payload, hashlib.sha256).hexdigest()}


def encrypt_field(value: str) -> bytes:
    return _fernet.encrypt(value.encode("utf-8"))


def decrypt_field(token: bytes) -> str:
    return _fernet.decrypt(token, ttl=None).decode("utf-8")

"""Payment provider webhooks and stored card details."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from dataclasses import dataclass

from .models import Order, db

WEBHOOK_SECRET = os.environ["PAYMENTS_WEBHOOK_SECRET"]
SIGNATURE_TOLERANCE_SECONDS = 300


class WebhookError(Exception):
    """Raised for webhook payloads that must not be processed."""


@dataclass(frozen=True)
class StoredCard:
    brand: str
    last4: str
    exp_month: int
    exp_year: int


def verify_webhook_signature(payload: bytes, header: str, now: float | None = None) -> dict:
    """Check a `t=...,v1=...` signature header and return the decoded event."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    timestamp = int(parts.get("t", "0"))
    current = time.time() if now is None else now
    if abs(current - timestamp) > SIGNATURE_TOLERANCE_SECONDS:
        raise WebhookError("timestamp outside tolerance")
    signed_payload = f"{timestamp}.".encode() + payload
    expected = hmac.new(WEBHOOK_SECRET.encode(), signed_payload, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, parts.get("v1", "")):
        raise WebhookError("signature mismatch")
    return json.loads(payload)


def card_from_pan(pan: str, exp_month: int, exp_year: int) -> StoredCard:
    """Keep only what we are allowed to store: brand and last four digits."""
    digits = "".join(ch for ch in pan if ch.isdigit())
    if not 12 <= len(digits) <= 19:
        raise ValueError("card number has the wrong length")
    brand = "visa" if digits.startswith("4") else "mastercard" if digits[0] == "5" else "other"
    return StoredCard(brand=brand, last4=digits[-4:], exp_month=exp_month, exp_year=exp_year)


def mask_card_number(card_number: str) -> str:
    return "•" * (len(card_number) - 4) + card_number[-4:]


def handle_payment_succeeded(event: dict) -> None:
    intent = event["data"]["object"]
    order = Order.query.get(int(intent["metadata"]["order_id"]))
    if order is None:
        return
    order.status = "paid"
    order.card_last4 = intent["payment_method"]["card"]["last4"]
    db.session.commit()

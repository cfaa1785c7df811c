"""Small helpers with no security relevance: money, slugs, ETags."""

from __future__ import annotations

import re
import unicodedata
import zlib
from decimal import ROUND_HALF_UP, Decimal


def format_price(pence: int, currency: str = "GBP") -> str:
    symbol = {"GBP": "£", "EUR": "€", "USD": "$"}.get(currency, currency + " ")
    amount = (Decimal(pence) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{symbol}{amount:,}"


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


def etag_for(body: bytes) -> str:
    return f'W/"{zlib.crc32(body):08x}"'


def chunked(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]

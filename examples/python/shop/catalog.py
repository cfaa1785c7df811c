"""Product catalog: listing, search query parsing, and cart lines."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass

from .models import Product, db

PAGE_SIZE = 24


@dataclass(frozen=True)
class Page:
    items: list[Product]
    next_cursor: str | None


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"id": last_id}).encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    return int(json.loads(base64.urlsafe_b64decode(cursor.encode()))["id"])


def list_products(cursor: str | None = None, limit: int = PAGE_SIZE) -> Page:
    after = decode_cursor(cursor)
    rows = Product.query.filter(Product.id > after).order_by(Product.id).limit(limit + 1).all()
    next_cursor = encode_cursor(rows[limit - 1].id) if len(rows) > limit else None
    return Page(items=rows[:limit], next_cursor=next_cursor)


def tokenize_query(query: str) -> Iterator[tuple[str, str]]:
    """Split a search like `red shoes size:42 -leather` into (kind, text) tokens."""
    for token in query.split():
        if token.startswith("-") and len(token) > 1:
            yield ("exclude", token[1:])
        elif ":" in token:
            field, _, value = token.partition(":")
            yield ("field", f"{field}={value}")
        else:
            yield ("word", token.lower())


def next_token(tokens: list[str], position: int) -> str | None:
    return tokens[position] if position < len(tokens) else None


@dataclass(frozen=True)
class CartLine:
    sku: str
    quantity: int

    def __hash__(self) -> int:
        return hash((self.sku, self.quantity))


def rename_product(product_id: int, title: str) -> None:
    product = Product.query.get(product_id)
    product.title = title.strip()
    db.session.add(product)
    db.session.commit()

"""Recognising secrets in string literals, and masking them wherever they are shown.

Three signals, from most to least certain: a well-known token format (cloud keys, forge tokens,
payment keys, private-key blocks, JWTs); a high-entropy string assigned to a secret-looking name;
nothing else. Placeholders ("changeme", "<your-key>", "xxxx", "${VAR}") are not secrets.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class TokenFormat:
    """A well-known credential format with a name people recognise."""

    name: str
    pattern: re.Pattern[str]


# Each pattern is anchored on a vendor prefix, so it is linear and specific.
TOKEN_FORMATS: tuple[TokenFormat, ...] = tuple(
    TokenFormat(name, re.compile(pattern))
    for name, pattern in (
        ("AWS access key id", r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\b"),
        ("GitHub token", r"\bgh[pousr]_[A-Za-z0-9]{36,255}\b"),
        ("GitHub fine-grained token", r"\bgithub_pat_[A-Za-z0-9_]{22,255}\b"),
        ("GitLab token", r"\bglpat-[A-Za-z0-9_\-]{20,}\b"),
        ("Slack token", r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b"),
        ("Stripe secret key", r"\b(?:sk|rk)_live_[A-Za-z0-9]{16,}\b"),
        ("Google API key", r"\bAIza[0-9A-Za-z_\-]{35}\b"),
        ("OpenAI-style API key", r"\bsk-(?:proj-)?[A-Za-z0-9_\-]{32,}\b"),
        ("private key block", r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY(?: BLOCK)?-----"),
        ("JSON Web Token", r"\beyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}"),
        ("npm token", r"\bnpm_[A-Za-z0-9]{36}\b"),
        ("SendGrid key", r"\bSG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}\b"),
    )
)

# The words are case-insensitive; the boundaries around them are not, so camelCase works in
# both directions (``apiToken`` is a secret name, ``tokenizerMode`` is not).
SECRET_NAME = re.compile(
    r"(?:^|_|-|\b|(?<=[a-z]))(?i:secret|passw(?:or)?d|passwd|pwd|api[_-]?key|access[_-]?key|"
    r"private[_-]?key|signing[_-]?key|client[_-]?secret|auth[_-]?token|access[_-]?token|refresh[_-]?token|"
    r"bearer|credentials?|token)(?:$|_|-|\b|(?=[A-Z]))"
)

_SEGMENT = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")


def _is_wordy(value: str) -> bool:
    """Words joined by dots, dashes or underscores: module paths, header names, settings keys.

    Each part starts with a letter and has at most two digits (``Argon2PasswordHasher``), which
    generated secrets split at separators almost never do.
    """
    parts = re.split(r"[._-]", value)
    return len(parts) >= 2 and all(
        _SEGMENT.match(part) and sum(c.isdigit() for c in part) <= 2 for part in parts
    )

_PLACEHOLDER = re.compile(
    r"(?i)^(?:|x+|\*+|\.+|-+|changeme|change[-_ ]?me|password|secret|token|example|dummy|test|"
    r"your[-_ ].*|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%\(?[a-z_]*\)?s|todo|none|null|redacted)$"
)


def shannon_entropy(text: str) -> float:
    """Bits per character; random base64 is about 6, English words about 3–4."""
    if not text:
        return 0.0
    counts = Counter(text)
    total = len(text)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def known_format(value: str) -> str | None:
    """The name of the well-known token format in ``value``, if any."""
    for fmt in TOKEN_FORMATS:
        if fmt.pattern.search(value):
            return fmt.name
    return None


def is_placeholder(value: str) -> bool:
    """Values people write where a secret will go later; never reported as secrets."""
    return bool(_PLACEHOLDER.match(value.strip()))


def looks_random(value: str, min_length: int = 16, min_entropy: float = 3.5) -> bool:
    """A long string without spaces and with enough entropy to be a generated secret."""
    stripped = value.strip()
    if len(stripped) < min_length or " " in stripped or is_placeholder(stripped):
        return False
    if stripped.startswith(("http://", "https://", "/", "./")) and "@" not in stripped:
        return False
    if _is_wordy(stripped):
        return False  # django.contrib.auth.hashers.Argon2PasswordHasher, Access-Control-Allow-Credentials
    return shannon_entropy(stripped) >= min_entropy


def mask(value: str) -> str:
    """Show just enough to recognise a secret (its first four characters) and hide the rest."""
    if len(value) <= 4:
        return "*" * len(value)
    visible = 4 if len(value) >= 12 else 1
    return value[:visible] + "*" * min(len(value) - visible, 12) + f"({len(value)} chars)"

"""The engine's vocabulary as types: levels, categories, profiles, findings and regions.

These are plain frozen dataclasses so that findings can cross process boundaries (the scanner's
worker processes pickle them) and be compared in tests.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Level(enum.IntEnum):
    """How high the stakes are. Ordered so that ``max()`` gives a region's level."""

    LOW = 0
    ELEVATED = 1
    HIGH = 2
    CRITICAL = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Level:
        """Parse ``critical|high|elevated`` (``low`` too, for overrides)."""
        return cls[text.strip().upper()]


LEVEL_NAMES = ("critical", "high", "elevated")

CATEGORIES = (
    "credentials",
    "authentication",
    "authorization",
    "session-token",
    "cryptography",
    "sensitive-data",
    "security-config",
    "zone",
)

PROFILES = ("prototype", "internal", "production", "critical")

# The spectrum advice a developer sees, keyed by level (design notes, "Spectrum advice").
ADVICE: dict[Level, str] = {
    Level.CRITICAL: "write by hand; a second person reviews",
    Level.HIGH: "hand-write, or review every line an AI wrote and understand it",
    Level.ELEVATED: "AI may draft; review the result before merging",
    Level.LOW: "vibe-coding OK",
}


class Severity(enum.IntEnum):
    """LSP-compatible severities (same numbers as the protocol), kept here so the engine needs no lsprotocol."""

    ERROR = 1
    WARNING = 2
    INFORMATION = 3
    HINT = 4

    @property
    def label(self) -> str:
        return self.name.lower()


# level × profile → severity (design notes table).
SEVERITY_TABLE: dict[str, dict[Level, Severity]] = {
    "prototype": {
        Level.CRITICAL: Severity.INFORMATION,
        Level.HIGH: Severity.HINT,
        Level.ELEVATED: Severity.HINT,
    },
    "internal": {
        Level.CRITICAL: Severity.WARNING,
        Level.HIGH: Severity.INFORMATION,
        Level.ELEVATED: Severity.HINT,
    },
    "production": {
        Level.CRITICAL: Severity.ERROR,
        Level.HIGH: Severity.WARNING,
        Level.ELEVATED: Severity.INFORMATION,
    },
    "critical": {
        Level.CRITICAL: Severity.ERROR,
        Level.HIGH: Severity.ERROR,
        Level.ELEVATED: Severity.WARNING,
    },
}


def severity_for(level: Level, profile: str) -> Severity:
    """Map a stakes level to a severity under a profile; unknown profiles mean production."""
    table = SEVERITY_TABLE.get(profile, SEVERITY_TABLE["production"])
    return table.get(level, Severity.HINT)


@dataclass(frozen=True)
class Span:
    """A range in a document. Lines are 0-based; columns are UTF-8 byte offsets within the line.

    Byte columns are what tree-sitter gives; presenters convert them (LSP to the negotiated
    encoding, CLI/SARIF to 1-based character columns).
    """

    start_line: int
    start_byte_col: int
    end_line: int
    end_byte_col: int
    start_byte: int = 0
    end_byte: int = 0
    start_char: int = -1  # code-point columns, filled in for presenters that count characters
    end_char: int = -1


@dataclass(frozen=True)
class RegionRef:
    """Identifies a region: what it is, its qualified name and its lines (0-based, inclusive)."""

    kind: str  # function | method | class | module
    name: str
    start_line: int
    end_line: int


@dataclass(frozen=True)
class Finding:
    """One match of one rule."""

    rule_id: str
    category: str
    level: Level
    message: str
    span: Span
    region: RegionRef
    matched: str = ""  # the construct, masked when it may be a secret
    suppressed: str | None = None  # the suppression's reason when suppressed


@dataclass
class Region:
    """A reviewable unit (function, method, class or module) and the findings inside it."""

    ref: RegionRef
    fingerprint: str
    span: Span
    findings: list[Finding] = field(default_factory=list)
    zone_level: Level = Level.LOW
    zone_reason: str = ""

    @property
    def level(self) -> Level:
        levels = [f.level for f in self.findings if f.suppressed is None]
        return max([*levels, self.zone_level], default=Level.LOW)

    @property
    def categories(self) -> list[str]:
        cats = {f.category for f in self.findings if f.suppressed is None}
        if self.zone_level > Level.LOW:
            cats.add("zone")
        return sorted(cats)

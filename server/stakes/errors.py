"""Every error Stakes raises on purpose, so callers can catch by meaning rather than by accident.

::

    StakesError                 base; carries a human message
    ├── UsageError              bad command-line arguments (exit code 2)
    └── LocatedError            something in a user's file; names file, line, column and a fix
        ├── PackError           a rule pack or rule file cannot be loaded
        ├── ConfigError         ``.stakes/config.yaml`` is invalid
        └── LedgerError         ``.stakes/reviews.yaml`` cannot be read; it is never overwritten

A ``LocatedError`` is also a value: loaders collect them (one broken rule must not stop the
others) and presenters show them as diagnostics in the YAML file or as CLI errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class StakesError(Exception):
    """Base class of Stakes' own errors."""


class UsageError(StakesError):
    """The command line asked for something impossible."""


@dataclass
class Location:
    """A place in a file; line and column are 1-based, as people and SARIF count."""

    path: Path
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class LocatedError(StakesError):
    """An error in a user's file, with the place and the fix."""

    kind = "error"

    def __init__(self, location: Location, problem: str, fix: str = "") -> None:
        self.location = location
        self.problem = problem
        self.fix = fix
        super().__init__(self.render())

    def render(self) -> str:
        """Format as ``path:line:col: problem (fix: ...)``, the shape compilers use."""
        text = f"{self.location}: {self.problem}"
        if self.fix:
            text += f" (fix: {self.fix})"
        return text

    def to_json(self) -> dict[str, object]:
        """The JSON shape used in ``stakes scan --format json`` under ``errors``."""
        return {
            "kind": self.kind,
            "path": str(self.location.path),
            "line": self.location.line,
            "column": self.location.column,
            "message": self.problem,
            "fix": self.fix,
        }


class PackError(LocatedError):
    """A rule pack, rule file or rule cannot be loaded."""

    kind = "pack"


class ConfigError(LocatedError):
    """The project configuration is invalid."""

    kind = "config"


class LedgerError(LocatedError):
    """The review ledger cannot be read; Stakes will not write it until it is fixed."""

    kind = "ledger"

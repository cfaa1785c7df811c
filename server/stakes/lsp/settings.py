"""Editor settings (section ``stakes``), from initializationOptions, workspace/configuration
and didChangeConfiguration.

Clients send settings in different shapes: some wrap them in ``{"stakes": {...}}``, some send
the section itself, some send ``null`` for "no opinion". ``parse_settings`` accepts all of them
and ignores keys it does not know (a newer extension may send more), logging bad values instead
of failing, because a typo in a settings file must not stop the server.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stakes.engine.model import LEVEL_NAMES, PROFILES, Level, Severity

log = logging.getLogger(__name__)

SECTION = "stakes"
SEVERITY_NAMES = {s.label: s for s in Severity}


@dataclass(frozen=True)
class Settings:
    """The effective settings for one workspace folder."""

    profile: str | None = None
    packs: tuple[Path, ...] = ()
    severity_overrides: Mapping[Level, Severity] = field(default_factory=dict)
    reviewer: str | None = None
    trusted_workspace: bool = True

    def key(self) -> tuple[object, ...]:
        """What a Project depends on; a change here means the Project must be rebuilt."""
        return (self.profile, self.packs, self.trusted_workspace)


def unwrap(raw: Any) -> Mapping[str, Any]:
    """Accept ``{"stakes": {...}}`` or the section itself; anything else means "no settings"."""
    if isinstance(raw, Mapping):
        inner = raw.get(SECTION)
        if isinstance(inner, Mapping):
            return inner
        return raw
    return {}


def debounce_seconds(raw: Any, default: float) -> float:
    """``debounceMs`` from initializationOptions: how long to wait after typing before assessing.

    Benchmarks set it to 0 to measure the assessment itself; editors keep the default. Bad values
    are logged and ignored, like every other setting.
    """
    value = unwrap(raw).get("debounceMs")
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 10_000:
        log.warning("ignoring setting stakes.debounceMs=%r; use a number of milliseconds (0-10000)", value)
        return default
    return float(value) / 1000


def parse_settings(raw: Any, base: Path | None = None) -> Settings:
    """Turn a client's settings object into ``Settings``; relative pack paths resolve against ``base``."""
    data = unwrap(raw)
    profile = data.get("profile")
    if profile is not None and profile not in PROFILES:
        log.warning("ignoring setting stakes.profile=%r; use one of %s", profile, ", ".join(PROFILES))
        profile = None
    packs: list[Path] = []
    raw_packs = data.get("packs") or []
    if isinstance(raw_packs, list):
        for entry in raw_packs:
            if isinstance(entry, str) and entry.strip():
                path = Path(entry).expanduser()
                if not path.is_absolute() and base is not None:
                    path = base / path
                packs.append(path.resolve())
    else:
        log.warning("ignoring setting stakes.packs: it must be a list of folders")
    overrides: dict[Level, Severity] = {}
    raw_overrides = data.get("severityOverrides") or {}
    if isinstance(raw_overrides, Mapping):
        for level, severity in raw_overrides.items():
            if level in LEVEL_NAMES and isinstance(severity, str) and severity.lower() in SEVERITY_NAMES:
                overrides[Level.parse(level)] = SEVERITY_NAMES[severity.lower()]
            else:
                log.warning("ignoring severityOverrides entry %r: %r", level, severity)
    reviewer = data.get("reviewer")
    trusted = data.get("trustedWorkspace", True)
    return Settings(
        profile=profile,
        packs=tuple(packs),
        severity_overrides=overrides,
        reviewer=reviewer.strip() if isinstance(reviewer, str) and reviewer.strip() else None,
        trusted_workspace=trusted is not False,
    )

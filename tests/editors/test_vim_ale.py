"""Vim with ALE (Debian vim + vim-ale) showing Stakes' diagnostics."""

from __future__ import annotations

from pathlib import Path

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

ALE_PACKAGE = Path("/usr/share/vim/vimfiles/pack/dist-bundle/opt/ale")


def vim_with_ale() -> Path:
    found = find_program("vim", r"VIM - Vi IMproved (\d+\.\d+)", (8, 2), None, [Path("/usr/bin")])
    if found is None:
        unavailable("Vim >= 8.2 is not installed (apt-get install vim)")
    if not (ALE_PACKAGE / "plugin" / "ale.vim").is_file():
        unavailable(f"ALE is not installed at {ALE_PACKAGE} (apt-get install vim-ale)")
    return found[0]


def test_vim_ale(workspace: Workspace, env: dict[str, str], tmp_path: Path) -> None:
    """Push diagnostics, full-text changes; ALE treats LSP characters as byte columns."""
    binary = vim_with_ale()
    plan, out = write_plan(tmp_path, workspace)
    env = dict(env, STAKES_EDITOR_TEST_PLAN=str(plan))
    command = [str(binary), "-N", "-u", "NONE", "-i", "NONE", "-n", "-es", "--cmd", "set encoding=utf-8",
               "-S", str(SNIPPETS / "vim-ale.vim"), "-S", str(DRIVERS / "vim-ale.vim")]
    result = run_editor(command, env, workspace.root, out)
    print(result.get("log"), result["_elapsed_s"])
    check_session(result, workspace, "byte")

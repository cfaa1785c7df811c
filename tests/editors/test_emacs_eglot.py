"""Emacs 28 with Eglot (Debian emacs-nox + elpa-eglot) showing Stakes' diagnostics via Flymake."""

from __future__ import annotations

import subprocess
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


def emacs_with_eglot() -> Path:
    found = find_program("emacs", r"GNU Emacs (\d+\.\d+)", (28, 1), None, [Path("/usr/bin")])
    if found is None:
        unavailable("Emacs >= 28 is not installed (apt-get install emacs-nox)")
    binary = found[0]
    probe = subprocess.run(
        [str(binary), "--batch", "--eval", "(princ (if (require 'eglot nil t) \"yes\" \"no\"))"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    if probe.stdout.strip() != "yes":
        unavailable("Eglot is not installed for Emacs (apt-get install elpa-eglot)")
    return binary


def test_emacs_eglot(workspace: Workspace, env: dict[str, str], tmp_path: Path) -> None:
    """Push diagnostics, UTF-16 positions, shown by Flymake at Emacs character columns."""
    binary = emacs_with_eglot()
    plan, out = write_plan(tmp_path, workspace)
    env = dict(env, STAKES_EDITOR_TEST_PLAN=str(plan))
    # --batch without -Q: Debian's site-start puts the elpa-eglot package on the load path.
    command = [str(binary), "--batch", "-l", str(SNIPPETS / "emacs-eglot.el"),
               "-l", str(DRIVERS / "emacs-eglot.el")]
    result = run_editor(command, env, workspace.root, out)
    print(result.get("log"), result["_elapsed_s"])
    check_session(result, workspace, "char")

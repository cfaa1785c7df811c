"""Fixtures for the real-editor tests: a throwaway workspace and an isolated editor environment."""

from __future__ import annotations

from pathlib import Path

import pytest
from editor_harness import Workspace, editor_env, make_workspace, plan_steps


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    """A copy of the example package in a temporary git repository, with its plan."""
    workspace = make_workspace(tmp_path)
    plan_steps(workspace, tmp_path / "expected")
    return workspace


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Editor environment: Stakes on PATH, HOME and XDG dirs inside ``tmp_path``."""
    return editor_env(tmp_path)

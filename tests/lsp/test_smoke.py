from __future__ import annotations

from pathlib import Path

from tests.lsp.conftest import session


async def test_push_smoke(workspace: Path) -> None:
    async with session(workspace, editor="neovim@0.7.0") as s:
        uri = s.open("app.py")
        diags = await s.pushed(uri, version=1)
        for d in diags:
            print(d.range, d.code, d.severity, d.message)
        assert len(diags) == 3


async def test_pull_smoke(workspace: Path) -> None:
    async with session(workspace, editor="neovim@0.11.0") as s:
        uri = s.open("app.py")
        diags = await s.pulled(uri)
        for d in diags:
            print(d.range, d.code, d.severity, d.message)
        assert len(diags) == 3

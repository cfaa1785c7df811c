"""Incremental sync: edits update diagnostics; stale versions are never published; full-text
changes (Vim ALE) work; files over max-file-size get a note instead of an analysis."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types

from tests.lsp.conftest import APP_PY, config_yaml, ours, session, write


def insert(line: int, character: int, text: str) -> types.TextDocumentContentChangePartial:
    at = types.Position(line, character)
    return types.TextDocumentContentChangePartial(range=types.Range(start=at, end=at), text=text)


async def test_incremental_and_full_text_edits_update_diagnostics(workspace: Path) -> None:
    async with session(workspace, editor="neovim@0.7.0") as s:
        uri = s.open("app.py")
        assert len(await s.pushed(uri, version=1)) == 3
        # Add a finding inside plain() (line 15 is "    return x + 1").
        v2 = s.change(uri, [insert(15, 0, "    y = hashlib.md5(x)\n")])
        diagnostics = await s.pushed(uri, version=v2)
        assert sorted(d.range.start.line for d in diagnostics) == [4, 9, 10, 15]
        new = next(d for d in diagnostics if d.range.start.line == 15)
        assert new.data["region"] == "plain"
        # Delete lines 3-5 (the digest function): the findings below move up by three lines.
        delete = types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(3, 0), end=types.Position(6, 0)), text=""
        )
        v3 = s.change(uri, [delete])
        diagnostics = await s.pushed(uri, version=v3)
        assert sorted(d.range.start.line for d in diagnostics) == [6, 7, 12]
        # A whole-document change, as Vim's ALE sends them: the tree is rebuilt from the new text.
        v4 = s.change(uri, [types.TextDocumentContentChangeWholeDocument(text=APP_PY.replace("hashlib.md5(data)", "data"))])
        diagnostics = await s.pushed(uri, version=v4)
        assert sorted(d.range.start.line for d in diagnostics) == [9, 10]
        # A change sent right behind didOpen (before the server answered anything) is not lost.
        other = s.open("other.py", text="import hashlib\n")
        v2 = s.change(other, [insert(1, 0, "hashlib.md5(b'')\n")])
        assert [d.range.start.line for d in await s.pushed(other, version=v2)] == [1]


async def test_stale_versions_are_never_published(workspace: Path) -> None:
    async with session(workspace, editor="neovim@0.7.0") as s:
        uri = s.open("app.py")
        await s.pushed(uri, version=1)
        # Type a new finding one character at a time, faster than the debounce.
        text = "z = hashlib.md5(b'')\n"
        last = 1
        for i, char in enumerate(text):
            last = s.change(uri, [insert(16, i, char)])
            await asyncio.sleep(0.005)
        diagnostics = await s.pushed(uri, version=last)
        assert sorted(d.range.start.line for d in diagnostics) == [4, 9, 10, 16]
        await asyncio.sleep(0.4)
        versions = [p.version for p in s.published(uri)]
        assert versions == [1, last], versions  # nothing for the intermediate versions


async def test_large_file_gets_a_note_not_an_analysis(workspace: Path) -> None:
    write(workspace / ".stakes" / "config.yaml", config_yaml("max-file-size: 200\n"))
    async with session(workspace, editor="neovim@0.7.0") as s:
        uri = s.open("app.py")
        await s.pushed(uri, version=1)
        notes = [d for d in s.published(uri)[-1].diagnostics if d.code == "stakes/note"]
        assert ours(s.published(uri)[-1].diagnostics) == []
        assert len(notes) == 1 and "max-file-size" in notes[0].message
        assert notes[0].severity == types.DiagnosticSeverity.Information

"""Position encodings: UTF-8 for clients that prefer it (Neovim 0.11), UTF-16 otherwise, with
correct columns on a line holding ``é`` and an emoji, for diagnostics and for incoming edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp.conftest import session, write

PREFIX = 'label = "é😀"; h = '
LINE = PREFIX + "hashlib.md5(b'x')"
SOURCE = f"import hashlib\n{LINE}\n"

# Columns of ``hashlib.md5(b'x')`` after the prefix, per encoding.
UTF8_START = len(PREFIX.encode("utf-8"))
UTF16_START = len(PREFIX.encode("utf-16-le")) // 2
CALL = "hashlib.md5(b'x')"


@pytest.mark.parametrize(
    ("editor", "encoding", "start"),
    [
        ("neovim@0.11.0", "utf-8", UTF8_START),
        ("visual-studio-code@1.65.2", "utf-16", UTF16_START),
        ("emacs@29.1", "utf-16", UTF16_START),  # offers utf-32 first: we answer with utf-16
        ("neovim@0.7.0", "utf-16", UTF16_START),  # offers nothing: utf-16
    ],
)
async def test_columns_on_a_line_with_accent_and_emoji(workspace: Path, editor: str, encoding: str, start: int) -> None:
    assert UTF8_START != UTF16_START  # the line really distinguishes the encodings
    write(workspace / "uni.py", SOURCE)
    async with session(workspace, editor=editor) as s:
        assert s.result.capabilities.position_encoding == encoding
        uri = s.open("uni.py")
        if s.result.capabilities.diagnostic_provider is None:
            diagnostics = await s.pushed(uri, version=1)
        else:
            diagnostics = await s.pulled(uri)
        assert len(diagnostics) == 1
        rng = diagnostics[0].range
        assert (rng.start.line, rng.start.character) == (1, start)
        assert (rng.end.line, rng.end.character) == (1, start + len(CALL))

        # An incremental edit in the same encoding: insert "xx" right after the emoji.
        after_emoji = start - len('"; h = ')
        insert_at = types.Position(1, after_emoji)
        version = s.change(uri, [types.TextDocumentContentChangePartial(range=types.Range(start=insert_at, end=insert_at), text="xx")])
        if s.result.capabilities.diagnostic_provider is None:
            diagnostics = await s.pushed(uri, version=version)
        else:
            diagnostics = await s.pulled(uri)
        assert [(d.range.start.character, d.range.end.character) for d in diagnostics] == [(start + 2, start + 2 + len(CALL))]
        hover = await s.client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(1, start + 3))
        )
        assert hover is not None


# What Vim's ALE 3.3 declares (trimmed to what matters here): no position encodings, plain-text
# hovers, full-text sync; it reads and sends columns as bytes.
ALE_CAPABILITIES = {
    "workspace": {"applyEdit": False, "configuration": False, "workspaceFolders": False},
    "textDocument": {
        "synchronization": {"didSave": True},
        "hover": {"contentFormat": ["plaintext"]},
        "publishDiagnostics": {"relatedInformation": True},
        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": []}}},
    },
}


async def test_ale_gets_byte_columns_when_configured_and_plain_text_hovers(workspace: Path) -> None:
    from lsprotocol.converters import get_converter

    write(workspace / "uni.py", SOURCE)
    capabilities = get_converter().structure(ALE_CAPABILITIES, types.ClientCapabilities)
    options = {"stakes": {"positionEncoding": "utf-8"}}
    async with session(workspace, capabilities=capabilities, init_options=options) as s:
        assert s.result.capabilities.position_encoding == "utf-8"
        uri = s.open("uni.py")
        diagnostics = await s.pushed(uri, version=1)
        assert [(d.range.start.character, d.range.end.character) for d in diagnostics] == [(UTF8_START, UTF8_START + len(CALL))]
        # ALE sends the whole text on every change.
        version = s.change(uri, [types.TextDocumentContentChangeWholeDocument(text="\n" + SOURCE)])
        assert [d.range.start.line for d in await s.pushed(uri, version=version)] == [2]
        hover = await s.client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(2, UTF8_START + 1))
        )
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        assert hover.contents.kind == types.MarkupKind.PlainText
        assert "MD5 has practical collisions" in hover.contents.value

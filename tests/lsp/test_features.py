"""Hover, code lens, code actions (suppression text and placement), commands and
``stakes/regions``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from tests.lsp.conftest import PULL_CLIENT, Session, session, write

MULTI_PY = """\
import hashlib


def multi(data):
    if data:
        value = compute(
            prefix,
            hashlib.md5(data),
        )
    return value
"""

APP_JS = """\
const crypto = require("crypto");

function digest(data) {
  return crypto.createHash("md5").update(data).digest("hex");
}
"""


def doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


async def code_actions(s: Session, uri: str, line: int, character: int) -> list[types.CodeAction]:
    at = types.Position(line, character)
    actions = await s.client.text_document_code_action_async(
        types.CodeActionParams(text_document=doc(uri), range=types.Range(start=at, end=at), context=types.CodeActionContext(diagnostics=[]))
    )
    assert actions is not None
    return [a for a in actions if isinstance(a, types.CodeAction)]


def suppression_edit(action: types.CodeAction, uri: str) -> types.TextEdit:
    assert action.edit is not None
    if action.edit.document_changes:
        change = action.edit.document_changes[0]
        assert isinstance(change, types.TextDocumentEdit)
        assert change.text_document.uri == uri
        edit = change.edits[0]
    else:
        assert action.edit.changes is not None
        edit = action.edit.changes[uri][0]
    assert isinstance(edit, types.TextEdit)
    return edit


async def test_hover_code_lens_and_regions(workspace: Path) -> None:
    """One session, three read-only views of the same document."""
    async with session(workspace, editor=PULL_CLIENT) as s:
        uri = s.open("app.py")
        await check_hover(s, uri)
        await check_code_lens(s, uri)
        await check_regions(s, uri)


async def check_hover(s: Session, uri: str) -> None:
    """Hover on a flagged range: the rule's why, checklist and references, and the region."""
    hover = await s.client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=types.Position(9, 20)))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    text = hover.contents.value
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert "Verifying passwords decides who gets in." in text  # why
    assert "- [ ] Comparison is constant-time." in text  # checklist
    assert "OWASP ASVS V2.4" in text  # references
    assert "`Auth.login`" in text and "**critical**" in text
    assert "categories: authentication, cryptography" in text
    assert "review: not reviewed" in text
    assert hover.range is not None and hover.range.start.line == 9
    nothing = await s.client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=types.Position(15, 5)))
    assert nothing is None


async def check_code_lens(s: Session, uri: str) -> None:
    """One lens per high-stakes region, with level, categories, review state and a command."""
    lenses = await s.client.text_document_code_lens_async(types.CodeLensParams(text_document=doc(uri)))
    assert lenses is not None
    titles = {lens.range.start.line: lens.command.title for lens in lenses if lens.command}
    assert set(titles) == {3, 8}
    assert titles[3].startswith("Stakes: high · cryptography · not reviewed")
    assert titles[8].startswith("Stakes: critical · authentication, cryptography · not reviewed")
    login = next(lens for lens in lenses if lens.range.start.line == 8)
    assert login.command is not None
    assert login.command.command == "stakes.markReviewed"
    assert list(login.command.arguments or []) == [{"uri": uri, "region": "Auth.login"}]


SUPPRESSION_CASES = [
    # (file, text, language, finding position, expected insertion line, expected text)
    # A call inside a multi-line statement: above the statement's first line, same indentation.
    ("multi.py", MULTI_PY, "python", (7, 14), 5, "        # stakes: ignore[lsptest/weak-hash] reason: <why this is not high-stakes>\n"),
    # JavaScript uses // comments.
    ("app.js", APP_JS, "javascript", (3, 12), 3, "  // stakes: ignore[lsptest/weak-hash] reason: <why this is not high-stakes>\n"),
    # A one-line statement in a method.
    ("app.py", None, "python", (9, 16), 9, "        # stakes: ignore[lsptest/password-check] reason: <why this is not high-stakes>\n"),
]


async def test_suppression_action_text_and_placement(workspace: Path) -> None:
    async with session(workspace, editor=PULL_CLIENT) as s:
        for relative, text, language, (line, character), expected_line, expected_text in SUPPRESSION_CASES:
            if text is not None:
                write(workspace / relative, text)
            uri = s.open(relative, language=language)
            actions = await code_actions(s, uri, line, character)
            suppress = [a for a in actions if a.title.startswith("Not high-stakes here")]
            assert len(suppress) == 1, relative
            assert suppress[0].kind == types.CodeActionKind.QuickFix
            edit = suppression_edit(suppress[0], uri)
            assert (edit.range.start.line, edit.range.start.character) == (expected_line, 0), relative
            assert edit.range.start == edit.range.end
            assert edit.new_text == expected_text
            # With a real reason written in, the engine honours the comment and the finding goes away.
            before = len(await s.pulled(uri))
            source = (workspace / relative).read_text(encoding="utf-8").splitlines(keepends=True)
            source.insert(expected_line, edit.new_text.replace("<why this is not high-stakes>", "test fixture only"))
            s.change(uri, [types.TextDocumentContentChangeWholeDocument(text="".join(source))])
            assert len(await s.pulled(uri)) == before - 1, relative


async def test_review_and_explain_actions_and_commands(workspace: Path) -> None:
    settings = {"stakes": {"reviewer": "Ada Tester"}}
    async with session(workspace, editor="neovim@0.7.0", init_options=settings) as s:
        uri = s.open("app.py")
        await s.pushed(uri, version=1)
        actions = await code_actions(s, uri, 9, 16)
        titles = [a.title for a in actions]
        assert "Mark region Auth.login reviewed" in titles
        assert "Explain rule lsptest/password-check" in titles
        explain = next(a for a in actions if a.title.startswith("Explain"))
        assert explain.command is not None
        markdown = await s.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=explain.command.command, arguments=explain.command.arguments)
        )
        assert "Verifying passwords decides who gets in." in markdown

        mark = next(a for a in actions if a.title.startswith("Mark region"))
        assert mark.command is not None
        before = len(s.published(uri))
        result = await s.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=mark.command.command, arguments=mark.command.arguments)
        )
        assert result == {"ok": True}
        ledger = (workspace / ".stakes" / "reviews.yaml").read_text(encoding="utf-8")
        assert "Auth.login" in ledger and "Ada Tester" in ledger
        # Re-assessed and re-published: the reviewed region drops to Hint and says who reviewed it.
        await s.pushed(uri)
        assert len(s.published(uri)) > before
        login = [d for d in s.published(uri)[-1].diagnostics if d.data and d.data["region"] == "Auth.login"]
        assert login and all(d.severity == types.DiagnosticSeverity.Hint for d in login)
        assert all("Reviewed by Ada Tester on" in d.message for d in login)
        status: list[dict[str, Any]] = await s.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="stakes.reviewStatus", arguments=[uri])
        )
        states = {r["name"]: r["review"]["state"] for r in status}
        assert states == {"digest": "unreviewed", "Auth.login": "reviewed"}

        with pytest.raises(JsonRpcException, match="no high-stakes region named 'nope'"):
            await s.client.workspace_execute_command_async(
                types.ExecuteCommandParams(command="stakes.markReviewed", arguments=[{"uri": uri, "region": "nope"}])
            )
        with pytest.raises(JsonRpcException, match="no loaded rule"):
            await s.client.workspace_execute_command_async(types.ExecuteCommandParams(command="stakes.explainRule", arguments=["x/y"]))


async def check_regions(s: Session, uri: str) -> None:
    """``stakes/regions`` per docs/protocol.md, and ``stakes/regionsChanged`` after assessing."""
    regions = await s.client.protocol.send_request_async("stakes/regions", {"textDocument": {"uri": uri}})
    by_name = {r["name"] if isinstance(r, dict) else r.name: r for r in regions}
    assert set(by_name) == {"digest", "Auth.login"}
    login = by_name["Auth.login"]
    login = login if isinstance(login, dict) else vars(login)
    assert login["kind"] == "method"
    assert login["level"] == "critical"
    assert login["categories"] == ["authentication", "cryptography"]
    assert login["advice"] == "write by hand; a second person reviews"
    review = login["review"] if isinstance(login["review"], dict) else vars(login["review"])
    assert review == {"state": "unreviewed"}
    rng = login["range"] if isinstance(login["range"], dict) else vars(login["range"])
    start = rng["start"] if isinstance(rng["start"], dict) else vars(rng["start"])
    assert start == {"line": 8, "character": 0}
    changed = [p for m, p in s.notifications if m == "stakes/regionsChanged"]
    assert changed
    first = changed[0]
    assert (first["uri"] if isinstance(first, dict) else first.uri) == uri
    unknown = await s.client.protocol.send_request_async("stakes/regions", {"textDocument": {"uri": "file:///nope.py"}})
    assert unknown == []


async def test_clients_without_code_action_literals_get_commands(workspace: Path) -> None:
    # A minimal client: no capabilities at all (push diagnostics, UTF-16, bare commands).
    async with session(workspace, capabilities=types.ClientCapabilities()) as s:
        assert s.result.capabilities.position_encoding == "utf-16"
        uri = s.open("app.py")
        assert len(await s.pushed(uri, version=1)) == 3
        at = types.Position(9, 16)
        actions = await s.client.text_document_code_action_async(
            types.CodeActionParams(text_document=doc(uri), range=types.Range(start=at, end=at), context=types.CodeActionContext(diagnostics=[]))
        )
        assert actions is not None
        assert all(isinstance(a, types.Command) for a in actions)
        assert [a.command for a in actions] == ["stakes.markReviewed", "stakes.explainRule"]

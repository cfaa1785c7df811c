"""Diagnostics end to end: push vs pull negotiation, fields, severities and messages."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pygls.uris import to_fs_path

from tests.lsp.conftest import PULL_CLIENT, ours, session


def by_code(diagnostics: list[types.Diagnostic]) -> dict[tuple[int, str], types.Diagnostic]:
    return {(d.range.start.line, str(d.code)): d for d in diagnostics}


async def test_pull_client_is_never_pushed_to(workspace: Path) -> None:
    async with session(workspace, editor=PULL_CLIENT) as s:
        provider = s.result.capabilities.diagnostic_provider
        assert isinstance(provider, types.DiagnosticOptions)
        assert provider.workspace_diagnostics is True
        uri = s.open("app.py")
        first = await s.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        assert isinstance(first, types.RelatedFullDocumentDiagnosticReport)
        assert len(ours(first.items)) == 3
        # Asking again with the result id costs an "unchanged" reply.
        again = await s.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=first.result_id)
        )
        assert isinstance(again, types.RelatedUnchangedDocumentDiagnosticReport)
        # An edit, then a pause longer than the debounce: still nothing pushed.
        s.change(uri, [types.TextDocumentContentChangeWholeDocument(text="import hashlib\nhashlib.md5(b'')\n")])
        await asyncio.sleep(0.6)
        assert s.published(uri) == []
        assert len(await s.pulled(uri)) == 1
        assert any(m == "stakes/regionsChanged" for m, _ in s.notifications)


async def test_pull_capable_client_without_refresh_support_is_pushed_to(workspace: Path) -> None:
    # Neovim 0.11 pulls only after its own edits and cannot be asked to pull again, so a
    # reloaded rule pack or a new review would never reach it: it gets pushed diagnostics.
    async with session(workspace, editor="neovim@0.11.0") as s:
        assert s.result.capabilities.diagnostic_provider is None
        assert s.result.capabilities.position_encoding == "utf-8"
        uri = s.open("app.py")
        assert len(await s.pushed(uri, version=1)) == 3


async def test_vscode_without_pull_support_is_pushed_to(workspace: Path) -> None:
    async with session(workspace, editor="visual-studio-code@1.65.2") as s:
        assert s.result.capabilities.position_encoding == "utf-16"
        assert s.result.capabilities.diagnostic_provider is None
        uri = s.open("app.py")
        assert len(await s.pushed(uri, version=1)) == 3


async def test_push_client_diagnostic_fields_severity_message_related_and_data(workspace: Path) -> None:
    async with session(workspace, editor="neovim@0.7.0") as s:
        assert s.result.capabilities.diagnostic_provider is None  # a push client is not offered pulls
        uri = s.open("app.py")
        found = by_code(await s.pushed(uri, version=1))
        assert sorted(found) == [(4, "lsptest/weak-hash"), (9, "lsptest/password-check"), (10, "lsptest/weak-hash")]
        md5 = found[(4, "lsptest/weak-hash")]
        password = found[(9, "lsptest/password-check")]
        login_md5 = found[(10, "lsptest/weak-hash")]
        for d in found.values():
            assert d.source == "stakes"
            assert "\n" not in d.message
            assert d.code_description is not None
            rule_file = Path(to_fs_path(d.code_description.href) or "")
            assert rule_file.name == "rules.yaml" and rule_file.is_file()
        # production profile: critical → Error, high → Warning
        assert password.severity == types.DiagnosticSeverity.Error
        assert md5.severity == types.DiagnosticSeverity.Warning
        assert md5.message.startswith("hashlib.md5 computes a broken hash.")
        assert "Why: MD5 has practical collisions." in md5.message
        assert "hand-write, or review every line an AI wrote" in md5.message
        assert "High-stakes: a person must write or review this region (digest)" in md5.message
        assert "an AI agent must stop and ask a person" in md5.message
        assert "write by hand; a second person reviews" in password.message
        # Findings of the same region point at each other; a lone finding has no related info.
        assert md5.related_information is None
        assert password.related_information is not None
        assert [r.location.range.start.line for r in password.related_information] == [10]
        assert login_md5.related_information is not None
        assert [r.location.range.start.line for r in login_md5.related_information] == [9]
        assert password.data == {
            "rule": "lsptest/password-check",
            "region": "Auth.login",
            "regionKind": "method",
            "level": "critical",
            "category": "authentication",
            "fingerprint": login_md5.data["fingerprint"],
        }
        assert len(password.data["fingerprint"]) >= 8


async def test_profile_from_initialization_options_and_severity_overrides(workspace: Path) -> None:
    options = {"stakes": {"profile": "prototype", "severityOverrides": {"critical": "warning"}}}
    async with session(workspace, editor="neovim@0.7.0", init_options=options) as s:
        uri = s.open("app.py")
        found = by_code(await s.pushed(uri, version=1))
        assert found[(4, "lsptest/weak-hash")].severity == types.DiagnosticSeverity.Hint  # high × prototype
        assert found[(9, "lsptest/password-check")].severity == types.DiagnosticSeverity.Warning  # override

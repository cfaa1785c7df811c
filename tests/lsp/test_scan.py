"""Workspace scan: ``stakes.scanWorkspace`` with ``$/progress``; push clients get every file's
diagnostics, pull clients get them from ``workspace/diagnostic``."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from tests.lsp.conftest import PULL_CLIENT, ours, session, wait_for, write

OTHER_PY = """\
import hashlib


def other(data):
    return hashlib.md5(data)
"""


async def test_scan_reports_progress_and_pushes_every_file(workspace: Path) -> None:
    write(workspace / "pkg" / "other.py", OTHER_PY)
    write(workspace / "pkg" / "clean.py", "def fine():\n    return 1\n")
    async with session(workspace, editor="neovim@0.7.0") as s:
        uri = s.open("app.py")
        await s.pushed(uri, version=1)
        s.client.progress_reports["scan-token"] = []
        result = await s.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="stakes.scanWorkspace", arguments=[], work_done_token="scan-token")
        )
        assert result == {"files": 3, "findings": 4}
        other = (workspace / "pkg" / "other.py").as_uri()
        diagnostics = await s.pushed(other)
        assert [(d.range.start.line, d.code) for d in diagnostics] == [(4, "lsptest/weak-hash")]
        reports = await wait_for(lambda: (r := s.client.progress_reports["scan-token"]) and isinstance(r[-1], types.WorkDoneProgressEnd) and r)
        assert isinstance(reports[0], types.WorkDoneProgressBegin)
        middle = [r for r in reports if isinstance(r, types.WorkDoneProgressReport)]
        assert len(middle) == 3
        assert any(r.message == "pkg/other.py: 1 findings" for r in middle)
        assert middle[-1].percentage == 100
        assert reports[-1].message == "3 files, 4 findings"


async def test_scan_creates_a_progress_token_when_the_client_gave_none(workspace: Path) -> None:
    async with session(workspace, editor="neovim@0.7.0") as s:
        result = await s.client.workspace_execute_command_async(types.ExecuteCommandParams(command="stakes.scanWorkspace", arguments=[]))
        assert result == {"files": 1, "findings": 3}
        tokens = await wait_for(lambda: [t for t, r in s.client.progress_reports.items() if r and isinstance(r[-1], types.WorkDoneProgressEnd)])
        assert str(tokens[0]).startswith("stakes-scan-")


async def test_pull_client_gets_workspace_diagnostics_after_a_scan(workspace: Path) -> None:
    write(workspace / "pkg" / "other.py", OTHER_PY)
    async with session(workspace, editor=PULL_CLIENT) as s:
        await s.client.workspace_execute_command_async(types.ExecuteCommandParams(command="stakes.scanWorkspace", arguments=[]))
        other = (workspace / "pkg" / "other.py").as_uri()
        assert s.published(other) == []  # pull client: nothing pushed
        report = await s.client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous_result_ids=[]))
        by_uri = {item.uri: item for item in report.items}
        assert set(by_uri) >= {other, s.uri("app.py")}
        item = by_uri[other]
        assert isinstance(item, types.WorkspaceFullDocumentDiagnosticReport)
        assert [d.range.start.line for d in ours(item.items)] == [4]
        assert item.result_id
        again = await s.client.workspace_diagnostic_async(
            types.WorkspaceDiagnosticParams(previous_result_ids=[types.PreviousResultId(uri=other, value=item.result_id)])
        )
        unchanged = next(i for i in again.items if i.uri == other)
        assert isinstance(unchanged, types.WorkspaceUnchangedDocumentDiagnosticReport)

"""Workspace scan: the ``stakes.scanWorkspace`` command (with ``$/progress``) and
``workspace/diagnostic`` for pull clients.

Results are cached per file by (mtime, size, project generation), so the polling that pull
clients do (VS Code asks again every few seconds) only stats files. Workspace diagnostics cover
the files of the last scan plus open documents and broken YAML; a scan is started by the
command, not by the poll, so opening a huge repository costs nothing until someone asks.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from pathlib import Path
from typing import Any

from lsprotocol import types

from stakes.engine.files import select_files
from stakes.engine.scanner import analyze_file
from stakes.lsp import live
from stakes.lsp.diagnostics import error_diagnostics, path_uri, report_diagnostics
from stakes.lsp.guard import guarded
from stakes.lsp.positions import LineColumns
from stakes.lsp.server import COMMAND_PROGRESS_TOKEN, StakesServer
from stakes.lsp.state import CachedFile

log = logging.getLogger(__name__)

SCAN_COMMAND = "stakes.scanWorkspace"
MAX_PROGRESS_REPORTS = 500
WORKSPACE_HOLD_SECONDS = 60.0  # longest a workspace pull with nothing new is held
WORKSPACE_POLL_SECONDS = 1.0


def _fresh(ls: StakesServer, path: Path, entry: CachedFile | None) -> tuple[bool, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return False, -1, -1
    ok = entry is not None and entry.mtime_ns == stat.st_mtime_ns and entry.size == stat.st_size and entry.generation == ls.projects.generation
    return ok, stat.st_mtime_ns, stat.st_size


def scan_file(ls: StakesServer, path: Path) -> CachedFile | None:
    """Assess one file from disk (reusing the cache when nothing changed)."""
    entry = ls.cache.files.get(path)
    fresh, mtime_ns, size = _fresh(ls, path, entry)
    if fresh:
        return entry
    uri = path_uri(path)
    if mtime_ns < 0:
        ls.cache.files.pop(path, None)
        return None
    project = ls.projects.project_for(path)
    report, failure = analyze_file(project, path)
    diagnostics: list[types.Diagnostic] = []
    findings = 0
    if report is not None:
        settings = ls.projects.settings_for(ls.projects.root_for(path))
        columns = LineColumns(path.read_bytes())
        diagnostics = report_diagnostics(report, project.rules.by_id, uri, columns, ls.encoding, settings.severity_overrides)
        findings = len(report.active_findings)
    elif failure is not None:
        log.warning("%s: %s", path, failure)
    entry = CachedFile(uri, mtime_ns, size, ls.projects.generation, diagnostics, findings)
    ls.cache.files[path] = entry
    return entry


async def workspace_files(ls: StakesServer) -> list[Path]:
    roots = ls.projects.folders or sorted({ls.projects.root_for(d.path) for d in ls.documents.values()})
    files: list[Path] = []
    seen: set[Path] = set()
    for root in roots:
        config = (await ls.projects.ready(root)).config
        for path in select_files([root], root, config.max_file_size, config.exclude).files:
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                files.append(resolved)
    return files


async def _progress_token(ls: StakesServer, given: types.ProgressToken | None) -> types.ProgressToken | None:
    if given is not None:
        return given
    if not ls.capability("window.work_done_progress"):
        return None
    token = f"stakes-scan-{uuid.uuid4()}"
    try:
        await ls.work_done_progress.create_async(token)
    except Exception:
        log.warning("the client refused a progress token; scanning without progress")
        return None
    return token


async def scan_workspace(ls: StakesServer, token: types.ProgressToken | None) -> dict[str, int]:
    """Scan every workspace folder; report progress per file; publish or cache diagnostics."""
    if ls.cache.scanning:
        raise RuntimeError("a workspace scan is already running")
    ls.cache.scanning = True
    progress = ls.work_done_progress
    try:
        files = await workspace_files(ls)
        await live.ready_all(ls)
        token = await _progress_token(ls, token)
        if token is not None:
            progress.begin(token, types.WorkDoneProgressBegin(title="Stakes: scanning workspace", cancellable=True, percentage=0, message=f"{len(files)} files"))
        every = max(1, len(files) // MAX_PROGRESS_REPORTS)
        findings = 0
        scanned = 0
        for index, path in enumerate(files, start=1):
            if token is not None and (future := progress.tokens.get(token)) is not None and future.cancelled():
                log.info("workspace scan cancelled after %d files", scanned)
                break
            open_doc = ls.document_for_path(path)
            if open_doc is not None:
                assessment = live.assess(ls, open_doc)
                count = len(assessment.report.active_findings) if assessment.report is not None else 0
            else:
                entry = scan_file(ls, path)
                count = entry.findings if entry is not None else 0
                if entry is not None and not ls.pull:
                    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=entry.uri, diagnostics=entry.diagnostics))
            findings += count
            scanned += 1
            if token is not None and (index % every == 0 or index == len(files)):
                relative = ls.projects.project_for(path).relative(path)
                progress.report(token, types.WorkDoneProgressReport(message=f"{relative}: {count} findings", percentage=int(100 * index / max(len(files), 1))))
            await asyncio.sleep(0)  # let edits, cancellation and other requests through
        if token is not None:
            progress.end(token, types.WorkDoneProgressEnd(message=f"{scanned} files, {findings} findings"))
        live.refresh_errors(ls)
        if ls.pull and ls.capability("workspace.diagnostics.refresh_support"):
            ls.workspace_diagnostic_refresh(None)
        return {"files": scanned, "findings": findings}
    finally:
        ls.cache.scanning = False


@guarded(SCAN_COMMAND)
async def scan_command(ls: StakesServer, *args: Any) -> dict[str, int]:
    return await scan_workspace(ls, COMMAND_PROGRESS_TOKEN.get())


@guarded("workspace/diagnostic")
async def workspace_diagnostic(ls: StakesServer, params: types.WorkspaceDiagnosticParams) -> types.WorkspaceDiagnosticReport:
    """Answer at once when something changed; otherwise hold the request (a long poll).

    A client that already has every result would otherwise ask again immediately, over and over
    (VS Code re-asks about every two seconds while idle).
    """
    previous = {p.uri: p.value for p in params.previous_result_ids}
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WORKSPACE_HOLD_SECONDS
    while True:
        items = await _workspace_items(ls, previous)
        unchanged = all(isinstance(i, types.WorkspaceUnchangedDocumentDiagnosticReport) for i in items)
        if not previous or not unchanged or loop.time() >= deadline:
            return types.WorkspaceDiagnosticReport(items=items)
        await asyncio.sleep(WORKSPACE_POLL_SECONDS)


async def _workspace_items(ls: StakesServer, previous: dict[str, str]) -> list[types.WorkspaceDocumentDiagnosticReport]:
    await live.ready_all(ls)
    items: list[types.WorkspaceDocumentDiagnosticReport] = []
    reported: set[str] = set()
    for doc in list(ls.documents.values()):
        assessment = live.assess(ls, doc)
        reported.add(doc.uri)
        if previous.get(doc.uri) == assessment.result_id:
            items.append(types.WorkspaceUnchangedDocumentDiagnosticReport(uri=doc.uri, result_id=assessment.result_id, version=doc.version))
        else:
            items.append(types.WorkspaceFullDocumentDiagnosticReport(uri=doc.uri, items=live.diagnostics_for(ls, doc, assessment), result_id=assessment.result_id, version=doc.version))
    for path in list(ls.cache.files):
        entry = scan_file(ls, path)
        uri = path_uri(path)
        if uri in reported:
            continue
        reported.add(uri)
        if entry is None:
            items.append(types.WorkspaceFullDocumentDiagnosticReport(uri=uri, items=[], version=None))
        elif previous.get(uri) == entry.result_id:
            items.append(types.WorkspaceUnchangedDocumentDiagnosticReport(uri=uri, result_id=entry.result_id, version=None))
        else:
            items.append(types.WorkspaceFullDocumentDiagnosticReport(uri=uri, items=entry.diagnostics, result_id=entry.result_id, version=None))
        await asyncio.sleep(0)
    for uri, diagnostics in error_diagnostics(live.current_errors(ls), ls.encoding).items():
        if uri not in reported:
            items.append(types.WorkspaceFullDocumentDiagnosticReport(uri=uri, items=diagnostics, version=None))
    return items


def register(server: StakesServer) -> None:
    server.command(SCAN_COMMAND)(scan_command)
    server.feature(types.WORKSPACE_DIAGNOSTIC)(workspace_diagnostic)

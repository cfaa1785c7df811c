"""Keeping open documents assessed: debounce, assess, publish (push clients) or cache for pulls,
and tell clients the regions changed.

Stale results are never published: a debounced run carries the version it was scheduled for and
does nothing if the document has moved on; a published diagnostic set always carries the version
it was computed from.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from pathlib import Path

from lsprotocol import types

from stakes.engine.assessment import FileReport
from stakes.engine.config import CONFIG_DIR
from stakes.engine.ledger import LEDGER_FILE
from stakes.engine.project import Project
from stakes.errors import LocatedError
from stakes.lsp.diagnostics import error_diagnostics, note_diagnostics, report_diagnostics
from stakes.lsp.server import StakesServer
from stakes.lsp.state import Assessment, OpenDocument

log = logging.getLogger(__name__)

REGIONS_CHANGED = "stakes/regionsChanged"


# -- assessing -----------------------------------------------------------------------------------
def too_large(ls: StakesServer, path: Path, text: str) -> str | None:
    """A note when the file is over the project's ``max-file-size`` (it is then not parsed)."""
    limit = ls.projects.max_file_size(ls.projects.root_for(path))
    size = len(text.encode("utf-8", "surrogatepass"))
    if size <= limit:
        return None
    return (
        f"not assessed: {size:,} bytes is over max-file-size ({limit:,}); "
        "raise `max-file-size` in .stakes/config.yaml to assess it"
    )


async def ready(ls: StakesServer, path: Path) -> Project:
    """Wait until the project of ``path`` is loaded (in a worker thread, not on the event loop)."""
    return await ls.projects.ready(ls.projects.root_for(path))


async def ready_all(ls: StakesServer) -> None:
    """Wait for the projects of every open document."""
    roots = {ls.projects.root_for(doc.path) for doc in ls.documents.values()}
    await asyncio.gather(*(ls.projects.ready(root) for root in roots))


def assess(ls: StakesServer, doc: OpenDocument) -> Assessment:
    """Assess the document's current version (or reuse the assessment if it is still current)."""
    generation = ls.projects.generation
    if doc.assessment is not None and doc.assessment.version == doc.version and doc.assessment.generation == generation:
        return doc.assessment
    project = ls.projects.project_for(doc.path)
    if doc.document is None:
        note = too_large(ls, doc.path, doc.text) or "not assessed"
        doc.assessment = Assessment(doc.version, None, [note], generation)
    else:
        report = project.analyze_document(doc.document)
        doc.assessment = Assessment(doc.version, report, list(report.notes), generation)
    return doc.assessment


async def report_for(ls: StakesServer, uri: str) -> tuple[OpenDocument, FileReport] | None:
    """The open document and its current report, once its project is loaded (``None``: not open,
    or not assessed, e.g. over the size limit). The common start of lens, action and hover."""
    doc = ls.documents.get(uri)
    if doc is None:
        return None
    await ready(ls, doc.path)
    report = assess(ls, doc).report
    return (doc, report) if report is not None else None


def diagnostics_for(ls: StakesServer, doc: OpenDocument, assessment: Assessment) -> list[types.Diagnostic]:
    if assessment.report is None:
        return note_diagnostics(assessment.notes)
    project = ls.projects.project_for(doc.path)
    settings = ls.projects.settings_for(ls.projects.root_for(doc.path))
    return report_diagnostics(
        assessment.report, project.rules.by_id, doc.uri, doc.columns, ls.encoding, settings.severity_overrides
    )


def poll_project_files(ls: StakesServer) -> None:
    """Without file watching, notice changed config and packs by their modification times."""
    if ls.watching:
        return
    roots = ls.projects.changed_on_disk()
    if roots:
        ls.spawn(reload_roots(ls, roots))


def refresh(ls: StakesServer, doc: OpenDocument) -> None:
    """Assess now, then publish (push) and announce the regions. Used on open and after debounce."""
    doc.cancel_pending()
    poll_project_files(ls)
    version = doc.version
    assessment = assess(ls, doc)
    if assessment.version != version or ls.documents.get(doc.uri) is not doc:
        return  # superseded while assessing; the newer version has its own run scheduled
    if not ls.pull:
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=doc.uri, diagnostics=diagnostics_for(ls, doc, assessment), version=version)
        )
    ls.protocol.notify(REGIONS_CHANGED, {"uri": doc.uri})
    refresh_errors(ls)


def _fire(ls: StakesServer, uri: str, version: int) -> None:
    doc = ls.documents.get(uri)
    if doc is None or doc.version != version:
        return  # closed, or edited again: a newer run is scheduled
    doc.pending = None
    if ls.projects.root_for(doc.path) not in ls.projects.projects:
        ls.spawn(refresh_when_ready(ls, doc, version))
        return
    try:
        refresh(ls, doc)
    except Exception:
        log.exception("assessing %s failed; the server keeps serving", doc.path)


async def refresh_when_ready(ls: StakesServer, doc: OpenDocument, version: int) -> None:
    """Assess once the document's project has loaded, unless it was edited or closed meanwhile."""
    try:
        await ready(ls, doc.path)
        if ls.documents.get(doc.uri) is doc and doc.version == version:
            refresh(ls, doc)
    except Exception:
        log.exception("assessing %s failed; the server keeps serving", doc.path)


async def settled(ls: StakesServer, doc: OpenDocument, limit: float = 1.0) -> None:
    """Wait while the user is still typing (a debounced run is pending), up to ``limit`` seconds.

    Pull clients ask for diagnostics right after every change; answering after the debounce
    gives them the same one-assessment-per-pause behaviour push clients get.
    """
    if doc.pending is None or ls.debounce <= 0:
        return  # nothing to wait for: answer now, without yielding to the event loop
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while doc.pending is not None and loop.time() < deadline:
        await asyncio.sleep(0.02)


def schedule(ls: StakesServer, doc: OpenDocument) -> None:
    """Debounce: assess once the user pauses typing for ``ls.debounce`` seconds."""
    doc.cancel_pending()
    loop = asyncio.get_running_loop()
    doc.pending = loop.call_later(ls.debounce, _fire, ls, doc.uri, doc.version)


def reassess_all(ls: StakesServer) -> None:
    """After config, packs, ledger or settings change: every open document, now."""
    for doc in list(ls.documents.values()):
        try:
            refresh(ls, doc)
        except Exception:
            log.exception("assessing %s failed; the server keeps serving", doc.path)
    if ls.pull and ls.capability("workspace.diagnostics.refresh_support"):
        ls.workspace_diagnostic_refresh(None)
    if ls.capability("workspace.code_lens.refresh_support"):
        ls.workspace_code_lens_refresh(None)
    refresh_errors(ls)


# -- rule pack and config errors -----------------------------------------------------------------
def current_errors(ls: StakesServer) -> list[LocatedError]:
    errors: list[LocatedError] = []
    for project in ls.projects.loaded():
        errors += project.errors
    return errors


def refresh_errors(ls: StakesServer) -> None:
    """Show broken YAML where it is: diagnostics in that file (pushed, or served on pull).

    Also a one-time window message when the set of errors changes, so a user whose editor
    does not show diagnostics for YAML files still learns why a rule is missing.
    """
    errors = current_errors(ls)
    rendered = frozenset(e.render() for e in errors)
    if rendered == ls.reported_errors:
        return  # nothing new to show (this runs after every assessment)
    ls.reported_errors = rendered
    if rendered:
        first = sorted(rendered)[0]
        more = f" (and {len(rendered) - 1} more)" if len(rendered) > 1 else ""
        ls.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Warning, message=f"Stakes: {first}{more}; other rules keep working")
        )
    if ls.pull:
        if ls.capability("workspace.diagnostics.refresh_support"):
            ls.workspace_diagnostic_refresh(None)
        return
    by_uri = error_diagnostics(errors, ls.encoding)
    for uri in ls.error_uris - set(by_uri):
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    for uri, diagnostics in by_uri.items():
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))
    ls.error_uris = set(by_uri)


# -- project files -------------------------------------------------------------------------------
def is_stakes_file(path: Path) -> bool:
    """Config, ledger, project rules, or a file inside a loaded pack folder."""
    return CONFIG_DIR in path.parts or path.name == "pack.yaml"


def affected_roots(ls: StakesServer, paths: Iterable[Path]) -> set[Path]:
    """Which loaded projects a changed file belongs to (its root, or packs it loads)."""
    roots: set[Path] = set()
    for path in paths:
        resolved = path.resolve()
        for project in ls.projects.loaded():
            pack_dirs = [p.path for p in project.packs.packs]
            pack_dirs += [Path(e.location.path).parent for e in project.errors]
            if resolved.is_relative_to(project.root / CONFIG_DIR) or any(
                resolved.is_relative_to(d) for d in pack_dirs
            ) or (resolved.suffix in (".yaml", ".yml") and any(resolved.is_relative_to(p) for p in project.options.extra_packs + project.config.packs)):
                roots.add(project.root)
    return roots


async def project_files_changed(ls: StakesServer, paths: list[Path]) -> None:
    """Rebuild the projects that depend on these files and re-assess open documents.

    The old projects keep answering requests until the new ones are loaded.
    """
    if paths and all(p.name == LEDGER_FILE and p.parent.name == CONFIG_DIR for p in paths):
        # Only the review ledger changed: projects re-read it by themselves; no reload needed.
        ls.projects.touch()
        ls.cache.clear()
        reassess_all(ls)
        return
    roots = affected_roots(ls, paths)
    if roots:
        await reload_roots(ls, roots)


async def reload_roots(ls: StakesServer, roots: set[Path]) -> None:
    """Rebuild these projects (in worker threads) and re-assess every open document."""
    await ls.projects.reload(roots)
    log.info("reloaded rules/config for %s", ", ".join(str(r) for r in sorted(roots)))
    ls.cache.clear()
    reassess_all(ls)


def register(server: StakesServer) -> None:
    """Nothing to register: this module is called by the sync, config and watcher handlers."""

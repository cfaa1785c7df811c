"""Text synchronisation: open, incremental change, close.

Edits are applied to the engine's ``Document`` as range edits in the negotiated encoding, so
its tree-sitter tree is edited and reparsed incrementally rather than rebuilt. pygls keeps its
own copy of the text; after each change the two are compared and, if they ever disagree (a
client bug, a bad range), the document is resynchronised from pygls' text with a warning.
"""

from __future__ import annotations

import logging
from pathlib import Path

from lsprotocol import types
from pygls.uris import to_fs_path

from stakes.engine.document import Document
from stakes.engine.languages import LanguageInfo, language_by_name, language_for_path
from stakes.lsp import live
from stakes.lsp.guard import guarded
from stakes.lsp.server import StakesServer
from stakes.lsp.state import OpenDocument

log = logging.getLogger(__name__)


def uri_path(uri: str) -> Path | None:
    path = to_fs_path(uri)
    return Path(path).resolve() if path else None


def language_of(language_id: str, path: Path) -> LanguageInfo | None:
    return language_for_path(path) or language_by_name(language_id)


@guarded("textDocument/didOpen")
def did_open(ls: StakesServer, params: types.DidOpenTextDocumentParams) -> None:
    item = params.text_document
    path = uri_path(item.uri)
    if path is None:
        return
    language = language_of(item.language_id, path)
    if language is None:
        return
    # Registered synchronously (a handler, not a task), so the didChange that may follow
    # immediately always finds the document; assessing may wait for the project to load.
    document = None if live.too_large(ls, path, item.text) else Document(path, language, item.text, item.version)
    doc = OpenDocument(item.uri, path, language, item.version, item.text, document)
    ls.documents[item.uri] = doc
    if ls.projects.root_for(path) in ls.projects.projects:
        live.refresh(ls, doc)
    else:
        ls.spawn(live.refresh_when_ready(ls, doc, doc.version))


@guarded("textDocument/didChange")
def did_change(ls: StakesServer, params: types.DidChangeTextDocumentParams) -> None:
    doc = ls.documents.get(params.text_document.uri)
    if doc is None:
        return
    doc.version = params.text_document.version
    synced = ls.workspace.get_text_document(doc.uri).source
    if doc.document is None:
        doc.text = synced
        if not live.too_large(ls, doc.path, synced):
            doc.document = Document(doc.path, doc.language, synced, doc.version)
    else:
        for change in params.content_changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                r = change.range
                doc.document.apply_range_edit(
                    r.start.line, r.start.character, r.end.line, r.end.character, change.text, ls.encoding
                )
            else:
                doc.document.replace_text(change.text)
        doc.document.version = doc.version
        if doc.document.text != synced:
            log.warning("%s: incremental edits disagreed with the client's text; resynchronised", doc.path.name)
            doc.document.replace_text(synced)
    live.schedule(ls, doc)


@guarded("textDocument/didClose")
def did_close(ls: StakesServer, params: types.DidCloseTextDocumentParams) -> None:
    doc = ls.documents.pop(params.text_document.uri, None)
    if doc is None:
        return
    doc.cancel_pending()
    if not ls.pull:
        # A closed file keeps the findings of the last workspace scan, if it had one; else none.
        scanned = ls.cache.files.get(doc.path)
        diagnostics = scanned.diagnostics if scanned is not None and scanned.generation == ls.projects.generation else []
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=doc.uri, diagnostics=diagnostics))


@guarded("textDocument/didSave")
async def did_save(ls: StakesServer, params: types.DidSaveTextDocumentParams) -> None:
    # Saving a rule pack, config or ledger file that is open in the editor: the watcher may
    # not be registered (static-only clients), so treat a save of one like a file change.
    path = uri_path(params.text_document.uri)
    if path is not None and live.is_stakes_file(path):
        await live.project_files_changed(ls, [path])


def register(server: StakesServer) -> None:
    server.feature(types.TEXT_DOCUMENT_DID_OPEN)(did_open)
    server.feature(types.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    server.feature(types.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))(did_save)

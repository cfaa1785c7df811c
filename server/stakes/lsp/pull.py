"""``textDocument/diagnostic``: pull diagnostics for clients that declared support for them.

Only those clients are told we offer pulls (see ``server.StakesProtocol``); they never get
pushed diagnostics, so nothing is shown twice. The result id is the project generation plus the
document version, so an unchanged document costs the client one tiny "unchanged" reply.
"""

from __future__ import annotations

from lsprotocol import types

from stakes.lsp import live
from stakes.lsp.diagnostics import error_diagnostics
from stakes.lsp.guard import guarded
from stakes.lsp.server import StakesServer
from stakes.lsp.sync import uri_path

IDENTIFIER = "stakes"


def _errors_for(ls: StakesServer, uri: str) -> list[types.Diagnostic]:
    """Diagnostics for a rule/config YAML file, matched by path (clients spell URIs differently)."""
    path = uri_path(uri)
    for error_uri, diagnostics in error_diagnostics(live.current_errors(ls), ls.encoding).items():
        if uri_path(error_uri) == path:
            return diagnostics
    return []


@guarded("textDocument/diagnostic")
async def document_diagnostic(ls: StakesServer, params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport:
    uri = params.text_document.uri
    doc = ls.documents.get(uri)
    if doc is not None:
        await live.ready(ls, doc.path)
        await live.settled(ls, doc)
        live.poll_project_files(ls)
    if doc is None:
        items = _errors_for(ls, uri)
        return types.RelatedFullDocumentDiagnosticReport(items=items, result_id=f"errors:{ls.projects.generation}:{len(items)}")
    assessment = live.assess(ls, doc)
    if params.previous_result_id == assessment.result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=assessment.result_id)
    return types.RelatedFullDocumentDiagnosticReport(
        items=live.diagnostics_for(ls, doc, assessment), result_id=assessment.result_id
    )


def register(server: StakesServer) -> None:
    server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(identifier=IDENTIFIER, inter_file_dependencies=False, workspace_diagnostics=True),
    )(document_diagnostic)

"""Code actions on a flagged range: "not high-stakes here" (a suppression comment with a reason
placeholder), "mark region reviewed" and "explain this rule".

Actions are computed from the current assessment, not from the diagnostics the client echoes
back, so they work the same for push and pull clients.
"""

from __future__ import annotations

from lsprotocol import types

from stakes.engine.model import Finding
from stakes.lsp import live
from stakes.lsp.commands import EXPLAIN_RULE, MARK_REVIEWED
from stakes.lsp.guard import guarded
from stakes.lsp.positions import overlaps, span_range
from stakes.lsp.server import StakesServer
from stakes.lsp.state import OpenDocument
from stakes.lsp.suppression import suppression_insertion


def _matching(context: types.CodeActionContext, finding: Finding) -> list[types.Diagnostic]:
    return [d for d in context.diagnostics if d.source == "stakes" and d.code == finding.rule_id]


def _suppress(ls: StakesServer, doc: OpenDocument, finding: Finding, diagnostics: list[types.Diagnostic]) -> types.CodeAction | None:
    if doc.document is None:
        return None
    insertion = suppression_insertion(doc.document, finding, doc.language.line_comment)
    position = types.Position(insertion.line, 0)
    edit = types.TextEdit(range=types.Range(start=position, end=position), new_text=insertion.text)
    document_edit = types.TextDocumentEdit(
        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=doc.uri, version=doc.version),
        edits=[edit],
    )
    if ls.capability("workspace.workspace_edit.document_changes"):
        workspace_edit = types.WorkspaceEdit(document_changes=[document_edit])
    else:
        workspace_edit = types.WorkspaceEdit(changes={doc.uri: [edit]})
    return types.CodeAction(
        title=f"Not high-stakes here: suppress {finding.rule_id} (write the reason)",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=diagnostics or None,
        edit=workspace_edit,
    )


@guarded("textDocument/codeAction", fallback=[])
async def code_action(ls: StakesServer, params: types.CodeActionParams) -> list[types.CodeAction | types.Command]:
    current = await live.report_for(ls, params.text_document.uri)
    if current is None:
        return []
    doc, report = current
    actions: list[types.CodeAction | types.Command] = []
    seen_rules: set[str] = set()
    seen_regions: set[str] = set()
    for finding in report.active_findings:
        if not overlaps(span_range(finding.span, doc.columns, ls.encoding), params.range):
            continue
        diagnostics = _matching(params.context, finding)
        suppress = _suppress(ls, doc, finding, diagnostics)
        if suppress is not None:
            actions.append(suppress)
        region = finding.region.name
        if region not in seen_regions:
            seen_regions.add(region)
            actions.append(
                types.CodeAction(
                    title=f"Mark region {region} reviewed",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=diagnostics or None,
                    command=types.Command(title="Mark reviewed", command=MARK_REVIEWED, arguments=[{"uri": doc.uri, "region": region}]),
                )
            )
        if finding.rule_id not in seen_rules:
            seen_rules.add(finding.rule_id)
            actions.append(
                types.CodeAction(
                    title=f"Explain rule {finding.rule_id}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=diagnostics or None,
                    command=types.Command(title="Explain rule", command=EXPLAIN_RULE, arguments=[finding.rule_id]),
                )
            )
    if not ls.capability("text_document.code_action.code_action_literal_support"):
        # Old clients understand only bare commands: offer those (the edit needs a literal).
        return [
            types.Command(title=a.title, command=a.command.command, arguments=a.command.arguments)
            for a in actions
            if isinstance(a, types.CodeAction) and a.command is not None
        ]
    return actions


def register(server: StakesServer) -> None:
    server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix], resolve_provider=False),
    )(code_action)

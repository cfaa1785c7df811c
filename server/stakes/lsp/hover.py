"""Hover on a flagged range: the rule's why, checklist and references, and the region's summary."""

from __future__ import annotations

from lsprotocol import types

from stakes.lsp import live
from stakes.lsp.guard import guarded
from stakes.lsp.messages import region_markdown, rule_markdown
from stakes.lsp.positions import contains, span_range
from stakes.lsp.server import StakesServer


@guarded("textDocument/hover")
async def hover(ls: StakesServer, params: types.HoverParams) -> types.Hover | None:
    doc = ls.documents.get(params.text_document.uri)
    if doc is None:
        return None
    await live.ready(ls, doc.path)
    assessment = live.assess(ls, doc)
    report = assessment.report
    if report is None:
        return None
    rules = ls.projects.project_for(doc.path).rules.by_id
    sections: list[str] = []
    first: types.Range | None = None
    regions_shown: set[str] = set()
    for finding in report.active_findings:
        rng = span_range(finding.span, doc.columns, ls.encoding)
        if not contains(rng, params.position):
            continue
        first = first or rng
        rule = rules.get(finding.rule_id)
        sections.append(f"**{finding.message}**")
        if rule is not None:
            sections.append(rule_markdown(rule))
        region = report.region_of(finding)
        if region is not None and region.name not in regions_shown:
            regions_shown.add(region.name)
            sections.append(region_markdown(region))
    if not sections:
        return None
    formats = ls.capability("text_document.hover.content_format") or [types.MarkupKind.Markdown]
    kind = types.MarkupKind.Markdown if types.MarkupKind.Markdown in formats else types.MarkupKind.PlainText
    # Plain-text clients (Vim's ALE) get the same text: it is written to read well unrendered.
    return types.Hover(contents=types.MarkupContent(kind=kind, value="\n\n---\n\n".join(sections)), range=first)


def register(server: StakesServer) -> None:
    server.feature(types.TEXT_DOCUMENT_HOVER)(hover)

"""A code lens above each high-stakes region: level, categories, review state, and a command to
mark it reviewed (or, once reviewed and current, to re-confirm the review)."""

from __future__ import annotations

from lsprotocol import types

from stakes.lsp import live
from stakes.lsp.commands import MARK_REVIEWED
from stakes.lsp.guard import guarded
from stakes.lsp.messages import region_title
from stakes.lsp.server import StakesServer


@guarded("textDocument/codeLens", fallback=[])
async def code_lens(ls: StakesServer, params: types.CodeLensParams) -> list[types.CodeLens]:
    current = await live.report_for(ls, params.text_document.uri)
    if current is None:
        return []
    doc, report = current
    lenses = []
    for region in report.regions:
        line = region.region.ref.start_line
        position = types.Position(line, 0)
        action = "re-confirm review" if region.review.current else "mark reviewed"
        lenses.append(
            types.CodeLens(
                range=types.Range(start=position, end=position),
                command=types.Command(
                    title=f"{region_title(region)} — {action}",
                    command=MARK_REVIEWED,
                    arguments=[{"uri": doc.uri, "region": region.name}],
                ),
                data={"uri": doc.uri, "region": region.name, "level": region.level.label},
            )
        )
    return lenses


def register(server: StakesServer) -> None:
    server.feature(types.TEXT_DOCUMENT_CODE_LENS, types.CodeLensOptions(resolve_provider=False))(code_lens)

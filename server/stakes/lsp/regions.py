"""The custom request ``stakes/regions`` (docs/protocol.md): one summary per high-stakes region,
for status bars and decorations. ``stakes/regionsChanged`` is sent by ``live.refresh``.
"""

from __future__ import annotations

import logging
from typing import Any

from pygls.exceptions import JsonRpcInternalError

from stakes.engine.assessment import AssessedRegion
from stakes.lsp import live
from stakes.lsp.guard import guarded
from stakes.lsp.positions import region_range
from stakes.lsp.server import StakesServer
from stakes.lsp.state import OpenDocument

log = logging.getLogger(__name__)

REGIONS_REQUEST = "stakes/regions"


def region_summary(region: AssessedRegion) -> dict[str, Any]:
    rng = region_range(region.region.ref)
    return {
        "name": region.name,
        "kind": region.region.ref.kind,
        "range": {
            "start": {"line": rng.start.line, "character": rng.start.character},
            "end": {"line": rng.end.line, "character": rng.end.character},
        },
        "level": region.level.label,
        "categories": list(region.categories),
        "advice": region.advice,
        "review": region.review.to_json(),
        "fingerprint": region.region.fingerprint,
    }


def summaries(ls: StakesServer, doc: OpenDocument) -> list[dict[str, Any]]:
    report = live.assess(ls, doc).report
    return [region_summary(r) for r in report.regions] if report is not None else []


def _uri_of(params: Any) -> str | None:
    """Custom request params arrive as a dict or as pygls' attribute object; accept both."""
    document = params.get("textDocument") if isinstance(params, dict) else getattr(params, "textDocument", None)
    if document is None:
        return None
    uri = document.get("uri") if isinstance(document, dict) else getattr(document, "uri", None)
    return uri if isinstance(uri, str) else None


@guarded(REGIONS_REQUEST, fallback=[])
async def regions_request(ls: StakesServer, params: Any) -> list[dict[str, Any]]:
    uri = _uri_of(params)
    doc = ls.documents.get(uri) if uri else None
    if doc is None:
        return []
    await live.ready(ls, doc.path)
    try:
        return summaries(ls, doc)
    except Exception as exc:
        # An empty list would read as "no high-stakes code here" (a status bar saying
        # "vibe-coding OK"); a failed assessment must look like a failure.
        log.exception("stakes/regions failed for %s", uri)
        raise JsonRpcInternalError(message=f"Stakes could not assess {doc.path.name}: {exc}") from exc


def register(server: StakesServer) -> None:
    server.feature(REGIONS_REQUEST)(regions_request)

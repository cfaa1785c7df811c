"""``workspace/executeCommand``: mark a region reviewed, explain a rule, review status
(``stakes.scanWorkspace`` lives in ``scan``). Arguments and results follow docs/protocol.md.

Errors a person can act on (no such region, the ledger is broken) are sent as JSON-RPC errors
with a readable message, never swallowed.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams

from stakes.engine.assessment import FileReport
from stakes.engine.scanner import analyze_file
from stakes.errors import StakesError
from stakes.lsp import live
from stakes.lsp.guard import guarded
from stakes.lsp.messages import rule_markdown
from stakes.lsp.regions import region_summary
from stakes.lsp.server import StakesServer
from stakes.lsp.sync import uri_path

log = logging.getLogger(__name__)

MARK_REVIEWED = "stakes.markReviewed"
EXPLAIN_RULE = "stakes.explainRule"
REVIEW_STATUS = "stakes.reviewStatus"
REQUEST_FAILED = -32803  # LSP ErrorCodes.RequestFailed


async def report_for(ls: StakesServer, uri: str) -> FileReport | None:
    """The current report of a file: the open buffer if it is open, else the file on disk."""
    doc = ls.documents.get(uri)
    if doc is not None:
        await live.ready(ls, doc.path)
        return live.assess(ls, doc).report
    path = uri_path(uri)
    if path is None or not path.is_file():
        raise JsonRpcInvalidParams(f"no such file: {uri}")
    await live.ready(ls, path)
    report, failure = analyze_file(ls.projects.project_for(path), path)
    if failure is not None:
        raise JsonRpcException(f"cannot assess {path}: {failure}", code=REQUEST_FAILED)
    return report


def _argument(args: tuple[Any, ...], what: str) -> Any:
    if not args:
        raise JsonRpcInvalidParams(f"missing argument: {what}")
    return args[0]


@guarded(MARK_REVIEWED)
async def mark_reviewed(ls: StakesServer, *args: Any) -> dict[str, bool]:
    from stakes.engine.ledger import mark_review, project_reviewer

    target = _argument(args, '{"uri": ..., "region": ...}')
    if not isinstance(target, dict) or not isinstance(target.get("uri"), str) or not isinstance(target.get("region"), str):
        raise JsonRpcInvalidParams('stakes.markReviewed takes [{"uri": str, "region": str, "note": str?}]')
    uri, name = target["uri"], target["region"]
    note = target.get("note") if isinstance(target.get("note"), str) else ""
    report = await report_for(ls, uri)
    region = next((r for r in report.regions if r.name == name), None) if report is not None else None
    if report is None or region is None:
        raise JsonRpcInvalidParams(f"no high-stakes region named {name!r} in {uri}")
    path = Path(report.path)
    project = ls.projects.project_for(path)
    settings = ls.projects.settings_for(ls.projects.root_for(path))
    reviewer = project_reviewer(project, settings.reviewer)
    try:
        mark_review(project, report.relative, name, region.region.fingerprint, reviewer, note or "")
    except StakesError as exc:
        raise JsonRpcException(f"could not record the review: {exc}", code=REQUEST_FAILED) from exc
    log.info("%s marked %s in %s reviewed", reviewer, name, report.relative)
    ls.projects.touch()
    ls.cache.clear()
    live.reassess_all(ls)
    return {"ok": True}


@guarded(EXPLAIN_RULE)
async def explain_rule(ls: StakesServer, *args: Any) -> str:
    rule_id = _argument(args, "rule id")
    if not isinstance(rule_id, str):
        raise JsonRpcInvalidParams("stakes.explainRule takes [ruleId]")
    projects = ls.projects.loaded() or [await ls.projects.ready(root) for root in ls.projects.folders[:1]]
    for project in projects:
        rule = project.rules.by_id.get(rule_id)
        if rule is not None:
            return rule_markdown(rule)
    raise JsonRpcInvalidParams(f"no loaded rule has the id {rule_id!r}; `stakes rules` lists them")


@guarded(REVIEW_STATUS)
async def review_status(ls: StakesServer, *args: Any) -> list[dict[str, Any]]:
    uris = [args[0]] if args and isinstance(args[0], str) else list(ls.documents)
    out: list[dict[str, Any]] = []
    for uri in uris:
        report = await report_for(ls, uri)
        if report is not None:
            out += [{"uri": uri, **region_summary(r)} for r in report.regions]
    return out


def register(server: StakesServer) -> None:
    server.command(MARK_REVIEWED)(mark_reviewed)
    server.command(EXPLAIN_RULE)(explain_rule)
    server.command(REVIEW_STATUS)(review_status)

"""``stakes review status|mark|prune``: the review ledger from the command line.

``mark PATH`` without a region marks every high-stakes region of the file that is not already
reviewed as it is now (and prints each one), because "I reviewed this file" is what a person
at a terminal usually means; ``PATH:REGION`` marks one region, and an unknown region is an error
that lists the file's high-stakes regions.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from stakes.commands.common import add_project_arguments, out, project_from_args
from stakes.engine.assessment import AssessedRegion, FileReport
from stakes.engine.document import decode_source
from stakes.engine.gitdiff import region_fingerprints
from stakes.engine.ledger import ReviewEntry, mark_review, project_reviewer, prune_entries
from stakes.engine.project import Project
from stakes.engine.scanner import scan
from stakes.errors import UsageError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("review", help="review status, mark regions reviewed, prune the ledger")
    actions = parser.add_subparsers(dest="review_command", metavar="ACTION")
    actions.required = True

    status = actions.add_parser("status", help="every high-stakes region: reviewed, stale or unreviewed")
    status.add_argument("paths", nargs="*", type=Path, default=[Path(".")], help="files or folders (default: .)")
    status.add_argument("--json", action="store_true", help="print JSON")
    add_project_arguments(status)
    status.set_defaults(handler=run_status)

    mark = actions.add_parser("mark", help="record that you reviewed a region (or every high-stakes region of a file)")
    mark.add_argument("target", metavar="PATH[:REGION]", help="a file, optionally with a region's qualified name")
    mark.add_argument("--note", required=True, help="what you checked (kept in the ledger)")
    mark.add_argument("--reviewer", help="your name (default: config `reviewer`, git user.name, the OS user)")
    mark.add_argument("--expires", metavar="YYYY-MM-DD", help="the review stops counting after this date")
    add_project_arguments(mark)
    mark.set_defaults(handler=run_mark)

    prune = actions.add_parser("prune", help="drop ledger entries whose file or region no longer exists")
    prune.add_argument("--dry-run", action="store_true", help="list what would be dropped, change nothing")
    add_project_arguments(prune)
    prune.set_defaults(handler=run_prune)


def _fail_on_errors(project: Project) -> int | None:
    if project.errors:
        for error in project.errors:
            out(f"error: {error.render()}\n")
        return 2
    return None


def _status_line(report: FileReport, region: AssessedRegion) -> str:
    return (
        f"{region.review.state:<10} {region.level.label:<9} "
        f"{report.relative}:{region.region.ref.start_line + 1} {region.name}  [{region.review.describe()}]"
    )


def run_status(args: argparse.Namespace) -> int:
    paths: list[Path] = args.paths
    project = project_from_args(args, paths)
    result = scan(project, paths, jobs=1)
    rows = [(report, region) for report in result.reports for region in report.regions]
    if args.json:
        out(json.dumps([
            {"path": report.relative, "name": region.name, "kind": region.region.ref.kind,
             "line": region.region.ref.start_line + 1, "level": region.level.label,
             "fingerprint": region.region.fingerprint, "review": region.review.to_json()}
            for report, region in rows
        ], indent=2, ensure_ascii=False) + "\n")
    else:
        for report, region in rows:
            out(_status_line(report, region) + "\n")
        counts = {state: sum(1 for _, r in rows if r.review.state == state) for state in ("reviewed", "stale", "unreviewed")}
        out(f"{len(rows)} high-stakes regions: {counts['reviewed']} reviewed, {counts['stale']} stale, {counts['unreviewed']} unreviewed\n")
        exists = region_exists(project)
        orphans = [e for e in project.ledger.entries.values() if not exists(e)]
        if orphans:
            out(f"{len(orphans)} ledger entries name a file or region that no longer exists; `stakes review prune` removes them\n")
    failed = _fail_on_errors(project)
    return failed if failed is not None else 0


def split_target(target: str) -> tuple[Path, str | None]:
    """``PATH`` or ``PATH:REGION``; a path that exists as written wins (so ``C:\\x.py`` works)."""
    if Path(target).exists() or ":" not in target:
        return Path(target), None
    path, _, region = target.rpartition(":")
    return Path(path), region.strip() or None


def run_mark(args: argparse.Namespace) -> int:
    path, region_name = split_target(args.target)
    if not path.is_file():
        raise UsageError(f"{path} is not a file")
    project = project_from_args(args, [path])
    if project.ledger_errors:
        return _fail_on_errors(project) or 2
    text, _ = decode_source(path.read_bytes())
    report = project.analyze_text(path, text)
    if report is None:
        raise UsageError(f"Stakes does not analyse {path} (unsupported language)")
    listing = ", ".join(r.name for r in report.regions) or "none"
    if region_name is not None:
        chosen = [r for r in report.regions if r.name == region_name]
        if not chosen:
            raise UsageError(f"{report.relative} has no high-stakes region '{region_name}'; its high-stakes regions: {listing}")
    else:
        chosen = [r for r in report.regions if not r.review.current]
        if not report.regions:
            out(f"{report.relative} has no high-stakes regions; nothing to mark\n")
            return 0
    reviewer = project_reviewer(project, args.reviewer)
    for region in chosen:
        mark_review(project, report.relative, region.name, region.region.fingerprint, reviewer, args.note, args.expires)
        out(f"marked {report.relative}:{region.region.ref.start_line + 1} {region.name} reviewed by {reviewer}\n")
    if not chosen:
        out(f"every high-stakes region of {report.relative} is already reviewed as it is now: {listing}\n")
    return 0


def region_exists(project: Project) -> Callable[[ReviewEntry], bool]:
    """Whether a ledger entry's file still exists and still has a region of that name (findings or not)."""
    known: dict[str, dict[str, str] | None] = {}

    def regions_of(relative: str) -> dict[str, str] | None:
        if relative not in known:
            path = project.root / relative
            try:
                text, _ = decode_source(path.read_bytes())
            except OSError:
                known[relative] = None
            else:
                known[relative] = region_fingerprints(project, path, text)
        return known[relative]

    def keep(entry: ReviewEntry) -> bool:
        regions = regions_of(entry.path)
        return regions is not None and entry.region in regions

    return keep


def run_prune(args: argparse.Namespace) -> int:
    project = project_from_args(args, [Path.cwd()])
    if project.ledger_errors:
        return _fail_on_errors(project) or 2
    keep = region_exists(project)
    if args.dry_run:
        removed = [e for e in project.ledger.entries.values() if not keep(e)]
    else:
        removed = prune_entries(project.root, keep)
    for entry in removed:
        out(f"{'would drop' if args.dry_run else 'dropped'} {entry.path}:{entry.region} (reviewed by {entry.reviewer} on {entry.date})\n")
    out(f"{len(removed)} ledger entries {'would be ' if args.dry_run else ''}removed\n")
    return 0

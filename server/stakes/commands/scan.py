"""``stakes scan [PATH...]``: assess files and report findings and regions."""

from __future__ import annotations

import argparse
from pathlib import Path

from stakes.commands.common import add_project_arguments, out, project_from_args
from stakes.engine.files import select_files
from stakes.engine.gitdiff import find_changes, restrict_to_changed
from stakes.engine.model import LEVEL_NAMES, Level
from stakes.engine.project import Project
from stakes.engine.scanner import ScanResult, scan
from stakes.report.jsonreport import write_json
from stakes.report.sarif import write_sarif
from stakes.report.text import write_text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("scan", help="scan files and folders for high-stakes code")
    parser.add_argument("paths", nargs="*", type=Path, default=[Path(".")], help="files or folders (default: .)")
    parser.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    parser.add_argument("--fail-on", choices=(*LEVEL_NAMES, "none"), default=None,
                        help="exit 1 when an unreviewed region at or above this level exists "
                             "(default: critical; elevated with --require-review)")
    parser.add_argument("--changed-since", metavar="REF",
                        help="only regions whose code differs from git revision REF (new regions count as changed)")
    parser.add_argument("--require-review", action="store_true",
                        help="exit 1 when a high-stakes region (any level, unless --fail-on says otherwise) has no current review")
    parser.add_argument("--jobs", "-j", type=int, default=0, help="worker processes (default: every core)")
    parser.add_argument("--output", "-o", type=Path, help="write the report to a file instead of stdout")
    parser.add_argument("--verbose", "-v", action="store_true", help="list skipped files")
    add_project_arguments(parser)
    parser.set_defaults(handler=run)


def _scan_changed(project: Project, paths: list[Path], ref: str, jobs: int | None) -> ScanResult:
    """Analyse only the files that differ from ``ref``, then keep only their changed regions."""
    changes = find_changes(project.root, ref)
    selection = select_files(paths, project.root, project.config.max_file_size, project.config.exclude)
    files = [f for f in selection.files if changes.touches(project.relative(f))]
    result = scan(project, files, jobs=jobs) if files else ScanResult()
    result.skipped = selection.skipped + result.skipped
    restrict_to_changed(project, result.reports, ref, changes)
    return result


def run(args: argparse.Namespace) -> int:
    paths: list[Path] = args.paths
    project = project_from_args(args, paths)
    if args.changed_since:
        result = _scan_changed(project, paths, args.changed_since, args.jobs or None)
    else:
        result = scan(project, paths, jobs=args.jobs or None)
    errors = project.errors
    if args.format == "json":
        text = write_json(result, errors)
    elif args.format == "sarif":
        text = write_sarif(result, project.rules.rules, errors, project.root)
    else:
        text = write_text(result, errors, verbose=args.verbose)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        out(text)
    if errors:
        return 2
    fail_on = args.fail_on or ("elevated" if args.require_review else "critical")
    if fail_on == "none":
        return 0
    threshold = Level.parse(fail_on)
    failing = any(
        region.level >= threshold and not region.review.current for report in result.reports for region in report.regions
    )
    return 1 if failing else 0

"""Turning assessments and loading errors into LSP ``Diagnostic`` objects (pure conversion).

Field choices (see docs/protocol.md): ``source`` is ``stakes``; ``code`` is the rule id;
``codeDescription.href`` is the ``file://`` URI of the YAML file that defines the rule (its docs
live there, and every editor can open a file URI); ``data`` carries what code actions need.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path

from stakes.engine.assessment import AssessedRegion, FileReport
from stakes.engine.model import Finding, Level, RegionRef, Severity
from stakes.engine.rules import Rule
from stakes.errors import LocatedError
from stakes.lsp.messages import diagnostic_message
from stakes.lsp.positions import Columns, LineColumns, span_range

SOURCE = "stakes"
MAX_RELATED = 5  # related-information entries per diagnostic
NOTE_CODE = "stakes/note"


def path_uri(path: Path) -> str:
    return from_fs_path(str(path)) or path.as_uri()


@functools.lru_cache(maxsize=256)
def _rule_file_uri(path: str) -> str:
    return path_uri(Path(path))


def rule_uri(rule: Rule) -> str:
    """Where the rule and its docs are defined (cached: every diagnostic of a rule shares it)."""
    return _rule_file_uri(str(rule.location.path))


def effective_level(finding: Finding, region: AssessedRegion | None) -> Level:
    """The finding's level raised by its region's zone, as ``FileReport.severity_of`` uses it."""
    if region is not None and region.zone is not None:
        return max(finding.level, region.zone.level)
    return finding.level


def severity(
    report: FileReport, finding: Finding, region: AssessedRegion | None, overrides: Mapping[Level, Severity]
) -> types.DiagnosticSeverity:
    """Level × profile from the engine; a user's severityOverrides replace it unless reviewed."""
    base = report.severity_of(finding)
    if overrides and (region is None or not region.review.current):
        base = overrides.get(effective_level(finding, region), base)
    return types.DiagnosticSeverity(int(base))


def finding_data(finding: Finding, region: AssessedRegion | None) -> dict[str, str]:
    """What code actions and clients need, without asking the server again."""
    return {
        "rule": finding.rule_id,
        "region": finding.region.name,
        "regionKind": finding.region.kind,
        "level": effective_level(finding, region).label,
        "category": finding.category,
        "fingerprint": region.region.fingerprint if region is not None else "",
    }


def report_diagnostics(
    report: FileReport,
    rules: Mapping[str, Rule],
    uri: str,
    columns: Columns,
    encoding: str,
    overrides: Mapping[Level, Severity] | None = None,
) -> list[types.Diagnostic]:
    """Every active (unsuppressed) finding of a report as a diagnostic, plus its notes."""
    overrides = overrides or {}
    active = report.active_findings
    ranges = {id(f): span_range(f.span, columns, encoding) for f in active}
    regions = {r.region.ref: r for r in report.regions}
    by_region: dict[RegionRef, list[Finding]] = {}
    for finding in active:
        by_region.setdefault(finding.region, []).append(finding)
    out: list[types.Diagnostic] = []
    for finding in active:
        region = regions.get(finding.region)
        rule = rules.get(finding.rule_id)
        others = [other for other in by_region[finding.region] if other is not finding]
        # The nearest few only: every finding listing all the others is quadratic in size and
        # buries the Problems panel; the code lens and hover summarise the whole region.
        others.sort(key=lambda other: abs(other.span.start_line - finding.span.start_line))
        related = [
            types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=ranges[id(other)]),
                message=f"same region ({other.region.name}): {other.rule_id}: {other.message}",
            )
            for other in sorted(others[:MAX_RELATED], key=lambda other: other.span.start_byte)
        ]
        out.append(
            types.Diagnostic(
                range=ranges[id(finding)],
                message=diagnostic_message(finding, rule, region),
                severity=severity(report, finding, region, overrides),
                code=finding.rule_id,
                code_description=types.CodeDescription(href=rule_uri(rule)) if rule is not None else None,
                source=SOURCE,
                related_information=related or None,
                data=finding_data(finding, region),
            )
        )
    out.extend(suppression_diagnostics(report, columns, encoding))
    out.extend(note_diagnostics(report.notes))
    return out


def suppression_diagnostics(report: FileReport, columns: Columns, encoding: str) -> list[types.Diagnostic]:
    """Malformed, unknown-rule, expired and unused ``stakes: ignore`` comments, on the comment."""
    out = []
    for problem in report.suppression_problems:
        if problem.span is not None:
            rng = span_range(problem.span, columns, encoding)
        else:
            rng = types.Range(start=types.Position(problem.line, 0), end=types.Position(problem.line, 0))
        out.append(
            types.Diagnostic(
                range=rng,
                message=problem.message,
                severity=types.DiagnosticSeverity(int(problem.severity)),
                code=f"stakes/suppression-{problem.kind}",
                source=SOURCE,
                tags=[types.DiagnosticTag.Unnecessary] if problem.kind == "unused" else None,
            )
        )
    return out


def note_diagnostics(notes: Iterable[str]) -> list[types.Diagnostic]:
    """Notes (file skipped, analysis cut short, bad encoding) shown at the top of the file."""
    return [
        types.Diagnostic(
            range=types.Range(start=types.Position(0, 0), end=types.Position(0, 0)),
            message=f"Stakes: {note}",
            severity=types.DiagnosticSeverity.Information,
            code=NOTE_CODE,
            source=SOURCE,
        )
        for note in notes
    ]


def error_diagnostics(errors: Iterable[LocatedError], encoding: str) -> dict[str, list[types.Diagnostic]]:
    """Broken rule, pack, config or ledger YAML → diagnostics in that file, at the line."""
    by_path: dict[Path, list[LocatedError]] = {}
    for error in errors:
        by_path.setdefault(Path(error.location.path), []).append(error)
    out: dict[str, list[types.Diagnostic]] = {}
    for path, file_errors in by_path.items():
        try:
            columns: LineColumns | None = LineColumns(path.read_bytes())
        except OSError:
            columns = None
        diagnostics = []
        seen: set[tuple[int, int, str]] = set()
        for error in file_errors:
            line = max(error.location.line - 1, 0)
            key = (line, error.location.column, error.problem)
            if key in seen:
                continue
            seen.add(key)
            if columns is not None:
                raw = columns.line_bytes(line)
                start_byte = len(raw) - len(raw.lstrip())
                start = columns.byte_col_to(line, start_byte, encoding)
                end = columns.byte_col_to(line, len(raw), encoding)
            else:
                start = end = 0
            message = error.problem + (f" (fix: {error.fix})" if error.fix else "")
            diagnostics.append(
                types.Diagnostic(
                    range=types.Range(start=types.Position(line, start), end=types.Position(line, end)),
                    message=message,
                    severity=types.DiagnosticSeverity.Error,
                    code=f"stakes/{error.kind}-error",
                    source=SOURCE,
                )
            )
        out[path_uri(path)] = diagnostics
    return out

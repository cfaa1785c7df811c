"""Text output for people: findings like a compiler's, then a per-region summary."""

from __future__ import annotations

from stakes.engine.model import Level
from stakes.engine.scanner import ScanResult
from stakes.errors import LocatedError


def write_text(result: ScanResult, errors: list[LocatedError], verbose: bool = False) -> str:
    lines: list[str] = []
    for error in errors:
        lines.append(f"error: {error.render()}")
    for report in result.reports:
        for finding in report.active_findings:
            span = finding.span
            severity = report.severity_of(finding).label
            lines.append(
                f"{report.relative}:{span.start_line + 1}:{span.start_char + 1}: {severity} "
                f"[{finding.rule_id}] {finding.message} ({finding.level.label}, in {finding.region.name})"
            )
        for problem in report.suppression_problems:
            lines.append(f"{report.relative}:{problem.line + 1}:1: {problem.severity.label} [suppression] {problem.message}")
        for note in report.notes:
            lines.append(f"{report.relative}: note: {note}")
    regions = [(r, region) for r in result.reports for region in r.regions]
    if regions:
        lines.append("")
        lines.append("High-stakes regions:")
        width = max(len(f"{r.relative}:{region.region.ref.start_line + 1} {region.name}") for r, region in regions)
        for report, region in sorted(regions, key=lambda x: (-x[1].level, x[0].relative, x[1].region.ref.start_line)):
            place = f"{report.relative}:{region.region.ref.start_line + 1} {region.name}"
            zone = f"; zone: {region.zone.reason}" if region.zone is not None else ""
            lines.append(
                f"  {region.level.label:<9} {place:<{width}}  {', '.join(region.categories)}  "
                f"[{region.review.describe()}{zone}] — {region.advice}"
            )
    counts = {level: sum(1 for _, region in regions if region.level == level) for level in (Level.CRITICAL, Level.HIGH, Level.ELEVATED)}
    findings = sum(len(r.active_findings) for r in result.reports)
    lines.append("")
    lines.append(
        f"{len(result.reports)} files scanned, {findings} findings in {len(regions)} regions "
        f"({counts[Level.CRITICAL]} critical, {counts[Level.HIGH]} high, {counts[Level.ELEVATED]} elevated)"
    )
    if result.skipped:
        lines.append(f"{len(result.skipped)} files skipped" + ("" if verbose else " (use --verbose to list them)"))
        if verbose:
            lines.extend(f"  skipped {s.path}: {s.reason}" for s in result.skipped)
    for path, message in result.failures:
        lines.append(f"error: {path}: {message}")
    return "\n".join(lines) + "\n"

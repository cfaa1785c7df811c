"""``stakes scan --format json``: a stable, versioned shape for scripts.

``{"version": 1, "findings": [...], "regions": [...], "errors": [...], "skipped": [...],
"notes": [...], "suppression_problems": [...]}``;
positions are 1-based lines and 1-based code-point columns, as in SARIF.
"""

from __future__ import annotations

import json
from typing import Any

from stakes.engine.assessment import AssessedRegion, FileReport
from stakes.engine.model import Finding
from stakes.engine.scanner import ScanResult
from stakes.errors import LocatedError

SCHEMA_VERSION = 1


def finding_json(report: FileReport, finding: Finding) -> dict[str, Any]:
    span = finding.span
    ref = finding.region
    out: dict[str, Any] = {
        "rule": finding.rule_id,
        "category": finding.category,
        "stakes": finding.level.label,
        "severity": report.severity_of(finding).label,
        "message": finding.message,
        "path": report.relative,
        "start": {"line": span.start_line + 1, "column": span.start_char + 1},
        "end": {"line": span.end_line + 1, "column": span.end_char + 1},
        "region": {"kind": ref.kind, "name": ref.name, "start_line": ref.start_line + 1, "end_line": ref.end_line + 1},
    }
    if finding.suppressed is not None:
        out["suppressed"] = {"reason": finding.suppressed}
    return out


def region_json(report: FileReport, region: AssessedRegion) -> dict[str, Any]:
    ref = region.region.ref
    out: dict[str, Any] = {
        "path": report.relative,
        "kind": ref.kind,
        "name": ref.name,
        "start_line": ref.start_line + 1,
        "end_line": ref.end_line + 1,
        "stakes": region.level.label,
        "level": region.level.label,
        "severity": region.severity.label,
        "categories": region.categories,
        "advice": region.advice,
        "fingerprint": region.region.fingerprint,
        "review": region.review.to_json(),
        "findings": len([f for f in region.region.findings if f.suppressed is None]),
    }
    if region.zone is not None:
        out["zone"] = {"stakes": region.zone.level.label, "reason": region.zone.reason}
    return out


def scan_json(result: ScanResult, errors: list[LocatedError]) -> dict[str, Any]:
    findings = [finding_json(r, f) for r in result.reports for f in r.findings]
    regions = [region_json(r, region) for r in result.reports for region in r.regions]
    notes = [{"path": r.relative, "message": n} for r in result.reports for n in r.notes]
    suppressions = [
        {"path": r.relative, "line": p.line + 1, "kind": p.kind, "severity": p.severity.label, "message": p.message}
        for r in result.reports
        for p in r.suppression_problems
    ]
    return {
        "version": SCHEMA_VERSION,
        "findings": findings,
        "regions": regions,
        "errors": [e.to_json() for e in errors]
        + [{"kind": "file", "path": str(p), "line": 1, "column": 1, "message": m, "fix": ""} for p, m in result.failures],
        "skipped": [{"path": str(s.path), "reason": s.reason} for s in result.skipped],
        "notes": notes,
        "suppression_problems": suppressions,
    }


def write_json(result: ScanResult, errors: list[LocatedError]) -> str:
    return json.dumps(scan_json(result, errors), indent=2, ensure_ascii=False) + "\n"

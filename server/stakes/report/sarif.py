"""SARIF 2.1.0 output for code-scanning services (GitHub, GitLab, Azure DevOps).

Columns are counted in Unicode code points (``columnKind``), regions appear as logical
locations, a region's fingerprint as a partial fingerprint (so alerts follow code across moves),
and suppressed findings carry ``suppressions[].justification``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from stakes import __version__
from stakes.engine.model import Severity
from stakes.engine.rules import Rule
from stakes.engine.scanner import ScanResult
from stakes.errors import LocatedError

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFORMATION: "note", Severity.HINT: "note"}
_LOGICAL_KINDS = {"function": "function", "method": "member", "class": "type", "module": "module"}


def _rule_json(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.local_id,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.docs.why},
        "help": {"text": rule.docs.why + "\n" + "\n".join(f"- {c}" for c in rule.docs.check), "markdown": rule.docs.markdown()},
        "properties": {"category": rule.category, "stakes": rule.level.label, "tags": ["security", "high-stakes", rule.category]},
    }


def scan_sarif(result: ScanResult, rules: list[Rule], errors: list[LocatedError], root: Path) -> dict[str, Any]:
    used = sorted({f.rule_id for r in result.reports for f in r.findings})
    by_id = {r.id: r for r in rules}
    rule_list = [by_id[i] for i in used if i in by_id]
    index = {rule.id: i for i, rule in enumerate(rule_list)}
    results: list[dict[str, Any]] = []
    for report in result.reports:
        for finding in report.findings:
            span = finding.span
            ref = finding.region
            region = report.region_of(finding)
            entry: dict[str, Any] = {
                "ruleId": finding.rule_id,
                "level": _LEVELS[report.severity_of(finding)],
                "message": {"text": finding.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": report.relative, "uriBaseId": "%SRCROOT%"},
                            "region": {
                                "startLine": span.start_line + 1,
                                "startColumn": span.start_char + 1,
                                "endLine": span.end_line + 1,
                                "endColumn": span.end_char + 1,
                            },
                        },
                        "logicalLocations": [
                            {"fullyQualifiedName": ref.name, "kind": _LOGICAL_KINDS.get(ref.kind, "function")}
                        ],
                    }
                ],
                "properties": {"category": finding.category, "stakes": finding.level.label, "region": ref.name},
            }
            if finding.rule_id in index:
                entry["ruleIndex"] = index[finding.rule_id]
            if region is not None:
                entry["partialFingerprints"] = {"stakesRegion/v1": f"{report.relative}:{ref.name}:{region.region.fingerprint}"}
                entry["properties"]["review"] = region.review.state
            if finding.suppressed is not None:
                entry["suppressions"] = [{"kind": "inSource", "justification": finding.suppressed}]
            results.append(entry)
    notifications = [
        {
            "level": "error",
            "message": {"text": e.render()},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": Path(e.location.path).as_posix()}, "region": {"startLine": e.location.line, "startColumn": e.location.column}}}],
        }
        for e in errors
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "Stakes",
                        "version": __version__,
                        "informationUri": "https://github.com/stakes-dev/stakes",
                        "rules": [_rule_json(r) for r in rule_list],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": notifications}],
                "results": results,
            }
        ],
    }


def write_sarif(result: ScanResult, rules: list[Rule], errors: list[LocatedError], root: Path) -> str:
    return json.dumps(scan_sarif(result, rules, errors, root), indent=2, ensure_ascii=False) + "\n"

"""Inline suppressions: placement on the syntax tree, reasons, expiry, unused hints, SARIF."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from stakes.engine.assessment import FileReport
from stakes.engine.document import Document
from stakes.engine.languages import language_by_name
from stakes.engine.model import Finding, Level, RegionRef, Severity, Span
from stakes.engine.project import Project
from stakes.engine.scanner import scan
from stakes.engine.suppressions import apply_suppressions, rule_matches
from stakes.report.sarif import scan_sarif
from tests.conftest import write

RULE = "t/md5"


@pytest.fixture
def root(tmp_path: Path, make_pack: Callable[..., Path]) -> Path:
    root = tmp_path / "proj"
    (root / ".git").mkdir(parents=True)
    make_pack("t", [("md5", "[python]", "{call: vault.unseal}", "critical")], where=root / ".stakes" / "rules")
    return root


def analyze(root: Path, text: str, name: str = "app.py") -> FileReport:
    path = write(root / name, text)
    report = Project(root).analyze_text(path, path.read_text(encoding="utf-8"))
    assert report is not None
    return report


def ours(report: FileReport) -> list[Finding]:
    return [f for f in report.findings if f.rule_id == RULE]


def test_suppression_above_a_multi_line_call_covers_the_whole_statement(root: Path) -> None:
    report = analyze(root, """
        import vault
        def key(name):
            # stakes: ignore[t/md5] reason: cache key only, never compared for security
            digest = vault.status(name.encode()).hexdigest() + vault.unseal(
                name.encode(),
            ).hexdigest()
            return vault.unseal(name.encode())
    """)
    first, second = ours(report)
    assert first.suppressed == "cache key only, never compared for security"
    assert second.suppressed is None  # the next statement is not covered
    assert report.suppression_problems == []


def test_suppression_survives_reformatting(root: Path) -> None:
    one_line = analyze(root, """
        import vault
        # stakes: ignore[md5] reason: checksum of a public file
        value = vault.unseal(b"x").hexdigest()
    """)
    spread = analyze(root, """
        import vault

        # stakes: ignore[md5] reason: checksum of a public file

        # (an unrelated comment a formatter kept in between)
        value = (
            vault
            .unseal(
                b"x"
            )
            .hexdigest()
        )
    """)
    assert [f.suppressed for f in ours(one_line)] == ["checksum of a public file"]
    assert [f.suppressed for f in ours(spread)] == ["checksum of a public file"]


def test_trailing_suppression_covers_its_line(root: Path) -> None:
    report = analyze(root, """
        import vault
        a = vault.unseal(b"x")  # stakes: ignore[t/md5] reason: test vector
        b = vault.unseal(b"y")
    """)
    assert [f.suppressed for f in ours(report)] == ["test vector", None]


def test_trailing_suppression_after_a_split_call_still_applies(root: Path) -> None:
    report = analyze(root, """
        import vault
        def key(name):
            value = vault.unseal(
                name,
            )  # stakes: ignore[t/md5] reason: formatter moved me here
            if (name and
                    vault.unseal(name)):  # stakes: ignore[t/md5] reason: header only
                return vault.unseal(name)
            return value
    """)
    assert [f.suppressed for f in ours(report)] == ["formatter moved me here", "header only", None]


def test_suppression_above_a_function_covers_the_function(root: Path) -> None:
    report = analyze(root, """
        import vault
        # stakes: ignore[t/*] reason: legacy protocol, isolated and documented in ADR-7
        def legacy(data):
            return vault.unseal(data)
    """)
    assert [f.suppressed for f in ours(report)] == ["legacy protocol, isolated and documented in ADR-7"]
    assert report.regions == []


def test_suppression_without_reason_is_an_error_and_suppresses_nothing(root: Path) -> None:
    report = analyze(root, """
        import vault
        # stakes: ignore[t/md5]
        a = vault.unseal(b"x")
    """)
    assert [f.suppressed for f in ours(report)] == [None]
    [problem] = report.suppression_problems
    assert problem.kind == "invalid" and problem.severity == Severity.ERROR
    assert problem.line == 1 and "reason" in problem.message
    assert problem.span is not None and problem.span.start_char == 0


def test_expired_suppression_stops_suppressing(root: Path) -> None:
    report = analyze(root, """
        import vault
        # stakes: ignore[t/md5] reason: migration in progress until: 2001-01-31
        a = vault.unseal(b"x")
        # stakes: ignore[t/md5] reason: migration in progress until: 2999-01-31
        b = vault.unseal(b"y")
    """)
    assert [f.suppressed for f in ours(report)] == [None, "migration in progress"]
    [problem] = report.suppression_problems
    assert problem.kind == "expired" and problem.line == 1 and "2001-01-31" in problem.message


def test_unused_suppression_is_a_hint(root: Path) -> None:
    report = analyze(root, """
        import vault
        # stakes: ignore[t/md5] reason: nothing here any more
        a = vault.status(b"x")
    """)
    [problem] = report.suppression_problems
    assert problem.kind == "unused" and problem.severity == Severity.HINT and problem.line == 1


def test_unknown_rule_and_bad_date_are_reported(root: Path) -> None:
    report = analyze(root, """
        import vault
        # stakes: ignore[t/nope] reason: typo in the id
        a = vault.unseal(b"x")
        # stakes: ignore[t/md5] reason: soon until: tomorrow
        b = vault.unseal(b"x")
    """)
    assert [f.suppressed for f in ours(report)] == [None, None]
    kinds = [(p.line, p.kind, p.severity) for p in report.suppression_problems]
    assert kinds == [(1, "unknown-rule", Severity.WARNING), (3, "invalid", Severity.ERROR)]


def test_text_in_strings_is_not_a_suppression(root: Path) -> None:
    report = analyze(root, """
        import vault
        doc = "# stakes: ignore[t/md5] reason: not a comment"
        a = vault.unseal(b"x")
    """)
    assert [f.suppressed for f in ours(report)] == [None]
    assert report.suppression_problems == []


def test_fully_suppressed_region_is_no_longer_high_stakes(root: Path) -> None:
    report = analyze(root, """
        import vault
        def key(name):
            return vault.unseal(name)  # stakes: ignore[t/md5] reason: cache key
    """)
    assert report.regions == []
    assert report.active_findings == []
    assert [f.suppressed for f in report.findings] == ["cache key"]


def test_sarif_carries_the_justification(root: Path) -> None:
    write(root / "app.py", """
        import vault
        a = vault.unseal(b"x")  # stakes: ignore[t/md5] reason: public test vector
    """)
    project = Project(root)
    result = scan(project, [root], jobs=1)
    sarif = scan_sarif(result, project.rules.rules, [], root)
    [entry] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == RULE]
    assert entry["suppressions"] == [{"kind": "inSource", "justification": "public test vector"}]


def test_rule_patterns() -> None:
    assert rule_matches("python/weak-hash-call", "python/weak-hash-call")
    assert rule_matches("weak-hash-call", "python/weak-hash-call")
    assert rule_matches("python/*", "python/weak-hash-call")
    assert not rule_matches("javascript/*", "python/weak-hash-call")
    assert not rule_matches("weak-hash", "python/weak-hash-call")


def _finding_at(document: Document, needle: str) -> Finding:
    start = document.source.index(needle.encode())
    line = document.source.count(b"\n", 0, start)
    column = start - (document.source.rfind(b"\n", 0, start) + 1)
    span = Span(line, column, line, column + len(needle), start, start + len(needle))
    return Finding("p/r", "cryptography", Level.HIGH, "m", span, RegionRef("module", "<module>", 0, 0))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("javascript", """
const crypto = require("crypto");
// stakes: ignore[p/r] reason: etag only
const etag = crypto
  .createHash("md5")
  .update(body)
  .digest("hex");
const other = crypto.createHash("md5");
"""),
        ("go", """
package main

func etag(body []byte) string {
	/* stakes: ignore[p/r] reason: etag only */
	sum := md5.Sum(
		body,
	)
	return hex.EncodeToString(md5.Sum(body)[:])
}
"""),
        ("java", """
class A {
    String etag(byte[] body) {
        // stakes: ignore[r] reason: etag only
        MessageDigest d = MessageDigest
            .getInstance("MD5");
        return MessageDigest.getInstance("MD5").toString();
    }
}
"""),
    ],
)
def test_c_like_comments_above_multi_line_statements(language: str, text: str) -> None:
    info = language_by_name(language)
    assert info is not None
    document = Document(Path(f"x.{language}"), info, text)
    assert document.tree is not None
    needle = {"javascript": 'createHash("md5")', "go": "md5.Sum(", "java": 'getInstance("MD5")'}[language]
    first_at = document.text.index(needle)
    second_at = document.text.index(needle, first_at + 1)
    first = _finding_at(document, needle)
    second = dataclass_replace_start(first, document, second_at)
    findings, problems = apply_suppressions(
        [first, second], document.tree.root_node, document.source, frozenset({"comment", "line_comment", "block_comment"}),
        {"p/r"}, today=dt.date(2026, 1, 1),
    )
    assert [f.suppressed for f in findings] == ["etag only", None]
    assert problems == []


def dataclass_replace_start(finding: Finding, document: Document, char_offset: int) -> Finding:
    import dataclasses

    start = len(document.text[:char_offset].encode())
    return dataclasses.replace(finding, span=dataclasses.replace(finding.span, start_byte=start, end_byte=start + 1))


FORMATTER_INPUT = (
    "import vault\n"
    "def key(name, salt, pepper):\n"
    "    # stakes: ignore[t/md5] reason: derived cache key\n"
    "    value = vault.unseal(name, salt, pepper, 'a long literal argument', 'another long literal argument')\n"
    "    other = vault.unseal(name, salt, pepper, 'a long literal argument')  # stakes: ignore[t/md5] reason: trailing\n"
    "    return value, other, vault.unseal(name)\n"
)


def _ruff_format(root: Path, text: str) -> tuple[FileReport, FileReport]:
    """Analyse ``text`` before and after ``ruff format`` splits its long lines."""
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    before = analyze(root, text)
    path = root / "app.py"
    subprocess.run([ruff, "format", "--no-cache", "--isolated", "--line-length", "40", str(path)], check=True, capture_output=True)
    formatted = path.read_text(encoding="utf-8")
    assert formatted.count("\n") > text.count("\n") + 4  # the formatter really split the calls
    return before, analyze(root, formatted)


def test_suppressions_survive_a_real_formatter(root: Path) -> None:
    before, after = _ruff_format(root, FORMATTER_INPUT)
    assert [f.suppressed for f in ours(after)] == [f.suppressed for f in ours(before)] == ["derived cache key", "trailing", None]


def test_reviews_survive_a_real_formatter(root: Path) -> None:
    before, after = _ruff_format(root, FORMATTER_INPUT)
    assert [r.region.fingerprint for r in after.regions] == [r.region.fingerprint for r in before.regions]


def test_the_code_action_placeholder_is_not_a_reason(root: Path) -> None:
    report = analyze(root, """
        import vault
        # stakes: ignore[t/md5] reason: <why this is not high-stakes>
        x = vault.unseal("a")
    """)
    assert ours(report)[0].suppressed is None
    assert [p.kind for p in report.suppression_problems] == ["invalid"]

"""Inline suppressions: ``# stakes: ignore[rule-id] reason: <text> until: YYYY-MM-DD``.

A suppression says "not high-stakes here" for named rules, and a person must say why: without a
reason it is reported and suppresses nothing. ``//`` and ``/* */`` comments work the same way in
C-like languages.

Where it applies is decided on the syntax tree, not on line numbers, so it survives formatters:

- on a line of its own, it applies to the statement that starts at the next line of code
  (comments and blank lines in between are skipped); every finding that starts anywhere inside
  that statement is suppressed, however many lines a formatter spreads it over;
- as a trailing comment, it applies to anything that starts on its line, to the statement that
  starts on its line, and to the part of the enclosing statement up to its line (so it still
  works when a formatter leaves it after the closing bracket of a call it split).

An expired suppression stops suppressing; one that matches nothing is reported as a hint so that
stale dismissals do not pile up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from tree_sitter import Node

from stakes.engine.model import Finding, Severity, Span

# Nodes that hold statements; a suppression's statement is the outermost node below one of these
# that starts at the next token. The names are the grammars' own and do not clash across languages.
CONTAINER_TYPES = frozenset({
    "module", "block", "program", "statement_block", "class_body", "source_file", "statement_list",
    "interface_body", "enum_body", "constructor_body", "switch_block", "switch_body", "declaration_list",
})

_MARKER = re.compile(rb"stakes:\s*ignore")
_DIRECTIVE = re.compile(r"^stakes:\s*ignore(?P<ids>\[[^\]]*\])?(?P<rest>.*)$", re.S)
_UNTIL = re.compile(r"(?:^|\s)until:\s*(?P<date>\S*)")
_REASON = re.compile(r"^\s*(?:reason:)\s*(?P<reason>.*)$", re.S)
_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*(/([a-z0-9][a-z0-9-]*|\*))?$")


@dataclass(frozen=True)
class SuppressionProblem:
    """Something wrong with a suppression comment, shown as a diagnostic on the comment.

    ``line`` is 0-based like ``Span``; ``kind`` is ``invalid`` (no reason, no rule, bad date),
    ``unknown-rule``, ``expired`` or ``unused``; ``span`` covers the comment.
    """

    line: int
    message: str
    severity: Severity
    kind: str = "invalid"
    span: Span | None = None


@dataclass
class Suppression:
    """One parsed suppression comment and the byte ranges it covers."""

    rule_ids: tuple[str, ...]
    reason: str
    until: dt.date | None
    span: Span
    ranges: list[tuple[int, int]] = field(default_factory=list)
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if not any(start <= finding.span.start_byte < end for start, end in self.ranges):
            return False
        return any(rule_matches(pattern, finding.rule_id) for pattern in self.rule_ids)


def rule_matches(pattern: str, rule_id: str) -> bool:
    """``pack/rule`` matches itself; ``rule`` matches that rule in any pack; ``pack/*`` the whole pack."""
    pack, _, local = rule_id.partition("/")
    if pattern in (rule_id, local):
        return True
    return pattern.endswith("/*") and pattern[:-2] == pack


def _comment_body(text: str) -> str:
    """The comment's text without its opener and closer (``#``, ``//``, ``/* */``)."""
    body = text.strip()
    for opener in ("//", "#", "/*"):
        if body.startswith(opener):
            body = body[len(opener):]
            break
    if text.strip().startswith("/*") and body.endswith("*/"):
        body = body[:-2]
    return body.strip().lstrip("*").strip()


def _first_leaf(node: Node, comment_types: frozenset[str]) -> Node | None:
    if node.type in comment_types or node.start_byte == node.end_byte:
        return None
    if node.child_count == 0:
        return node
    for child in node.children:
        leaf = _first_leaf(child, comment_types)
        if leaf is not None:
            return leaf
    return None


def _next_token(node: Node, comment_types: frozenset[str]) -> Node | None:
    """The first code token after ``node`` in the file, skipping comments."""
    current: Node | None = node
    while current is not None:
        sibling = current.next_sibling
        while sibling is not None:
            leaf = _first_leaf(sibling, comment_types)
            if leaf is not None:
                return leaf
            sibling = sibling.next_sibling
        current = current.parent
    return None


def statement_at(token: Node) -> Node:
    """The outermost node that starts at ``token`` without being a statement container."""
    statement = token
    while (
        statement.parent is not None
        and statement.parent.start_byte == statement.start_byte
        and statement.parent.type not in CONTAINER_TYPES
    ):
        statement = statement.parent
    return statement


def enclosing_statement(node: Node) -> Node:
    """The outermost ancestor of ``node`` that sits directly in a statement container."""
    while node.parent is not None and node.parent.type not in CONTAINER_TYPES:
        node = node.parent
    return node


def _line_bounds(source: bytes, offset: int) -> tuple[int, int]:
    start = source.rfind(b"\n", 0, offset) + 1
    end = source.find(b"\n", offset)
    return start, (len(source) if end == -1 else end)


def _span(node: Node, source: bytes) -> Span:
    line_start, _ = _line_bounds(source, node.start_byte)
    end_line_start, _ = _line_bounds(source, node.end_byte)
    return Span(
        node.start_point[0], node.start_point[1], node.end_point[0], node.end_point[1],
        node.start_byte, node.end_byte,
        len(source[line_start:node.start_byte].decode("utf-8", "replace")),
        len(source[end_line_start:node.end_byte].decode("utf-8", "replace")),
    )


def _parse(
    comment: Node,
    source: bytes,
    comment_types: frozenset[str],
    known_rules: Collection[str],
    today: dt.date,
    problems: list[SuppressionProblem],
) -> Suppression | None:
    """Parse one comment; report what is wrong with it; ``None`` when it must not suppress."""
    text = source[comment.start_byte:comment.end_byte].decode("utf-8", "replace")
    body = _comment_body(text)
    match = _DIRECTIVE.match(body)
    if match is None:
        return None  # "stakes: ignore" inside prose, not a directive
    span = _span(comment, source)

    def problem(message: str, severity: Severity = Severity.ERROR, kind: str = "invalid") -> None:
        problems.append(SuppressionProblem(span.start_line, message, severity, kind, span))

    ids_text = match.group("ids")
    if not ids_text or not ids_text[1:-1].strip():
        problem("a suppression must name the rule it dismisses: `stakes: ignore[pack/rule] reason: ...`")
        return None
    rule_ids = tuple(part.strip() for part in ids_text[1:-1].split(",") if part.strip())
    bad = [r for r in rule_ids if not _RULE_ID.match(r)]
    if bad:
        problem(f"not a rule id: {', '.join(bad)}; write `pack/rule`, `rule` or `pack/*`")
        return None
    rest = match.group("rest")
    until: dt.date | None = None
    until_match = _UNTIL.search(rest)
    if until_match is not None:
        try:
            until = dt.date.fromisoformat(until_match.group("date"))
        except ValueError:
            problem(f"`until:` needs a date YYYY-MM-DD, not {until_match.group('date')!r}; this suppression does nothing")
            return None
        rest = rest[: until_match.start()] + rest[until_match.end():]
    reason_match = _REASON.match(rest)
    reason = reason_match.group("reason").strip() if reason_match else ""
    if re.fullmatch(r"<[^>]*>", reason):
        reason = ""  # the placeholder the editor's code action inserts is not a reason yet
    if not reason:
        problem("a suppression needs a reason: add `reason: <why this is not high-stakes here>`; it suppresses nothing until then")
        return None
    unknown = [r for r in rule_ids if not any(rule_matches(r, known) for known in known_rules)]
    if unknown:
        problem(f"no loaded rule matches {', '.join(unknown)}; check the id with `stakes rules`", Severity.WARNING, "unknown-rule")
        rule_ids = tuple(r for r in rule_ids if r not in unknown)
        if not rule_ids:
            return None
    if until is not None and until < today:
        problem(f"suppression expired on {until.isoformat()}; its findings are shown again (renew `until:` or fix the code)",
                Severity.INFORMATION, "expired")
        return None
    suppression = Suppression(rule_ids, reason, until, span)
    line_start, line_end = _line_bounds(source, comment.start_byte)
    trailing = bool(source[line_start:comment.start_byte].strip())
    if trailing:
        suppression.ranges.append((line_start, line_end + 1))
        first_code = line_start + (len(source[line_start:line_end]) - len(source[line_start:line_end].lstrip()))
        top = comment
        while top.parent is not None:
            top = top.parent
        token = top.descendant_for_byte_range(first_code, first_code)
        if token is not None and token.start_byte == first_code:
            statement = statement_at(token)
            suppression.ranges.append((statement.start_byte, statement.end_byte))
            # A formatter may leave the comment on the last line of a statement it split
            # (``)  # stakes: ignore...``): cover the enclosing statement up to this line.
            suppression.ranges.append((enclosing_statement(token).start_byte, line_end + 1))
    else:
        token = _next_token(comment, comment_types)
        if token is not None:
            statement = statement_at(token)
            suppression.ranges.append((statement.start_byte, statement.end_byte))
    return suppression


def find_suppressions(
    root: Node,
    source: bytes,
    comment_types: frozenset[str],
    known_rules: Collection[str],
    today: dt.date | None = None,
) -> tuple[list[Suppression], list[SuppressionProblem]]:
    """Every suppression comment in a file, and the problems with the ones that do not count."""
    suppressions: list[Suppression] = []
    problems: list[SuppressionProblem] = []
    if b"stakes:" not in source:
        return suppressions, problems
    today = today or dt.date.today()
    seen: set[int] = set()
    for marker in _MARKER.finditer(source):
        node = root.descendant_for_byte_range(marker.start(), marker.end())
        while node is not None and node.type not in comment_types:
            node = node.parent
        if node is None or node.start_byte in seen:
            continue  # inside a string, or a second marker in the same comment
        seen.add(node.start_byte)
        parsed = _parse(node, source, comment_types, known_rules, today, problems)
        if parsed is not None:
            suppressions.append(parsed)
    return suppressions, problems


def apply_suppressions(
    findings: list[Finding],
    root: Node,
    source: bytes,
    comment_types: frozenset[str],
    known_rules: Collection[str],
    *,
    today: dt.date | None = None,
    complete: bool = True,
) -> tuple[list[Finding], list[SuppressionProblem]]:
    """Set ``Finding.suppressed`` to the reason where a suppression applies; report the problems.

    ``complete=False`` (the analysis ran out of time) skips the "unused" hints, since a finding
    the suppression was meant for may simply not have been reached.
    """
    suppressions, problems = find_suppressions(root, source, comment_types, known_rules, today)
    if not suppressions:
        return findings, problems
    out: list[Finding] = []
    for finding in findings:
        reason: str | None = None
        for suppression in suppressions:
            if suppression.covers(finding):
                suppression.used = True
                reason = reason or suppression.reason
        out.append(dataclasses.replace(finding, suppressed=reason) if reason is not None else finding)
    if complete:
        for suppression in suppressions:
            if not suppression.used:
                problems.append(SuppressionProblem(
                    suppression.span.start_line,
                    f"suppression of {', '.join(suppression.rule_ids)} matches no finding; remove it",
                    Severity.HINT,
                    "unused",
                    suppression.span,
                ))
    problems.sort(key=lambda p: (p.line, p.kind))
    return out, problems

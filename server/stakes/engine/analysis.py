"""Matching one parsed document: candidates, rules, findings and regions.

This is the hot path of both the scanner and the editor, so it runs the combined query once,
dispatches candidates by node type, and checks a time budget so a pathological file yields a
partial result with a note instead of a hang.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import tree_sitter
from tree_sitter import Node

from stakes.engine.compiled import CANDIDATE_CAPTURE, CompiledRules, LanguageRules
from stakes.engine.matchers import CandidateIndex, Hit, MatchContext
from stakes.engine.model import Finding, Region, RegionRef, Span
from stakes.engine.regions import (
    combined_fingerprint,
    enclosing_region,
    fingerprint,
    region_ref,
    token_stream,
)
from stakes.engine.rules import Rule
from stakes.engine.syntax import ImportTable

log = logging.getLogger(__name__)

DEFAULT_BUDGET_SECONDS = 5.0


@dataclass
class Analysis:
    """Findings and regions of one document, plus notes on anything skipped."""

    findings: list[Finding] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    partial: bool = False


def span_of(node: Node) -> Span:
    return Span(
        node.start_point[0],
        node.start_point[1],
        node.end_point[0],
        node.end_point[1],
        node.start_byte,
        node.end_byte,
    )


def format_message(rule: Rule, hit: Hit) -> str:
    """Fill ``{match}`` in a rule's message with the (possibly masked) construct."""
    if "{match}" in rule.message:
        return rule.message.replace("{match}", hit.matched)
    return rule.message


def _collect(compiled: LanguageRules, scope: Node) -> tuple[CandidateIndex, dict[int, dict[int, Node]]]:
    """Collect candidates and raw-query hits in ``scope`` (the root, or one top-level statement)."""
    index = CandidateIndex()
    hits: dict[int, dict[int, Node]] = {}
    # No progress callback: py-tree-sitter 0.25's callback crashes the interpreter on larger
    # files. Query time is linear in the tree; the time budget is enforced while matching.
    if compiled.candidate_query is not None:
        cursor = tree_sitter.QueryCursor(compiled.candidate_query, match_limit=4096)
        add = index.add
        for node in cursor.captures(scope).get(CANDIDATE_CAPTURE, ()):
            add(node)
    if compiled.query is not None:
        cursor = tree_sitter.QueryCursor(compiled.query, match_limit=4096)
        owners = compiled.pattern_owner
        for pattern, captures in cursor.matches(scope):
            owner = owners[pattern]
            nodes = captures.get("match") or next(iter(captures.values()), [])
            for node in nodes:
                hits.setdefault(owner.id, {})[node.id] = node
    index.finish()
    return index, hits


@dataclass
class _Matched:
    """Findings of one scope, with the region node of each non-module region they lift to."""

    findings: list[Finding] = field(default_factory=list)
    region_nodes: dict[RegionRef, Node | None] = field(default_factory=dict)
    timed_out: bool = False


def _match_scope(
    compiled: LanguageRules, scope: Node, root: Node, imports: ImportTable, deadline: float
) -> _Matched:
    """Test every candidate in ``scope`` against the rules that can match it."""
    out = _Matched()
    syntax = compiled.syntax
    index, query_hits = _collect(compiled, scope)
    out.timed_out = time.monotonic() > deadline
    ctx = MatchContext(syntax, imports, index, query_hits)
    seen: set[tuple[str, int, int]] = set()
    region_nodes = out.region_nodes
    findings = out.findings

    def record(rule: Rule, node: Node, hit: Hit) -> None:
        focus = hit.focus
        key = (rule.id, focus.start_byte, focus.end_byte)
        if key in seen:
            return
        seen.add(key)
        region_node = enclosing_region(node, syntax)
        ref = region_ref(region_node, syntax, root)
        region_nodes.setdefault(ref, region_node)
        findings.append(
            Finding(rule.id, rule.category, rule.level, format_message(rule, hit), span_of(focus), ref, hit.matched)
        )

    checked = 0
    call_types = syntax.call_types
    by_type = index.by_type
    # Dispatch in the compiled (sorted) type order, not in the order types occur in the file,
    # so a scope yields the same findings whether it is matched alone or as part of the file.
    for kind, kind_rules in compiled.dispatch_order:
        nodes = by_type.get(kind)
        if not nodes:
            continue
        is_call = kind in call_types
        kind_filter = compiled.filters.get(kind)
        candidates_rules = kind_rules
        for node in nodes:
            checked += 1
            if checked % 512 == 0 and time.monotonic() > deadline:
                out.timed_out = True
                break
            if is_call:
                candidates_rules = compiled.rules_for_call(*ctx.callee(node))
            elif kind_filter is not None:
                candidates_rules = kind_filter.select(node, ctx)
            for rule in candidates_rules:
                try:
                    hit = rule.matcher.test(node, ctx)
                except Exception:  # one broken rule must not stop the others
                    log.exception("rule %s failed on %s", rule.id, node.type)
                    continue
                if hit is not None:
                    record(rule, node, hit)
        if out.timed_out:
            break
    for rule, query in compiled.query_rules:
        for node in list(query_hits.get(query.id, {}).values()):
            try:
                hit = rule.matcher.test(node, ctx)
            except Exception:
                log.exception("rule %s failed", rule.id)
                continue
            if hit is not None:
                record(rule, node, hit)
    return out


def analyze_tree(
    tree: tree_sitter.Tree,
    language: str,
    rules: CompiledRules,
    *,
    budget_seconds: float = DEFAULT_BUDGET_SECONDS,
) -> Analysis:
    """Match every rule of the language against a parsed tree and lift findings to regions.

    Large files are matched one top-level statement at a time, reusing the findings of
    statements already seen unchanged (see ``_analyze_by_statement``): that is what keeps an
    edit in a 50,000-line file from re-matching the other 49,990 lines.
    """
    compiled = rules.for_language(language)
    root = tree.root_node
    deadline = time.monotonic() + budget_seconds
    syntax = compiled.syntax
    imports = syntax.imports(root)
    if compiled.statement_cache is not None and root.end_byte >= INCREMENTAL_MIN_BYTES:
        result = _analyze_by_statement(compiled, root, imports, deadline)
    else:
        matched = _match_scope(compiled, root, root, imports, deadline)
        result = Analysis(findings=matched.findings, partial=matched.timed_out)
        result.findings.sort(key=_finding_order)
        result.regions = build_regions(result.findings, matched.region_nodes, root, syntax.comment_types)
    if result.partial:
        result.notes.append(
            f"analysis stopped after {budget_seconds:g}s; findings for this file may be incomplete"
        )
    return result


def _finding_order(finding: Finding) -> tuple[int, str, int]:
    return (finding.span.start_byte, finding.rule_id, finding.span.end_byte)


# -- incremental matching by top-level statement ---------------------------------------------------

INCREMENTAL_MIN_BYTES = 32 * 1024  # below this a whole-file match is as fast; above, reuse pays off in editors
STATEMENT_CACHE_LIMIT = 20_000  # statements per import table; cleared when full
IMPORT_TABLES_LIMIT = 16  # distinct import tables (roughly: large files being edited) per language


@dataclass
class _Piece:
    """What one top-level statement contributed, in the coordinates it was matched at.

    Nothing here refers to tree nodes, so old trees are not kept alive by the cache.
    """

    start_byte: int
    start_row: int
    findings: list[Finding]
    module_findings: frozenset[int]  # indexes of findings that belong to the module region
    regions: dict[RegionRef, tuple[Span, str]]  # non-module region → (span, fingerprint)
    tokens: bytes | None  # the statement's fingerprint token stream, when it holds module findings


def _statement_key(node: Node, following: Node | None) -> tuple[object, ...]:
    """What a top-level statement's findings depend on besides the imports: text, structure, column.

    Matching never looks above a top-level statement except at the root (whose type is fixed)
    and the import table (the outer key of the cache), so equal keys give equal findings, up to
    a shift in position. A bare token at the top level (error recovery leaves many) is also
    fingerprinted by the type of the token after it (a trailing comma before a bracket is
    formatting), so that type is part of its key.
    """
    after = following.type if following is not None and not node.child_count else None
    return (node.type, node.text, node.start_point[1], node.descendant_count, node.has_error, after)


def _shift_span(span: Span, bytes_by: int, rows_by: int) -> Span:
    if not bytes_by and not rows_by:
        return span
    return Span(
        span.start_line + rows_by,
        span.start_byte_col,
        span.end_line + rows_by,
        span.end_byte_col,
        span.start_byte + bytes_by,
        span.end_byte + bytes_by,
        span.start_char,
        span.end_char,
    )


def _shift_ref(ref: RegionRef, rows_by: int) -> RegionRef:
    return ref if not rows_by else RegionRef(ref.kind, ref.name, ref.start_line + rows_by, ref.end_line + rows_by)


def _new_piece(compiled: LanguageRules, statement: Node, root: Node, imports: ImportTable, deadline: float) -> tuple[_Piece, bool]:
    matched = _match_scope(compiled, statement, root, imports, deadline)
    comment_types = compiled.syntax.comment_types
    module = frozenset(i for i, f in enumerate(matched.findings) if f.region.kind == "module")
    regions = {
        ref: (span_of(node), fingerprint(node, comment_types))
        for ref, node in matched.region_nodes.items()
        if node is not None
    }
    tokens = token_stream(statement, comment_types) if module else None
    piece = _Piece(statement.start_byte, statement.start_point[0], matched.findings, module, regions, tokens)
    return piece, matched.timed_out


def _analyze_by_statement(compiled: LanguageRules, root: Node, imports: ImportTable, deadline: float) -> Analysis:
    """Match each top-level statement on its own, reusing cached pieces for unchanged ones.

    Gives the same findings and regions as a whole-file match (the test suite compares both on
    real code): candidates, ``has`` and query hits never cross a top-level statement, and the
    module region's name and fingerprint are recomputed for the whole file here.
    """
    caches = compiled.statement_cache
    assert caches is not None
    result = Analysis()
    # The import table is part of every statement's key; hashing it once per file (not once
    # per statement) keeps lookups cheap in files with thousands of imports.
    imports_key = tuple(sorted(imports.bindings.items()))
    cache = caches.get(imports_key)
    if cache is None:
        if len(caches) >= IMPORT_TABLES_LIMIT:
            caches.clear()
        cache = caches[imports_key] = {}
    module_ref = region_ref(None, compiled.syntax, root)
    regions: dict[RegionRef, Region] = {}
    module_tokens: list[bytes] = []
    statements = root.children
    for position, statement in enumerate(statements):
        key = _statement_key(statement, statements[position + 1] if position + 1 < len(statements) else None)
        piece = cache.get(key)
        if piece is None:
            piece, timed_out = _new_piece(compiled, statement, root, imports, deadline)
            if timed_out:
                result.partial = True
                break
            if len(cache) >= STATEMENT_CACHE_LIMIT:
                cache.clear()
            cache[key] = piece
        bytes_by = statement.start_byte - piece.start_byte
        rows_by = statement.start_point[0] - piece.start_row
        for i, finding in enumerate(piece.findings):
            ref = module_ref if i in piece.module_findings else _shift_ref(finding.region, rows_by)
            shifted = Finding(
                finding.rule_id,
                finding.category,
                finding.level,
                finding.message,
                _shift_span(finding.span, bytes_by, rows_by),
                ref,
                finding.matched,
            )
            result.findings.append(shifted)
            if ref not in regions:
                if ref is module_ref:
                    regions[ref] = Region(ref, "", span_of(root))
                else:
                    span, print_ = piece.regions[finding.region]
                    regions[ref] = Region(ref, print_, _shift_span(span, bytes_by, rows_by))
        if piece.tokens is not None:
            module_tokens.append(piece.tokens)
    result.findings.sort(key=_finding_order)
    for finding in result.findings:
        regions[finding.region].findings.append(finding)
    if module_ref in regions:
        regions[module_ref].fingerprint = hashlib.sha256(b"".join(module_tokens)).hexdigest()[:16]
    result.regions = sorted(regions.values(), key=lambda r: (r.ref.start_line, r.ref.name))
    return result


def build_regions(
    findings: Iterable[Finding],
    region_nodes: dict[RegionRef, Node | None],
    root: Node,
    comment_types: frozenset[str],
) -> list[Region]:
    """Group findings by region and fingerprint each region's code."""
    regions: dict[RegionRef, Region] = {}
    for finding in findings:
        region = regions.get(finding.region)
        if region is None:
            node = region_nodes.get(finding.region) or root
            region = Region(finding.region, "", span_of(node))
            regions[finding.region] = region
        region.findings.append(finding)
    for ref, region in regions.items():
        region_node = region_nodes.get(ref)
        if region_node is not None:
            region.fingerprint = fingerprint(region_node, comment_types)
        else:
            region.fingerprint = _module_fingerprint(root, region.findings, comment_types)
    return sorted(regions.values(), key=lambda r: (r.ref.start_line, r.ref.name))


def _module_fingerprint(root: Node, findings: list[Finding], comment_types: frozenset[str]) -> str:
    """Fingerprint only the top-level statements that hold module-level findings.

    Hashing the whole file would make a review of ``settings.py``'s ``SECRET_KEY`` go stale (and
    the agent guard block) whenever any unrelated function in the file changed.
    """
    starts = sorted(f.span.start_byte for f in findings)
    statements = []
    for child in root.children:
        first = bisect.bisect_left(starts, child.start_byte)
        if first < len(starts) and starts[first] < max(child.end_byte, child.start_byte + 1):
            statements.append(child)
    return combined_fingerprint(statements, comment_types)

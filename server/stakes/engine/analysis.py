"""Matching one parsed document: candidates, rules, findings and regions.

This is the hot path of both the scanner and the editor, so it runs the combined query once,
dispatches candidates by node type, and checks a time budget so a pathological file yields a
partial result with a note instead of a hang.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import tree_sitter
from tree_sitter import Node

from stakes.engine.compiled import CANDIDATE_CAPTURE, CompiledRules, LanguageRules
from stakes.engine.matchers import CandidateIndex, Hit, MatchContext
from stakes.engine.model import Finding, Region, RegionRef, Span
from stakes.engine.regions import combined_fingerprint, enclosing_region, fingerprint, region_ref
from stakes.engine.rules import Rule

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


def _collect(compiled: LanguageRules, root: Node, deadline: float) -> tuple[CandidateIndex, dict[int, dict[int, Node]], bool]:
    index = CandidateIndex()
    hits: dict[int, dict[int, Node]] = {}
    if compiled.query is None:
        return index, hits, False
    # No progress callback: py-tree-sitter 0.25's callback crashes the interpreter on larger
    # files. Query time is linear in the tree; the time budget is enforced while matching.
    cursor = tree_sitter.QueryCursor(compiled.query, match_limit=4096)
    for pattern, captures in cursor.matches(root):
        owner = compiled.pattern_owner.get(pattern)
        if owner is None:
            for node in captures.get(CANDIDATE_CAPTURE, ()):
                index.add(node)
            continue
        nodes = captures.get("match") or next(iter(captures.values()), [])
        for node in nodes:
            hits.setdefault(owner.id, {})[node.id] = node
    index.finish()
    return index, hits, time.monotonic() > deadline


def analyze_tree(
    tree: tree_sitter.Tree,
    language: str,
    rules: CompiledRules,
    *,
    budget_seconds: float = DEFAULT_BUDGET_SECONDS,
) -> Analysis:
    """Match every rule of the language against a parsed tree and lift findings to regions."""
    compiled = rules.for_language(language)
    result = Analysis()
    root = tree.root_node
    deadline = time.monotonic() + budget_seconds
    syntax = compiled.syntax
    index, query_hits, timed_out = _collect(compiled, root, deadline)
    ctx = MatchContext(syntax, syntax.imports(root), index, query_hits)
    seen: set[tuple[str, int, int]] = set()
    region_nodes: dict[RegionRef, Node | None] = {}

    def record(rule: Rule, node: Node, hit: Hit) -> None:
        focus = hit.focus
        key = (rule.id, focus.start_byte, focus.end_byte)
        if key in seen:
            return
        seen.add(key)
        region_node = enclosing_region(node, syntax)
        ref = region_ref(region_node, syntax, root)
        region_nodes.setdefault(ref, region_node)
        result.findings.append(
            Finding(rule.id, rule.category, rule.level, format_message(rule, hit), span_of(focus), ref, hit.matched)
        )

    checked = 0
    call_types = syntax.call_types
    for kind, nodes in index.by_type.items():
        candidates_rules = compiled.dispatch.get(kind)
        if not candidates_rules:
            continue
        is_call = kind in call_types
        for node in nodes:
            checked += 1
            if checked % 512 == 0 and time.monotonic() > deadline:
                timed_out = True
                break
            if is_call:
                candidates_rules = compiled.rules_for_call(*ctx.callee(node))
            for rule in candidates_rules:
                try:
                    hit = rule.matcher.test(node, ctx)
                except Exception:  # one broken rule must not stop the others
                    log.exception("rule %s failed on %s", rule.id, node.type)
                    continue
                if hit is not None:
                    record(rule, node, hit)
        if timed_out:
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
    if timed_out:
        result.partial = True
        result.notes.append(
            f"analysis stopped after {budget_seconds:g}s; findings for this file may be incomplete"
        )
    result.findings.sort(key=lambda f: (f.span.start_byte, f.rule_id))
    result.regions = build_regions(result.findings, region_nodes, root, syntax.comment_types)
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
    statements = [
        child
        for child in root.children
        if any(child.start_byte <= start < max(child.end_byte, child.start_byte + 1) for start in starts)
    ]
    return combined_fingerprint(statements, comment_types)

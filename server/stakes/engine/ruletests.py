"""Rule tests: example files beside each pack, with markers that say what must and must not flag.

In ``<pack>/examples/``, a comment line ``# expect: rule-id`` (``//`` in C-like languages) says the
next code line must produce a finding of that rule; ``# ok: rule-id`` says it must not. Several
ids may be given, separated by commas. Findings of a rule that the file mentions but on lines
without a marker are unexpected too, so examples stay honest.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from stakes.engine.analysis import analyze_tree
from stakes.engine.compiled import CompiledRules
from stakes.engine.document import Document, decode_source
from stakes.engine.languages import language_for_path
from stakes.engine.rules import Pack

_MARKER = re.compile(r"^\s*(?:#|//)\s*(expect|ok)\s*:\s*([A-Za-z0-9_/,\s-]+?)\s*$")


@dataclass
class RuleTally:
    """How well one rule's examples went."""

    rule_id: str
    flagged: int = 0  # expect markers satisfied
    passed_ok: int = 0  # ok markers satisfied
    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.missing or self.unexpected)


@dataclass
class PackTestResult:
    """Results for one pack, with rules that have too few examples."""

    pack: Pack
    tallies: dict[str, RuleTally] = field(default_factory=dict)
    untested: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.untested and not any(t.failed for t in self.tallies.values())


def _markers(text: str, pack: str) -> dict[int, dict[str, str]]:
    """Line (0-based) of the code each marker points at → rule id → ``expect``/``ok``."""
    out: dict[int, dict[str, str]] = defaultdict(dict)
    pending: list[tuple[str, list[str]]] = []
    for number, line in enumerate(text.splitlines()):
        found = _MARKER.match(line)
        if found:
            ids = [i.strip() for i in found.group(2).split(",") if i.strip()]
            pending.append((found.group(1), [i if "/" in i else f"{pack}/{i}" for i in ids]))
            continue
        if not line.strip() or not pending:
            continue
        for kind, ids in pending:
            for rule_id in ids:
                out[number][rule_id] = kind
        pending = []
    return out


def test_pack(pack: Pack, rules: CompiledRules, min_examples: int = 1) -> PackTestResult:
    """Run a pack's examples against the given compiled rules (the pack's own, usually)."""
    result = PackTestResult(pack)
    tallies = {rule.id: RuleTally(rule.id) for rule in pack.rules if rule.enabled}
    result.tallies = tallies
    examples = sorted(p for p in pack.examples_dir.rglob("*") if p.is_file()) if pack.examples_dir.is_dir() else []
    for path in examples:
        language = language_for_path(path)
        if language is None:
            continue
        text, note = decode_source(path.read_bytes())
        if note:
            result.errors.append(f"{path}: {note}")
        markers = _markers(text, pack.name)
        mentioned = {rule_id for ids in markers.values() for rule_id in ids}
        for rule_id in mentioned - set(tallies) - set(rules.by_id):
            result.errors.append(f"{path}: marker names unknown rule '{rule_id}'")
        document = Document(path, language, text)
        assert document.tree is not None
        analysis = analyze_tree(document.tree, language.id, rules)
        found: dict[int, set[str]] = defaultdict(set)
        for finding in analysis.findings:
            found[finding.span.start_line].add(finding.rule_id)
        for line, wanted in markers.items():
            for rule_id, kind in wanted.items():
                tally = tallies.get(rule_id)
                if tally is None:
                    continue
                hit = rule_id in found.get(line, set())
                where = f"{path}:{line + 1}"
                if kind == "expect":
                    if hit:
                        tally.flagged += 1
                    else:
                        tally.missing.append(where)
                elif hit:
                    tally.unexpected.append(where)
                else:
                    tally.passed_ok += 1
        for line, rule_ids in found.items():
            for rule_id in rule_ids & mentioned:
                if rule_id not in markers.get(line, {}) and rule_id in tallies:
                    tallies[rule_id].unexpected.append(f"{path}:{line + 1} (no marker)")
    for rule_id, tally in tallies.items():
        if tally.flagged < min_examples or tally.passed_ok < min_examples:
            result.untested.append(
                f"{rule_id}: {tally.flagged} example(s) that flag and {tally.passed_ok} that must not; "
                f"at least {min_examples} of each needed"
            )
    return result

"""Where matching time goes: CPU seconds per phase and per rule over a corpus, in one process.

    python bench/perf/rulecost.py bench/.cache/perf/corpus/python [--top 15]

Phases: parse (tree-sitter), query (the combined candidate query), match (rules' Python tests),
and the rest of ``analyze_tree`` (regions, fingerprints). Per-rule figures wrap each rule's
root matcher, so nested ``has``/``inside`` work is charged to the rule that asked for it. This is
the profile ``docs/performance.md`` cites when a target is missed.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path
from typing import Any

from stakes.engine import analysis
from stakes.engine.document import decode_source
from stakes.engine.files import select_files
from stakes.engine.languages import language_for_path, new_parser
from stakes.engine.project import Project


class _TimedMatcher:
    """Stands in for a rule's matcher and charges its CPU time to the rule."""

    def __init__(self, rule_id: str, inner: Any, costs: dict[str, float], calls: Counter[str]) -> None:
        self.rule_id, self.inner, self.costs, self.calls = rule_id, inner, costs, calls

    def test(self, node: Any, ctx: Any) -> Any:
        began = time.process_time()
        try:
            return self.inner.test(node, ctx)
        finally:
            self.costs[self.rule_id] = self.costs.get(self.rule_id, 0.0) + time.process_time() - began
            self.calls[self.rule_id] += 1

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def profile(root: Path, top: int) -> None:
    project = Project(root)
    files = select_files([root], root, project.config.max_file_size).files
    phases: dict[str, float] = dict.fromkeys(("parse", "query", "analyze_tree"), 0.0)
    costs: dict[str, float] = {}
    calls: Counter[str] = Counter()
    original_collect = analysis._collect

    def timed_collect(*args: Any) -> Any:
        began = time.process_time()
        try:
            return original_collect(*args)
        finally:
            phases["query"] += time.process_time() - began

    analysis._collect = timed_collect  # type: ignore[assignment]
    parsers: dict[str, Any] = {}
    wrapped = False
    for path in files:
        language = language_for_path(path)
        if language is None:
            continue
        compiled = project.rules.for_language(language.id)
        if not wrapped:
            for rule in project.rules.rules:
                rule.matcher = _TimedMatcher(rule.id, rule.matcher, costs, calls)  # type: ignore[assignment]
            wrapped = True
        text, _ = decode_source(path.read_bytes())
        parser = parsers.get(language.id) or parsers.setdefault(language.id, new_parser(language.id))
        began = time.process_time()
        tree = parser.parse(text.encode("utf-8", "surrogatepass"))
        phases["parse"] += time.process_time() - began
        began = time.process_time()
        analysis.analyze_tree(tree, language.id, project.rules)
        phases["analyze_tree"] += time.process_time() - began
        del compiled
    match_total = sum(costs.values())
    phases["match (rule tests)"] = match_total
    phases["analyze_tree other"] = phases["analyze_tree"] - phases["query"] - match_total
    print(f"{len(files)} files")
    for name in ("parse", "query", "match (rule tests)", "analyze_tree other"):
        print(f"  {name:<22} {phases[name]:7.2f} s CPU")
    print(f"\ntop {top} rules by CPU time:")
    for rule_id, seconds in sorted(costs.items(), key=lambda item: -item[1])[:top]:
        print(f"  {seconds:7.3f} s  {calls[rule_id]:>9,} tests  {rule_id}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    profile(args.root.resolve(), args.top)

"""``stakes explain RULE``: print a rule's documentation."""

from __future__ import annotations

import argparse
from pathlib import Path

from stakes.commands.common import add_project_arguments, out, project_from_args
from stakes.engine.model import ADVICE
from stakes.errors import UsageError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("explain", help="show a rule's documentation")
    parser.add_argument("rule", help="rule id (pack/rule, or the rule's own id when unambiguous)")
    add_project_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    project = project_from_args(args, [Path.cwd()])
    rule = project.rules.by_id.get(args.rule)
    if rule is None:
        matches = [r for r in project.rules.by_id.values() if r.local_id == args.rule]
        if len(matches) != 1:
            raise UsageError(f"no rule '{args.rule}'" + (f"; candidates: {', '.join(r.id for r in matches)}" if matches else "; see `stakes rules`"))
        rule = matches[0]
    out(f"# {rule.id}: {rule.title}\n\n")
    out(f"Category: {rule.category} · Stakes: {rule.level.label} · Languages: {', '.join(rule.languages)}\n")
    out(f"Advice: {ADVICE[rule.level]}\n\n")
    out(rule.docs.markdown() + "\n")
    return 0

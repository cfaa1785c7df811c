"""``stakes rules``: list the rules the project would load."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from stakes.commands.common import add_project_arguments, out, project_from_args


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("rules", help="list loaded rules")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_project_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    project = project_from_args(args, [Path.cwd()])
    rules = project.rules.rules
    if args.json:
        out(json.dumps([
            {"id": r.id, "title": r.title, "category": r.category, "stakes": r.level.label, "languages": list(r.languages)}
            for r in rules
        ], indent=2) + "\n")
    else:
        for rule in sorted(rules, key=lambda r: r.id):
            out(f"{rule.id:<48} {rule.level.label:<9} {rule.category:<16} {rule.title}\n")
        out(f"{len(rules)} rules from {len(project.packs.packs)} packs\n")
    for error in project.errors:
        out(f"error: {error.render()}\n")
    return 2 if project.errors else 0

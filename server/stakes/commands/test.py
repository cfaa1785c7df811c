"""``stakes test [PACK...]``: run rule packs' examples and report missing, unexpected and untested rules."""

from __future__ import annotations

import argparse
from pathlib import Path

from stakes.commands.common import out
from stakes.engine.compiled import CompiledRules
from stakes.engine.rules import builtin_pack_dirs, load_packs
from stakes.engine.ruletests import test_pack


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("test", help="test rule packs against their examples")
    parser.add_argument("packs", nargs="*", type=Path, help="pack folders (default: every built-in pack)")
    parser.add_argument("--min-examples", type=int, default=2,
                        help="examples each rule needs that flag, and that must not flag (default: 2)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    dirs = [p.resolve() for p in args.packs] or builtin_pack_dirs()
    loaded = load_packs([(d, "test") for d in dirs])
    failed = bool(loaded.errors)
    for error in loaded.errors:
        out(f"error: {error.render()}\n")
    for pack in loaded.packs:
        rules = CompiledRules(pack.rules)
        result = test_pack(pack, rules, args.min_examples)
        for error in rules.errors:
            out(f"error: {error.render()}\n")
            failed = True
        passed = sum(1 for t in result.tallies.values() if not t.failed)
        out(f"{pack.name} {pack.version}: {passed}/{len(result.tallies)} rules pass\n")
        for tally in result.tallies.values():
            for where in tally.missing:
                out(f"  missing    {tally.rule_id} at {where}\n")
            for where in tally.unexpected:
                out(f"  unexpected {tally.rule_id} at {where}\n")
        for line in result.untested:
            out(f"  untested   {line}\n")
        for line in result.errors:
            out(f"  error      {line}\n")
        failed = failed or not result.ok
    out("FAILED\n" if failed else "ok\n")
    return 1 if failed else 0

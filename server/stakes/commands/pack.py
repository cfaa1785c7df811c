"""``stakes pack new|test|lint|docs``: tools for people who write and share rule packs."""

from __future__ import annotations

import argparse
from pathlib import Path

from stakes.commands.common import out
from stakes.engine.packtools import find_pack_dirs, lint_pack, reference_page, scaffold
from stakes.engine.rules import builtin_pack_dirs, load_pack
from stakes.errors import UsageError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("pack", help="create, test, lint and document rule packs")
    actions = parser.add_subparsers(dest="pack_command", metavar="ACTION")
    actions.required = True
    new = actions.add_parser("new", help="scaffold a new pack project")
    new.add_argument("name", help="pack name (lower-case letters, digits, dashes)")
    new.add_argument("--dir", type=Path, default=Path("."), help="parent folder (default: .)")
    new.set_defaults(handler=run_new)
    test = actions.add_parser("test", help="run a pack's examples (same as `stakes test`)")
    test.add_argument("packs", nargs="*", type=Path)
    test.add_argument("--min-examples", type=int, default=2)
    test.set_defaults(handler=run_test)
    lint = actions.add_parser("lint", help="check schema, ids, docs headings, and that every rule is tested")
    lint.add_argument("packs", nargs="*", type=Path)
    lint.add_argument("--min-examples", type=int, default=2)
    lint.set_defaults(handler=run_lint)
    docs = actions.add_parser("docs", help="generate rule reference pages (Markdown)")
    docs.add_argument("packs", nargs="*", type=Path, help="pack folders (default: the built-in packs)")
    docs.add_argument("--out", type=Path, default=Path("docs/rules"), help="output folder (default: docs/rules)")
    docs.add_argument("--check", action="store_true", help="exit 1 if the pages are out of date, writing nothing")
    docs.set_defaults(handler=run_docs)


def _dirs(paths: list[Path]) -> list[Path]:
    if not paths:
        return builtin_pack_dirs()
    dirs: list[Path] = []
    for path in paths:
        found = find_pack_dirs(path.resolve())
        if not found:
            raise UsageError(f"no pack.yaml in {path} or its subfolders")
        dirs += found
    return dirs


def run_new(args: argparse.Namespace) -> int:
    try:
        root = scaffold(args.dir, args.name)
    except (ValueError, FileExistsError) as exc:
        raise UsageError(str(exc)) from exc
    out(f"created {root}\n  next: stakes pack test {root} && stakes pack lint {root}\n")
    return 0


def run_test(args: argparse.Namespace) -> int:
    from stakes.commands.test import run as run_tests

    args.packs = _dirs(args.packs)
    return run_tests(args)


def run_lint(args: argparse.Namespace) -> int:
    failed = False
    for directory in _dirs(args.packs):
        problems = lint_pack(directory, args.min_examples)
        for problem in problems:
            out(f"{problem.render()}\n")
        out(f"{directory}: {'ok' if not problems else f'{len(problems)} problem(s)'}\n")
        failed = failed or bool(problems)
    return 1 if failed else 0


def run_docs(args: argparse.Namespace) -> int:
    stale: list[Path] = []
    for directory in _dirs(args.packs):
        pack, errors = load_pack(directory)
        if pack is None or errors:
            raise UsageError(f"{directory}: the pack has errors; run `stakes pack lint {directory}` first")
        target = args.out / f"{pack.name}.md"
        page = reference_page(pack)
        current = target.read_text("utf-8") if target.is_file() else None
        if current != page:
            stale.append(target)
            if not args.check:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(page, encoding="utf-8")
    if args.check:
        for target in stale:
            out(f"out of date: {target} (run `stakes pack docs`)\n")
        return 1 if stale else 0
    out(f"wrote {len(stale)} page(s) to {args.out}\n")
    return 0

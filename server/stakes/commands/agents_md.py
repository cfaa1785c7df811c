"""``stakes agents-md``: write or update the Stakes section of AGENTS.md."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from stakes.commands.common import add_project_arguments, out, project_from_args
from stakes.engine.agents import SectionError, agents_section, read_if_exists, update_agents_file
from stakes.engine.scanner import scan
from stakes.errors import UsageError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("agents-md", help="write the high-stakes section of AGENTS.md for AI coding agents")
    parser.add_argument("paths", nargs="*", type=Path, default=[Path(".")], help="what to scan (default: .)")
    parser.add_argument("--file", type=Path, help="the file to update (default: AGENTS.md at the project root)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is out of date, writing nothing")
    add_project_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    project = project_from_args(args, args.paths)
    result = scan(project, args.paths)
    zones = [(", ".join(z.patterns), z.level.label, z.reason) for z in project.config.zones]
    section = agents_section(project.profile, zones, result.reports)
    target: Path = args.file or project.root / "AGENTS.md"
    existing = read_if_exists(target)
    try:
        updated = update_agents_file(existing, section)
    except SectionError as exc:
        raise UsageError(f"{target}: {exc}") from exc
    if updated == existing:
        out(f"{target} is up to date\n")
        return 0
    if args.check:
        out(f"{target} is out of date (run `stakes agents-md`)\n")
        return 1
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".AGENTS.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
        stream.write(updated)
    os.replace(temp, target)
    out(f"updated {target}\n")
    return 0

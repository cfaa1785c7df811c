"""``stakes init``: write a commented starter ``.stakes/config.yaml``; never overwrite one."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from stakes.commands.common import out
from stakes.engine.config import CONFIG_DIR, CONFIG_FILE
from stakes.engine.model import PROFILES

CONFIG_SCHEMA_URL = "https://raw.githubusercontent.com/stakes-dev/stakes/main/schemas/config.schema.json"

STARTER = """\
# yaml-language-server: $schema={schema}
# Stakes project configuration. Reference: docs/configuration.md

# Where this project sits on the NCSC vibe-coding spectrum; it sets how loud findings are.
#   prototype  - throwaway code: critical findings are information, the rest hints
#   internal   - internal tools: critical is a warning
#   production - the default: critical is an error, high a warning
#   critical   - CNI, aviation, safety: critical and high are errors, elevated a warning
profile: {profile}

# Areas that are high-stakes whatever the rules find: every region in them is at least this
# level, each file is a reviewable region of its own, and the reason is shown beside findings.
zones: []
#  - paths: ["src/payments/**"]
#    stakes: critical        # critical | high | elevated
#    reason: PCI scope
#  - paths: ["firmware/**"]
#    stakes: critical
#    reason: flight control

# Extra rule packs: folders inside this repository, or installed packs by name. Packs in
# .stakes/rules/ are loaded automatically.
packs: []

# Turn rules off or change their level, by rule id, "pack/*" or the rule's own id.
rules: {{}}
#  python/weak-hash-call: {{stakes: elevated}}
#  javascript/*: {{enabled: false}}

# Paths never scanned (gitignore-style globs), in addition to .gitignore'd and vendored files.
exclude: []
#  - "tests/fixtures/**"

# The name written to .stakes/reviews.yaml when you mark a region reviewed; by default your
# git user.name. Usually set per person in the editor or with --reviewer, not here.
# reviewer: Ada Lovelace
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("init", help="write a commented starter .stakes/config.yaml")
    parser.add_argument("root", nargs="?", type=Path, default=Path("."), help="project root (default: .)")
    parser.add_argument("--profile", choices=PROFILES, default="production", help="the project's profile (default: production)")
    parser.set_defaults(handler=run)


def starter_config(profile: str = "production") -> str:
    """The starter config text; it loads without errors and validates against the schema."""
    return STARTER.format(schema=CONFIG_SCHEMA_URL, profile=profile)


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    if not root.is_dir():
        out(f"error: {root} is not a folder\n")
        return 2
    folder = root / CONFIG_DIR
    path = folder / CONFIG_FILE
    folder.mkdir(exist_ok=True)
    try:
        # O_EXCL: never overwrite, even if another process creates the file meanwhile.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        out(f"{path} already exists; not overwriting it (edit it, or delete it and run `stakes init` again)\n")
        return 1
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(starter_config(args.profile))
    out(f"wrote {path} (profile: {args.profile}); commit it with your code\n")
    return 0

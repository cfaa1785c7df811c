"""Helpers shared by subcommands: finding the project root, building the project, printing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from stakes.engine.config import CONFIG_DIR
from stakes.engine.model import PROFILES
from stakes.engine.project import Project, ProjectOptions


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` with ``.stakes/`` or ``.git``; else ``start``."""
    start = start.resolve()
    base = start if start.is_dir() else start.parent
    for folder in (base, *base.parents):
        if (folder / CONFIG_DIR).is_dir() or (folder / ".git").exists():
            return folder
    return base


def add_project_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", choices=PROFILES, help="override the profile from .stakes/config.yaml")
    parser.add_argument("--pack", action="append", default=[], metavar="DIR", help="load an extra rule pack folder (repeatable)")
    parser.add_argument("--root", type=Path, help="project root (default: nearest folder with .stakes/ or .git)")


def project_from_args(args: argparse.Namespace, paths: list[Path]) -> Project:
    root = args.root or find_root(paths[0] if paths else Path.cwd())
    options = ProjectOptions(profile=args.profile, extra_packs=[Path(p).resolve() for p in args.pack])
    return Project(root, options)


def out(text: str) -> None:
    """Write to stdout (the CLI's output channel; the server never calls this)."""
    sys.stdout.write(text)

"""The ``stakes`` command line. Each subcommand lives in ``stakes.commands.<name>`` and
registers itself, so this file only wires them together.

Exit codes: 0 nothing at or above the fail level; 1 something is; 2 usage, config or pack error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from stakes import __version__
from stakes.errors import StakesError

# Order is the order of ``stakes --help``.
COMMAND_MODULES = ("scan", "serve", "test", "rules", "explain", "pack", "agents_md", "guard", "review", "init")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stakes",
        description="Show which parts of a codebase are high-stakes and need a person's review.",
    )
    parser.add_argument("--version", action="version", version=f"stakes {__version__}")
    parser.add_argument("--log-level", default="WARNING", help="logging level on stderr (default: WARNING)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"stakes.commands.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr, format="stakes: %(levelname)s: %(message)s")
    try:
        result: int = args.handler(args)
        return result
    except StakesError as exc:
        print(f"stakes: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0

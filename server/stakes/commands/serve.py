"""``stakes serve``: the language server over stdio (default) or TCP."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("serve", help="run the language server")
    parser.add_argument("--stdio", action="store_true", help="use stdio (the default; accepted for LSP clients that add it)")
    parser.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead, for debugging")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from stakes.lsp.server import run_server  # imported late: the CLI's other commands stay fast

    return run_server(tcp=args.tcp)

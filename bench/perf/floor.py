"""The parse-only floor: read and tree-sitter-parse the same files Stakes scans, with the same
number of processes. Stakes can never be faster than this; its cost is measured against it."""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from stakes.engine.files import select_files
from stakes.engine.languages import language_for_path, new_parser


def _parse_chunk(paths: list[str]) -> int:
    parsers: dict[str, object] = {}
    nodes = 0
    for name in paths:
        path = Path(name)
        language = language_for_path(path)
        if language is None:
            continue
        parser = parsers.get(language.id) or parsers.setdefault(language.id, new_parser(language.id))
        tree = parser.parse(path.read_bytes())  # type: ignore[attr-defined]
        nodes += tree.root_node.descendant_count
    return nodes


def parse_all(root: Path, jobs: int) -> tuple[int, int]:
    """Parse every selected file; returns (files, nodes)."""
    files = [str(p) for p in select_files([root], root, 1_000_000).files]
    chunk = max(4, min(64, len(files) // (jobs * 4) or 1))
    chunks = [files[i : i + chunk] for i in range(0, len(files), chunk)]
    if jobs <= 1:
        return len(files), sum(_parse_chunk(c) for c in chunks)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return len(files), sum(pool.map(_parse_chunk, chunks))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    start = time.perf_counter()
    count, nodes = parse_all(args.root, args.jobs)
    print(f"{count} files, {nodes} nodes in {time.perf_counter() - start:.2f}s", file=sys.stderr)

"""Incremental matching must not change results: compare it with whole-file matching on real code.

    python bench/perf/equivalence.py bench/.cache/perf/corpus/python bench/.cache/perf/corpus/javascript

For every file: findings and regions from a whole-file match, from a statement-by-statement match
with an empty cache, and again after an edit (two lines inserted at the top and one in the
middle, so cached pieces are reused at shifted positions) against a fresh whole-file match of
the edited text. Exits 1 and names the first differing file otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from unittest import mock

from stakes.engine import analysis
from stakes.engine.analysis import Analysis, analyze_tree
from stakes.engine.document import decode_source
from stakes.engine.files import select_files
from stakes.engine.languages import language_for_path, new_parser
from stakes.engine.project import Project


def _analyze(project: Project, language: str, source: bytes, incremental: bool) -> Analysis:
    tree = new_parser(language).parse(source)
    threshold = 0 if incremental else 1 << 62
    with mock.patch.object(analysis, "INCREMENTAL_MIN_BYTES", threshold):
        return analyze_tree(tree, language, project.rules, budget_seconds=600)


def _same(a: Analysis, b: Analysis) -> bool:
    return a.findings == b.findings and a.regions == b.regions and a.partial == b.partial


def _edited(source: bytes) -> bytes:
    lines = source.split(b"\n")
    middle = len(lines) // 2
    lines.insert(middle, b"")
    return b"\n\n" + b"\n".join(lines)


def check(roots: list[Path]) -> int:
    compared = differing = 0
    for root in roots:
        project = Project(root)
        for path in select_files([root], root, project.config.max_file_size).files:
            language = language_for_path(path)
            if language is None or project.rules.for_language(language.id).statement_cache is None:
                continue
            source = decode_source(path.read_bytes())[0].encode("utf-8", "surrogatepass")
            for text in (source, _edited(source)):
                whole = _analyze(project, language.id, text, incremental=False)
                pieces = _analyze(project, language.id, text, incremental=True)
                compared += 1
                if not _same(whole, pieces):
                    differing += 1
                    print(f"DIFFERENT: {path} ({len(whole.findings)} vs {len(pieces.findings)} findings)")
    print(f"{compared} analyses compared, {differing} different")
    return 1 if differing else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("roots", type=Path, nargs="+")
    args = parser.parse_args()
    sys.exit(check([r.resolve() for r in args.roots]))

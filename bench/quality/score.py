"""Score Stakes against the labelled development set: function-level recall and false-flag rate.

Why function level: Stakes exists to point a reviewer at the *regions* that need a person, so the
question that matters is "was this function marked?", not "did rule X fire on line Y". A labelled
function counts as flagged when the scanner reports a region with the same path and qualified name
(or a finding whose region names it).

Steps: load ``labels.yaml``; check that every labelled function exists, with exactly that
qualified name, using an independent tree-sitter locator (exit 2 otherwise, because a typo would
silently count as a miss); run ``stakes scan --format json`` over the extracted packages; compute
per language recall = flagged highs / highs and false-flag rate = flagged lows / lows; print a
Markdown table and the misses and false flags, and write them into ``docs/quality.md`` between
markers.

Run ``python bench/quality/fetch.py`` first. Exit status: 0 when every language meets the
targets, 1 when one does not, 2 for broken labels or a scanner that could not run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from locate import definitions, language_of

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CACHE_SRC = HERE.parent / ".cache" / "quality" / "src"
DOC = REPO / "docs" / "quality.md"

RECALL_TARGET = 0.90
FALSE_FLAG_TARGET = 0.10
FLAGGING_LEVELS = {"critical", "high", "elevated"}
LANGUAGE_NAMES = {
    "python": "Python",
    "javascript": "JavaScript",
    "typescript": "TypeScript",
    "go": "Go",
    "java": "Java",
}
LABEL_SETS = {
    # name: (labels file, marker prefix in docs/quality.md)
    "dev": ("labels.yaml", "quality"),
    "holdout": ("holdout.yaml", "quality-holdout"),
    # a folder: the union of the ``labels`` lists of its *.yaml files (see fetch.py)
    "holdout2": ("holdout2", "quality-holdout2"),
    "holdout3": ("holdout3", "quality-holdout3"),
    "holdout4": ("holdout4", "quality-holdout4"),
    # application code rather than security libraries, labelled blind after the last round
    "apps": ("holdout-apps", "quality-apps"),
}


def markers(prefix: str, part: str) -> tuple[str, str]:
    """The pair of HTML comments that delimit one generated block of docs/quality.md."""
    return f"<!-- {prefix}-{part}:start -->", f"<!-- {prefix}-{part}:end -->"


@dataclass(frozen=True)
class Label:
    """One labelled function."""

    path: str
    function: str
    high: bool
    why: str

    @property
    def language(self) -> str:
        """Report TSX with TypeScript: one grammar family, one row."""
        language = language_of(Path(self.path)) or "unknown"
        return "typescript" if language == "tsx" else language


@dataclass
class Score:
    """Counts for one language."""

    highs: int = 0
    flagged_highs: int = 0
    lows: int = 0
    flagged_lows: int = 0

    @property
    def recall(self) -> float | None:
        return self.flagged_highs / self.highs if self.highs else None

    @property
    def false_flag_rate(self) -> float | None:
        return self.flagged_lows / self.lows if self.lows else None

    @property
    def meets_targets(self) -> bool:
        recall, false_flags = self.recall, self.false_flag_rate
        return (recall is None or recall >= RECALL_TARGET) and (
            false_flags is None or false_flags <= FALSE_FLAG_TARGET
        )


class LabelError(Exception):
    """The labels file is malformed or names functions that do not exist."""


def label_entries(path: Path) -> list[tuple[Path, list[Any]]]:
    """The raw label lists of a labels file, or of every ``*.yaml`` file in a label-set folder.

    A folder's files are mappings ``{sources: [...], labels: [...]}``; fetch.py reads the sources.
    """
    if not path.is_dir():
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(raw, list):
            raise LabelError(f"{path}: expected a list of labels")
        return [(path, raw)]
    lists: list[tuple[Path, list[Any]]] = []
    for file in sorted(path.glob("*.yaml")):
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
        if not isinstance(raw, dict) or set(raw) != {"sources", "labels"}:
            raise LabelError(f"{file}: expected a mapping with exactly 'sources' and 'labels'")
        if not isinstance(raw["labels"], list):
            raise LabelError(f"{file}: 'labels' must be a list")
        lists.append((file, raw["labels"]))
    if not lists:
        raise LabelError(f"{path}: no *.yaml label files")
    return lists


def load_labels(path: Path) -> list[Label]:
    """Parse labels strictly: unknown keys or labels are mistakes, not data."""
    labels: list[Label] = []
    seen: set[tuple[str, str]] = set()
    for file, raw in label_entries(path):
        labels.extend(_parse_labels(file, raw, seen))
    return labels


def _parse_labels(path: Path, raw: list[Any], seen: set[tuple[str, str]]) -> list[Label]:
    labels: list[Label] = []
    for index, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict) or set(entry) != {"path", "function", "label", "why"}:
            raise LabelError(f"{path}: entry {index} must have exactly path, function, label, why")
        if entry["label"] not in {"high", "low"}:
            raise LabelError(f"{path}: entry {index} has label {entry['label']!r}; use high or low")
        key = (str(entry["path"]), str(entry["function"]))
        if key in seen:
            raise LabelError(f"{path}: entry {index} repeats {key[0]} {key[1]}")
        seen.add(key)
        labels.append(Label(key[0], key[1], entry["label"] == "high", str(entry["why"])))
    return labels


def verify_labels(labels: Iterable[Label], src: Path) -> list[str]:
    """Return one message per label whose file or qualified name cannot be found."""
    problems: list[str] = []
    cache: dict[str, set[str] | None] = {}
    for label in labels:
        if label.path not in cache:
            file = src / label.path
            cache[label.path] = {d.name for d in definitions(file)} if file.is_file() else None
        names = cache[label.path]
        if names is None:
            problems.append(f"{label.path}: file not found (run fetch.py?)")
        elif label.function not in names:
            problems.append(f"{label.path}: no function named {label.function!r}")
    return problems


def normalise_name(name: str) -> str:
    """Compare ``Store.prototype.get`` and ``Store.get`` as the same method.

    The region convention does not say whether prototype assignments keep ``prototype`` in the
    name; the measurement should not depend on that choice.
    """
    return ".".join(part for part in name.split(".") if part != "prototype")


def normalise_path(path: str, src: Path) -> str:
    """Make a reported path relative to the extracted-source root, with forward slashes.

    The scanner may report paths relative to the directory it ran in, to the repository root
    (the cache lives inside this repository) or absolutely; try each base and keep the first
    that names an existing file under the source root.
    """
    candidate = Path(path)
    bases = [Path("/")] if candidate.is_absolute() else [src, REPO, Path.cwd()]
    for base in bases:
        full = (base / candidate).resolve()
        if full.is_file():
            try:
                return full.relative_to(src.resolve()).as_posix()
            except ValueError:
                continue
    return candidate.as_posix().removeprefix("./")


def flagged_functions(report: Mapping[str, Any], src: Path) -> set[tuple[str, str]]:
    """Every (path, normalised name) that the scanner marked as high-stakes."""
    flagged: set[tuple[str, str]] = set()
    for region in report.get("regions", []):
        level = region.get("level", "high")
        if level is None or str(level).lower() in FLAGGING_LEVELS:
            flagged.add((normalise_path(region["path"], src), normalise_name(region["name"])))
    for finding in report.get("findings", []):
        region = finding.get("region") or {}
        if region.get("name"):
            flagged.add((normalise_path(finding["path"], src), normalise_name(region["name"])))
    return flagged


def run_scanner(stakes: str, src: Path, packages: list[str], extra: list[str]) -> dict[str, Any]:
    """Run ``stakes scan --format json`` from the source root so reported paths are relative."""
    command = [stakes, "scan", "--format", "json", *extra, *packages]
    try:
        result = subprocess.run(
            command, cwd=src, capture_output=True, text=True, timeout=900, check=False
        )
    except FileNotFoundError as error:
        raise SystemExit(f"cannot run {stakes!r}: {error}; pass --stakes PATH") from error
    try:
        report: dict[str, Any] = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        print(result.stderr, result.stdout[:2000], sep="\n", file=sys.stderr)
        raise SystemExit(
            f"`{' '.join(command)}` exited {result.returncode} without JSON"
        ) from error
    if result.returncode not in (0, 1):
        # A broken rule is reported and skipped while the rest still run (exit 2): score what
        # ran, but say so loudly, because the numbers then understate the packs.
        print(result.stderr, file=sys.stderr)
        print(
            f"warning: stakes exited {result.returncode}; scoring its partial output",
            file=sys.stderr,
        )
        report.setdefault("errors", []).append(f"stakes exited {result.returncode}")
    return report


def score(
    labels: Iterable[Label], flagged: set[tuple[str, str]]
) -> tuple[dict[str, Score], list[Label], list[Label]]:
    """Count per language and collect the misses (unflagged highs) and false flags."""
    scores: dict[str, Score] = defaultdict(Score)
    misses: list[Label] = []
    false_flags: list[Label] = []
    for label in labels:
        hit = (label.path, normalise_name(label.function)) in flagged
        entry = scores[label.language]
        if label.high:
            entry.highs += 1
            entry.flagged_highs += hit
            if not hit:
                misses.append(label)
        else:
            entry.lows += 1
            entry.flagged_lows += hit
            if hit:
                false_flags.append(label)
    return dict(scores), misses, false_flags


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def table(scores: Mapping[str, Score]) -> str:
    """The Markdown table published in docs/quality.md."""
    rows = [
        "| language | labelled (high / low) | recall | false-flag rate | targets met |",
        "|---|---|---|---|---|",
    ]
    total = Score()
    for language in sorted(
        scores, key=lambda name: list(LANGUAGE_NAMES).index(name) if name in LANGUAGE_NAMES else 99
    ):
        entry = scores[language]
        total.highs += entry.highs
        total.flagged_highs += entry.flagged_highs
        total.lows += entry.lows
        total.flagged_lows += entry.flagged_lows
        rows.append(
            f"| {LANGUAGE_NAMES.get(language, language)} | {entry.highs} / {entry.lows} | "
            f"{percent(entry.recall)} ({entry.flagged_highs}/{entry.highs}) | "
            f"{percent(entry.false_flag_rate)} ({entry.flagged_lows}/{entry.lows}) | "
            f"{'yes' if entry.meets_targets else 'no'} |"
        )
    rows.append(
        f"| **all** | {total.highs} / {total.lows} | "
        f"{percent(total.recall)} ({total.flagged_highs}/{total.highs}) | "
        f"{percent(total.false_flag_rate)} ({total.flagged_lows}/{total.lows}) | "
        f"{'yes' if all(s.meets_targets for s in scores.values()) else 'no'} |"
    )
    return "\n".join(rows)


def details(misses: list[Label], false_flags: list[Label]) -> str:
    """Misses and false flags by language, for the people who write rules."""
    out: list[str] = []
    for title, items in (
        ("Misses (high-stakes, not flagged)", misses),
        ("False flags (low-stakes, flagged)", false_flags),
    ):
        out.append(f"#### {title}: {len(items)}\n")
        by_language: dict[str, list[Label]] = defaultdict(list)
        for item in items:
            by_language[item.language].append(item)
        for language in sorted(by_language):
            out.append(f"*{LANGUAGE_NAMES.get(language, language)}*\n")
            out.extend(
                f"- `{item.path}` `{item.function}` — {item.why}" for item in by_language[language]
            )
            out.append("")
        if not items:
            out.append("None.\n")
    return "\n".join(out).rstrip() + "\n"


def replace_between(text: str, markers: tuple[str, str], body: str) -> str:
    """Swap the text between two markers, which must both be present, in order."""
    start, end = markers
    head, found_start, rest = text.partition(start)
    middle, found_end, tail = rest.partition(end)
    if not found_start or not found_end:
        raise SystemExit(f"markers {start} / {end} are missing from the document")
    del middle
    return f"{head}{start}\n{body}\n{end}{tail}"


def git_revision() -> str:
    """The commit being measured, so a published table can be traced to code."""
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stakes", default="stakes", help="the stakes executable")
    parser.add_argument("--src", type=Path, default=CACHE_SRC, help="extracted sources")
    parser.add_argument(
        "--set",
        choices=sorted(LABEL_SETS),
        default="dev",
        help="dev: the labels rules are tuned on; holdout, holdout2, holdout3: earlier held-out "
        "sets (since seen); holdout4: the fresh held-out set",
    )
    parser.add_argument("--labels", type=Path, help="labels file (default: the set's file)")
    parser.add_argument("--doc", type=Path, default=DOC, help="Markdown file to update")
    parser.add_argument("--no-doc", action="store_true", help="print only; leave the doc alone")
    parser.add_argument(
        "--check-labels",
        action="store_true",
        help="only verify that every label names an existing function",
    )
    parser.add_argument(
        "--report",
        type=Path,
        help="score a saved `stakes scan --format json` output instead of scanning",
    )
    parser.add_argument("--save-report", type=Path, help="write the scanner's JSON output here")
    parser.add_argument(
        "--stakes-arg",
        action="append",
        default=[],
        help="extra argument for `stakes scan` (repeatable)",
    )
    args = parser.parse_args(argv)

    src: Path = args.src.resolve()
    labels_file, prefix = LABEL_SETS[args.set]
    try:
        labels = load_labels(args.labels or HERE / labels_file)
    except LabelError as error:
        print(error, file=sys.stderr)
        return 2
    problems = verify_labels(labels, src)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"{len(problems)} label(s) do not match the source", file=sys.stderr)
        return 2
    if args.check_labels:
        print(f"{len(labels)} labels verified against {src}")
        return 0

    packages = sorted({label.path.split("/", 1)[0] for label in labels})
    if args.report:
        report = json.loads(args.report.read_text(encoding="utf-8"))
    else:
        report = run_scanner(args.stakes, src, packages, args.stakes_arg)
    if args.save_report:
        args.save_report.write_text(json.dumps(report, indent=1), encoding="utf-8")
    for problem in report.get("errors", []):
        print(f"scanner error: {problem}", file=sys.stderr)
    skipped = report.get("skipped", [])
    for entry in skipped if isinstance(skipped, list) else []:
        print(f"scanner skipped: {entry}", file=sys.stderr)

    flagged = flagged_functions(report, src)
    silent = sorted(set(packages) - {path.split("/", 1)[0] for path, _ in flagged})
    if silent:
        print(
            f"no region reported under: {', '.join(silent)} (skipped or simply unmatched)",
            file=sys.stderr,
        )
    scores, misses, false_flags = score(labels, flagged)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    body = (
        f"{table(scores)}\n\nMeasured {stamp} at commit `{git_revision()}`; "
        f"{len(report.get('errors', []))} scanner error(s)."
    )
    print(body)
    print()
    print(details(misses, false_flags))
    if not args.no_doc:
        text = args.doc.read_text(encoding="utf-8")
        text = replace_between(text, markers(prefix, "table"), body)
        text = replace_between(text, markers(prefix, "details"), details(misses, false_flags))
        args.doc.write_text(text, encoding="utf-8")
    return 0 if all(entry.meets_targets for entry in scores.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())

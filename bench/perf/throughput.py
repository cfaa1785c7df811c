"""Scan throughput against the parse-only floor and peers, all measured in one run.

    python bench/perf/throughput.py            # full corpus (Django + four npm packages)
    python bench/perf/throughput.py --quick    # examples/ only: a smoke run for CI

Each figure is the median wall time of ``--repeat`` runs of a whole command (process start
included, for every tool alike). Peers (Semgrep, Bandit) are used when found: ``--peers DIR``
names a virtual environment holding them (``bench/perf/setup-peers.sh`` creates one).

Stakes runs twice: with every built-in rule (compared with the parse floor), and with only the
built-in rules that correspond to ``semgrep-rules.yaml`` (``SEMGREP_SLICE``; the others disabled
through a generated ``.stakes/config.yaml``), so Semgrep is compared on equivalent rules.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))

from corpus import fetch, line_count, replicate, source_files  # noqa: E402


def timed(command: list[str], repeat: int) -> float:
    """Median wall time of ``command`` (output discarded); fails loudly if the tool fails."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        if result.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(command[:3])} failed ({result.returncode}): {result.stderr[-1000:]}")
        times.append(elapsed)
    return statistics.median(times)


# Built-in rules that recognise what semgrep-rules.yaml recognises (each at least as broadly).
SEMGREP_SLICE = frozenset({
    "python/weak-hash-call", "python/hmac-call", "python/password-verify-call", "python/jwt-decode-call",
    "python/tls-verification-disabled", "python/owner-comparison",
    "javascript/weak-hash-call", "javascript/hmac-create-call", "javascript/constant-time-compare-call",
    "javascript/jwt-verify-call", "javascript/jwt-sign-call", "javascript/cookie-security-flags",
    "javascript/session-middleware-call", "javascript/insecure-random-secret",
})


def stakes_command(root: Path, jobs: int, project: Path | None = None) -> list[str]:
    extra = ["--root", str(project)] if project is not None else []
    return [sys.executable, "-m", "stakes", "scan", "--format", "json", "--fail-on", "none", "-j", str(jobs),
            *extra, "-o", os.devnull, str(root)]


def slice_project(folder: Path) -> Path:
    """A project root whose config disables every built-in rule outside ``SEMGREP_SLICE``."""
    from stakes.engine.project import Project

    (folder / ".stakes").mkdir(parents=True, exist_ok=True)
    known = sorted(Project(folder).known_rule_ids)
    missing = SEMGREP_SLICE - set(known)
    if missing:
        raise RuntimeError(f"rules of the Semgrep slice not found: {', '.join(sorted(missing))}")
    lines = ["rules:"] + [f"  {rule}: {{enabled: false}}" for rule in known if rule not in SEMGREP_SLICE]
    (folder / ".stakes" / "config.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def floor_command(root: Path, jobs: int) -> list[str]:
    return [sys.executable, str(HERE / "floor.py"), str(root), "--jobs", str(jobs)]


def semgrep_command(semgrep: str, root: Path, jobs: int) -> list[str]:
    return [semgrep, "scan", "--metrics=off", "--disable-version-check", "--quiet", "--json", "--jobs", str(jobs),
            "--config", str(HERE / "semgrep-rules.yaml"), "--no-git-ignore", "-o", os.devnull, str(root)]


def bandit_command(bandit: str, root: Path) -> list[str]:
    return [bandit, "-r", str(root), "-q", "-f", "json", "-o", os.devnull]


def peer(peers: Path | None, name: str) -> str | None:
    if peers is not None and (peers / "bin" / name).exists():
        return str(peers / "bin" / name)
    return shutil.which(name)


def measure(corpora: dict[str, Path], jobs: int, repeat: int, peers: Path | None, scaling: bool) -> dict[str, object]:
    results: dict[str, object] = {"jobs": jobs, "repeat": repeat, "cpus": os.cpu_count(), "corpora": {}}
    semgrep, bandit = peer(peers, "semgrep"), peer(peers, "bandit")
    sliced = slice_project(Path(tempfile.mkdtemp(prefix="stakes-slice-")))
    for name, root in corpora.items():
        files = source_files(root)
        row: dict[str, float | int] = {"files": len(files), "lines": line_count(files)}
        row["floor"] = timed(floor_command(root, jobs), repeat)
        row["stakes"] = timed(stakes_command(root, jobs), repeat)
        row["stakes_slice"] = timed(stakes_command(root, jobs, sliced), repeat)
        if semgrep:
            row["semgrep"] = timed(semgrep_command(semgrep, root, jobs), repeat)
        if bandit and name == "python":
            row["bandit"] = timed(bandit_command(bandit, root), repeat)
        results["corpora"][name] = row  # type: ignore[index]
    if scaling:
        base = corpora["python"]
        rows = []
        with tempfile.TemporaryDirectory() as scratch:
            for times in (1, 2, 4):
                root = base if times == 1 else replicate(base, Path(scratch) / f"x{times}", times)
                rows.append({"copies": times, "floor": timed(floor_command(root, jobs), repeat), "stakes": timed(stakes_command(root, jobs), repeat)})
        results["scaling"] = rows
    return results


def markdown(results: dict[str, object]) -> str:
    lines = [
        "| corpus | files | lines | parse floor (s) | Stakes, all rules (s) | Stakes / floor | Stakes, Semgrep's rules (s) | Semgrep (s) | Semgrep / Stakes | Bandit (s) | Bandit / Stakes (all rules) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, row in results["corpora"].items():  # type: ignore[attr-defined]
        stakes, floor, sliced = row["stakes"], row["floor"], row["stakes_slice"]
        semgrep, bandit = row.get("semgrep"), row.get("bandit")
        lines.append(
            f"| {name} | {row['files']:,} | {row['lines']:,} | {floor:.2f} | {stakes:.2f} | {stakes / floor:.2f}× | {sliced:.2f} | "
            + (f"{semgrep:.2f} | {semgrep / sliced:.2f}× | " if semgrep else "— | — | ")
            + (f"{bandit:.2f} | {bandit / stakes:.2f}× |" if bandit else "— | — |")
        )
    if "scaling" in results:
        lines += ["", "| Python corpus copies | parse floor (s) | Stakes (s) | Stakes per copy (s) |", "|---|---|---|---|"]
        for row in results["scaling"]:  # type: ignore[attr-defined]
            lines.append(f"| {row['copies']}× | {row['floor']:.2f} | {row['stakes']:.2f} | {row['stakes'] / row['copies']:.2f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="scan examples/ once: a smoke run")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--peers", type=Path, default=REPO / "bench" / ".peers", help="venv with semgrep and bandit")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args()
    if args.quick:
        corpora = {"python": REPO / "examples" / "python", "javascript": REPO / "examples" / "js"}
        results = measure(corpora, args.jobs, 1, None, scaling=False)
    else:
        results = measure(fetch(), args.jobs, args.repeat, args.peers, scaling=True)
    print(markdown(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

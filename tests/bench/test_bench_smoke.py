"""Smoke runs of the benchmark scripts, so they keep working; timings are not asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def _run(script: str, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    out = tmp_path / "results.json"
    result = subprocess.run([sys.executable, str(REPO / "bench" / "perf" / script), "--quick", "--json", str(out)],
                            capture_output=True, text=True, timeout=600, cwd=REPO)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "|" in result.stdout  # a Markdown table for docs/performance.md
    return json.loads(out.read_text("utf-8"))  # type: ignore[no-any-return]


def test_throughput_smoke(tmp_path: Path) -> None:
    results = _run("throughput.py", tmp_path)
    python = results["corpora"]["python"]
    assert python["files"] > 0 and python["floor"] > 0 and python["stakes"] > 0


def test_latency_smoke(tmp_path: Path) -> None:
    results = _run("latency.py", tmp_path)
    assert results["latency"]["200"]["edits"] == 10
    assert results["cold_start"]["median_ms"] > 0
    assert results["memory"]["rss_mb"] > 0

"""Scanning many files, on every core.

Workers each build their own ``Project`` once (packs and compiled queries are not shared across
processes) and analyse files in chunks; the parent collects the ``FileReport``s in path order so
output is stable whatever the scheduling.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from stakes.engine.assessment import FileReport
from stakes.engine.document import decode_source
from stakes.engine.files import Skipped, select_files
from stakes.engine.project import Project, ProjectOptions

log = logging.getLogger(__name__)

_worker_project: Project | None = None


@dataclass
class ScanResult:
    """Everything a scan produced."""

    reports: list[FileReport] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failures: list[tuple[Path, str]] = field(default_factory=list)


def _init_worker(root: Path, options: ProjectOptions) -> None:
    global _worker_project
    _worker_project = Project(root, options)


def analyze_file(project: Project, path: Path) -> tuple[FileReport | None, str | None]:
    """Read, decode and assess one file; errors are returned, never raised."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, f"cannot read: {exc.strerror}"
    text, note = decode_source(data)
    try:
        report = project.analyze_text(path, text)
    except Exception as exc:  # one broken file must not stop the scan
        log.exception("analysis of %s failed", path)
        return None, f"analysis failed: {exc!r}"
    if report is not None and note:
        report.notes.append(note)
    return report, None


def _analyze_chunk(paths: Sequence[Path]) -> list[tuple[Path, FileReport | None, str | None]]:
    assert _worker_project is not None
    return [(p, *analyze_file(_worker_project, p)) for p in paths]


def scan(project: Project, paths: list[Path], jobs: int | None = None) -> ScanResult:
    """Scan files and folders; ``jobs`` defaults to every core, 1 means in-process."""
    selection = select_files(paths, project.root, project.config.max_file_size, project.config.exclude)
    result = ScanResult(skipped=selection.skipped)
    files = selection.files
    jobs = jobs or os.cpu_count() or 1
    outcomes: list[tuple[Path, FileReport | None, str | None]] = []
    if jobs <= 1 or len(files) < 16:
        outcomes = [(p, *analyze_file(project, p)) for p in files]
    else:
        chunk = max(4, min(64, len(files) // (jobs * 4) or 1))
        chunks = [files[i : i + chunk] for i in range(0, len(files), chunk)]
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(project.root, project.options)) as pool:
            for part in pool.map(_analyze_chunk, chunks):
                outcomes.extend(part)
        # Workers compiled their own queries; compile here too so query errors are reported.
        for language in {r.language for _, r, _ in outcomes if r is not None}:
            project.rules.for_language(language)
    for path, report, error in sorted(outcomes, key=lambda o: str(o[0])):
        if error is not None:
            result.failures.append((path, error))
        elif report is not None:
            result.reports.append(report)
    return result

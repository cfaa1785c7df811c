"""Which regions changed since a git revision: ``stakes scan --changed-since REF``.

A pull request should be judged on the high-stakes code it touches, so a region counts as
changed when its fingerprint (tokens without comments and whitespace) differs from the region
of the same qualified name at REF, or when no such region existed there. Reformatting a file is
therefore not a change; renaming a function makes a new region.

git is run only here, with the repository's fsmonitor and hooks switched off, so scanning an
untrusted checkout cannot execute the repository's own configuration.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tree_sitter import Node

from stakes.engine.assessment import FileReport
from stakes.engine.document import Document, decode_source
from stakes.engine.languages import language_for_path
from stakes.engine.regions import MODULE_NAME, fingerprint, region_ref
from stakes.engine.syntax import Syntax
from stakes.errors import UsageError

if TYPE_CHECKING:
    from stakes.engine.project import Project

GIT = ("git", "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "--no-pager")


def _walk_regions(root: Node, syntax: Syntax) -> dict[str, str]:
    out = {MODULE_NAME: fingerprint(root, syntax.comment_types)}
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type in syntax.region_types and syntax.region(node) is not None:
            out.setdefault(region_ref(node, syntax, root).name, fingerprint(node, syntax.comment_types))
        stack.extend(reversed(node.children))
    return out


def region_fingerprints(project: Project, path: Path, text: str) -> dict[str, str] | None:
    """Every region of a file (findings or not) by qualified name → fingerprint; ``None`` if unsupported."""
    language = language_for_path(path)
    if language is None:
        return None
    document = Document(path, language, text)
    assert document.tree is not None
    syntax = project.rules.for_language(language.id).syntax
    return _walk_regions(document.tree.root_node, syntax)


def fingerprints_at(project: Project, path: Path, text: str) -> dict[str, str]:
    """Region fingerprints of an older version of a file, computed exactly as for the current one.

    Regions with findings take the assessment's fingerprint (the module region's covers only the
    statements holding its findings); every other function and class its whole node's.
    """
    out = region_fingerprints(project, path, text) or {}
    out.pop(MODULE_NAME, None)
    report = project.analyze_text(path, text)
    if report is not None:
        out.update({region.name: region.region.fingerprint for region in report.regions})
    return out


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run([*GIT, *args], cwd=root, capture_output=True, check=False, timeout=120)
    except FileNotFoundError as exc:
        raise UsageError("--changed-since needs git on PATH") from exc
    except subprocess.TimeoutExpired as exc:
        raise UsageError(f"git {' '.join(args)} took too long") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {' '.join(args)} failed: {message[-1] if message else done.returncode}")
    return done.stdout


def verify_ref(root: Path, ref: str) -> str:
    """The commit ``ref`` names; a clear error for unknown refs and shallow clones."""
    if ref.startswith("-"):
        raise UsageError(f"{ref!r} is not a git revision")
    try:
        _git(root, "rev-parse", "--is-inside-work-tree")
    except UsageError as exc:
        raise UsageError(f"--changed-since needs a git repository, and {root} is not inside one") from exc
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except UsageError as exc:
        raise UsageError(
            f"git cannot find revision {ref!r} (in CI, fetch enough history, e.g. actions/checkout with fetch-depth: 0)"
        ) from exc


def _unborn(root: Path) -> bool:
    """True inside a repository that has no commit yet."""
    try:
        _git(root, "rev-parse", "--is-inside-work-tree")
    except UsageError:
        return False
    done = subprocess.run([*GIT, "rev-parse", "--verify", "--quiet", "HEAD"], cwd=root, capture_output=True, check=False, timeout=120)
    return done.returncode != 0


def changed_paths(root: Path, ref: str) -> set[str]:
    """Files under ``root`` (relative, POSIX) whose content differs from ``ref``, untracked ones included."""
    diff = _git(root, "diff", "--name-only", "--relative", "--no-renames", "-z", ref, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    names = (diff + b"\0" + untracked).split(b"\0")
    return {name.decode("utf-8", "surrogateescape") for name in names if name}


def text_at(root: Path, ref: str, relative: str) -> str | None:
    """A file's text at ``ref``, or ``None`` when it did not exist there."""
    done = subprocess.run([*GIT, "show", f"{ref}:./{relative}"], cwd=root, capture_output=True, check=False, timeout=120)
    if done.returncode != 0:
        return None
    return decode_source(done.stdout)[0]


@dataclass
class Changes:
    """The files that differ from a revision; ``commit`` is ``None`` before the first commit."""

    ref: str
    commit: str | None
    paths: set[str] = field(default_factory=set)

    def touches(self, relative: str) -> bool:
        return self.commit is None or relative in self.paths


def find_changes(root: Path, ref: str) -> Changes:
    """Resolve ``ref`` and list the files that differ from it (everything, in an unborn repository)."""
    if ref in ("HEAD", "@") and _unborn(root):
        return Changes(ref, None)  # the first commit (a pre-commit hook): everything is new
    commit = verify_ref(root, ref)
    return Changes(ref, commit, changed_paths(root, commit))


@dataclass
class ChangeSummary:
    """What ``--changed-since`` kept: changed files, and changed regions as (path, name)."""

    ref: str
    files: set[str] = field(default_factory=set)
    regions: list[tuple[str, str]] = field(default_factory=list)


def restrict_to_changed(project: Project, reports: list[FileReport], ref: str, changes: Changes | None = None) -> ChangeSummary:
    """Keep only regions (and their findings) whose code differs from ``ref``; reports are edited in place."""
    changes = changes or find_changes(project.root, ref)
    summary = ChangeSummary(ref, files={r.relative for r in reports if changes.touches(r.relative)})
    for report in reports:
        if not changes.touches(report.relative):
            report.regions = []
            report.findings = []
            continue
        old_text = text_at(project.root, changes.commit, report.relative) if changes.commit else None
        old = fingerprints_at(project, report.path, old_text) if old_text is not None else {}
        kept = [r for r in report.regions if old.get(r.name) != r.region.fingerprint]
        refs = {r.region.ref for r in kept}
        report.regions = kept
        report.findings = [f for f in report.findings if f.region in refs]
        summary.regions += [(report.relative, r.name) for r in kept]
    return summary

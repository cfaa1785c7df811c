"""Finding the files to scan: ``.gitignore`` respected, vendored, binary, minified and huge files
skipped with a reason, symlink loops survived.

Stakes reads ``.gitignore`` files itself instead of running ``git``: a workspace's git config can
name programs (``core.fsmonitor``) that git would execute, and Stakes runs no workspace code.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from stakes.engine.languages import language_for_path

VENDORED_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "vendor",
        "third_party",
        "third-party",
        "bower_components",
        ".venv",
        "venv",
        "site-packages",
        "__pycache__",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        "dist",
        "build",
        ".next",
        "target",
    }
)
MINIFIED_SUFFIXES = (".min.js", ".min.mjs", ".bundle.js", "-min.js")
SNIFF_BYTES = 8192


@dataclass
class Skipped:
    """A file left out, and why (shown to the user; never silent)."""

    path: Path
    reason: str


@dataclass
class FileSelection:
    """Files to scan and files skipped."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


@dataclass(frozen=True)
class _IgnoreRule:
    regex: re.Pattern[str]
    negate: bool
    dir_only: bool


def _translate(pattern: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("/**", i) and i + 3 == len(pattern):
            out.append("/.*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(re.escape(pattern[i]))
                i += 1
            else:
                body = pattern[i + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end + 1
        elif pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


@functools.cache
def glob_regex(pattern: str) -> re.Pattern[str]:
    """A path glob as gitignore reads it: ``**`` spans folders; a pattern without ``/`` matches a
    file or folder name at any depth; a folder pattern also matches everything under it."""
    body = pattern.strip()
    anchored = "/" in body.rstrip("/")
    body = _translate(body.strip("/"))
    prefix = "^" if anchored else "^(?:.*/)?"
    return re.compile(f"{prefix}{body}(?:/.*)?$")


def parse_gitignore(text: str) -> list[_IgnoreRule]:
    """Parse one ``.gitignore``'s lines into rules relative to its folder."""
    rules: list[_IgnoreRule] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        if negate:
            line = line[1:]
        dir_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        anchored = "/" in line
        line = line.lstrip("/")
        body = _translate(line)
        regex = f"^{body}$" if anchored else f"^(?:.*/)?{body}$"
        try:
            rules.append(_IgnoreRule(re.compile(regex), negate, dir_only))
        except re.error:
            continue
    return rules


class _Ignores:
    """The stack of ``.gitignore`` files that apply while walking down a tree."""

    def __init__(self) -> None:
        self.layers: list[tuple[str, list[_IgnoreRule]]] = []

    def ignored(self, relative: str, is_dir: bool) -> bool:
        result = False
        for base, rules in self.layers:
            if base and not relative.startswith(base + "/"):
                continue
            sub = relative[len(base) + 1 :] if base else relative
            for rule in rules:
                if rule.dir_only and not is_dir:
                    continue
                if rule.regex.match(sub):
                    result = not rule.negate
        return result


def _looks_binary(head: bytes) -> bool:
    return b"\x00" in head


def _looks_minified(path: Path, head: bytes) -> bool:
    if path.name.endswith(MINIFIED_SUFFIXES):
        return True
    if path.suffix not in (".js", ".mjs", ".cjs"):
        return False
    lines = head.split(b"\n")
    return len(head) >= 4096 and len(lines) <= 3


def classify(path: Path, max_size: int) -> str | None:
    """Why a supported file should be skipped, or ``None`` to scan it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return f"cannot read: {exc.strerror}"
    if size > max_size:
        return f"larger than the size limit ({size:,} > {max_size:,} bytes; set max-file-size to scan it)"
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        return f"cannot read: {exc.strerror}"
    if _looks_binary(head):
        return "binary content (NUL bytes)"
    if _looks_minified(path, head):
        return "minified"
    return None


def select_files(paths: list[Path], root: Path, max_size: int, exclude: list[str] | None = None) -> FileSelection:
    """Walk the given paths (files or folders) and choose what to scan."""
    selection = FileSelection()
    exclude_rules = parse_gitignore("\n".join(exclude or []))
    for start in paths:
        if start.is_file():
            _consider(start, selection, max_size, explicit=True)
            continue
        if not start.is_dir():
            selection.skipped.append(Skipped(start, "no such file or folder"))
            continue
        _walk(start.resolve(), selection, max_size, exclude_rules)
    return selection


def _consider(path: Path, selection: FileSelection, max_size: int, explicit: bool = False) -> None:
    if language_for_path(path) is None:
        if explicit:
            selection.skipped.append(Skipped(path, "unsupported language"))
        return
    reason = classify(path, max_size)
    if reason is None:
        selection.files.append(path)
    else:
        selection.skipped.append(Skipped(path, reason))


def _walk(top: Path, selection: FileSelection, max_size: int, exclude_rules: list[_IgnoreRule]) -> None:
    ignores = _Ignores()
    if exclude_rules:
        ignores.layers.append(("", exclude_rules))
    seen_dirs: set[tuple[int, int]] = set()

    def visit(directory: Path, relative: str) -> None:
        try:
            stat = directory.stat()
        except OSError:
            return
        key = (stat.st_dev, stat.st_ino)
        if key in seen_dirs:
            selection.skipped.append(Skipped(directory, "symlink loop or repeated folder"))
            return
        seen_dirs.add(key)
        gitignore = directory / ".gitignore"
        pushed = False
        if gitignore.is_file():
            try:
                ignores.layers.append((relative, parse_gitignore(gitignore.read_text("utf-8", "replace"))))
                pushed = True
            except OSError:
                pass
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            selection.skipped.append(Skipped(directory, f"cannot list: {exc.strerror}"))
            entries = []
        for entry in entries:
            child_rel = f"{relative}/{entry.name}" if relative else entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                if entry.name not in VENDORED_DIRS and not ignores.ignored(child_rel, True):
                    visit(Path(entry.path), child_rel)
            elif entry.is_file() and not ignores.ignored(child_rel, False):
                _consider(Path(entry.path), selection, max_size)
        if pushed:
            ignores.layers.pop()

    visit(top, "")

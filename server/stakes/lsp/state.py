"""Per-document state: the engine's ``Document`` (text + incrementally updated tree), the last
assessment and the version it belongs to.

Versions are the guard against stale results: an assessment is tagged with the version it was
computed from, and nothing is published unless that is still the document's version.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types

from stakes.engine.assessment import FileReport
from stakes.engine.document import Document
from stakes.engine.languages import LanguageInfo
from stakes.lsp.positions import Columns, LineColumns


@dataclass
class Assessment:
    """One assessment of one version of a document, plus notes for the user."""

    version: int
    report: FileReport | None
    notes: list[str] = field(default_factory=list)
    generation: int = 0  # the project generation it was computed under

    @property
    def result_id(self) -> str:
        return f"{self.generation}:{self.version}"


@dataclass
class OpenDocument:
    """An open editor buffer that Stakes assesses."""

    uri: str
    path: Path
    language: LanguageInfo
    version: int
    text: str
    document: Document | None  # None when the file is too large to parse in the editor
    assessment: Assessment | None = None
    pending: asyncio.TimerHandle | None = None

    @property
    def columns(self) -> Columns:
        """Something that converts byte columns of this version's lines to client columns."""
        if self.document is not None:
            return self.document
        return LineColumns(self.text.encode("utf-8", "surrogatepass"))

    @property
    def current(self) -> Assessment | None:
        """The assessment if it matches the current version, else ``None``."""
        if self.assessment is not None and self.assessment.version == self.version:
            return self.assessment
        return None

    def cancel_pending(self) -> None:
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None


@dataclass
class CachedFile:
    """One scanned file's diagnostics and what they were computed from."""

    uri: str
    mtime_ns: int
    size: int
    generation: int
    diagnostics: list[types.Diagnostic]
    findings: int

    @property
    def result_id(self) -> str:
        return f"{self.generation}:{self.mtime_ns}:{self.size}"


@dataclass
class WorkspaceCache:
    """Diagnostics of scanned files, keyed by path."""

    files: dict[Path, CachedFile] = field(default_factory=dict)
    scanning: bool = False

    def clear(self) -> None:
        """Forget cached diagnostics (rules or settings changed); the file list is kept."""
        for entry in self.files.values():
            entry.generation = -1

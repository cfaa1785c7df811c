"""One ``Project`` per workspace folder (multi-root), loaded in a worker thread and rebuilt when
its config, packs, ledger or settings change.

Files outside every workspace folder get the project of their nearest folder with ``.stakes/``
or ``.git`` (the CLI's rule), so opening a single file still works.
"""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

from stakes.commands.common import find_root
from stakes.engine.config import CONFIG_DIR, DEFAULT_MAX_FILE_SIZE, load_config
from stakes.engine.ledger import LEDGER_FILE
from stakes.engine.project import Project, ProjectOptions
from stakes.lsp.settings import Settings

log = logging.getLogger(__name__)

EDITOR_BUDGET_SECONDS = 2.0  # a pathological file yields a partial result and a note, never a hang
POLL_SECONDS = 2.0  # how often, at most, project files are stat'ed when the client cannot watch them

Signature = frozenset[tuple[str, int, int]]


def project_files(project: Project) -> list[Path]:
    """The files a project was built from, except the ledger (it re-reads itself)."""
    files: list[Path] = []
    stakes_dir = project.root / CONFIG_DIR
    if stakes_dir.is_dir():
        files += [p for p in stakes_dir.rglob("*") if p.is_file() and p.name != LEDGER_FILE and not p.name.endswith(".lock")]
    folders = {pack.path for pack in project.packs.packs if pack.source != "builtin"}
    folders |= {p for p in project.options.extra_packs if p.is_dir()}
    for folder in folders:
        files += [p for p in folder.glob("*.y*ml") if p.is_file()]
    return files


def signature(project: Project) -> Signature:
    out = set()
    for path in project_files(project):
        try:
            stat = path.stat()
        except OSError:
            continue
        out.add((str(path), stat.st_mtime_ns, stat.st_size))
    return frozenset(out)


class ProjectRegistry:
    """Workspace folders, their settings and their loaded projects."""

    def __init__(self) -> None:
        self.folders: list[Path] = []
        self.default_settings = Settings()
        self.folder_settings: dict[Path, Settings] = {}
        self.projects: dict[Path, Project] = {}
        self.generation = 0  # bumped on every rebuild, so cached results know they are old
        self._loading: dict[Path, asyncio.Future[Project]] = {}
        self._epochs: dict[Path, int] = {}  # bumped per reload, so a slow old build cannot win
        self._signatures: dict[Path, Signature] = {}
        self._last_poll = 0.0
        self._reloading: set[Path] = set()

    # -- folders and settings --------------------------------------------------------------------
    def set_folders(self, folders: list[Path]) -> None:
        self.folders = sorted({f.resolve() for f in folders}, key=lambda p: len(p.parts), reverse=True)
        self.invalidate()

    def add_folder(self, folder: Path) -> None:
        self.set_folders([*self.folders, folder])

    def remove_folder(self, folder: Path) -> None:
        self.set_folders([f for f in self.folders if f != folder.resolve()])

    def settings_for(self, root: Path) -> Settings:
        return self.folder_settings.get(root, self.default_settings)

    def update_settings(self, default: Settings | None, per_folder: dict[Path, Settings]) -> bool:
        """Store new settings; rebuild projects whose inputs changed. Returns whether any did."""
        before = {root: self.settings_for(root) for root in self.roots()}
        changed = False
        if default is not None and default != self.default_settings:
            self.default_settings = default
            changed = True
        for folder, settings in per_folder.items():
            if self.folder_settings.get(folder) != settings:
                self.folder_settings[folder] = settings
                changed = True
        if not changed:
            return False
        rebuild = [root for root, old in before.items() if old.key() != self.settings_for(root).key()]
        for root in rebuild:
            self.invalidate(root)
        self.touch()  # severities or reviewer may have changed even when no project must reload
        return True

    # -- projects --------------------------------------------------------------------------------
    def root_for(self, path: Path) -> Path:
        """The workspace folder containing ``path`` (the innermost one), else the CLI's root."""
        resolved = path.resolve()
        for folder in self.folders:  # sorted deepest first
            if resolved == folder or folder in resolved.parents:
                return folder
        return find_root(resolved)

    def project_for(self, path: Path) -> Project:
        return self.project_at(self.root_for(path))

    def _build(self, root: Path, settings: Settings) -> Project:
        """Load a project (config, packs, ledger); runs in a worker thread when called from ``load``."""
        options = ProjectOptions(
            profile=settings.profile,
            extra_packs=list(settings.packs),
            trusted=settings.trusted_workspace,
            budget_seconds=EDITOR_BUDGET_SECONDS,
        )
        project = Project(root, options)
        for error in project.errors:
            log.warning("%s", error.render())
        return project

    def _store(self, root: Path, project: Project) -> None:
        self.projects[root] = project
        self._signatures[root] = signature(project)

    def project_at(self, root: Path) -> Project:
        """The loaded project, or load it now on the caller's thread (the fallback path)."""
        project = self.projects.get(root)
        if project is None:
            project = self._build(root, self.settings_for(root))
            self._store(root, project)
        return project

    async def ready(self, root: Path) -> Project:
        """The project for ``root``, loading it in a worker thread so the server keeps serving.

        Loading parses every pack's YAML, which takes long enough (a second or more) that
        doing it on the event loop would stall typing, hovers and pulls.
        """
        project = self.projects.get(root)
        if project is not None:
            return project
        pending = self._loading.get(root)
        if pending is None:
            pending = asyncio.ensure_future(self._load(root))
            self._loading[root] = pending
        return await asyncio.shield(pending)

    async def _load(self, root: Path) -> Project:
        try:
            while True:
                epoch = self._epochs.get(root, 0)
                project = await asyncio.to_thread(self._build, root, self.settings_for(root))
                if self._epochs.get(root, 0) == epoch:
                    self._store(root, project)
                    self.touch()
                    return project
                # Settings or files changed while loading: load again with the new inputs.
        finally:
            self._loading.pop(root, None)

    def changed_on_disk(self) -> set[Path]:
        """Roots whose config or pack files changed since they were loaded (throttled).

        For clients that cannot watch files (Neovim on Linux, Vim): a few dozen ``stat`` calls
        at most every ``POLL_SECONDS``, only when a document is being assessed anyway.
        """
        now = time.monotonic()
        if now - self._last_poll < POLL_SECONDS:
            return set()
        self._last_poll = now
        return {
            root
            for root, project in self.projects.items()
            if root not in self._loading
            and root not in self._reloading
            and signature(project) != self._signatures.get(root)
        }

    def max_file_size(self, root: Path) -> int:
        """The size limit for editor buffers, without waiting for the project to load."""
        project = self.projects.get(root)
        if project is not None:
            return project.config.max_file_size
        if not self.settings_for(root).trusted_workspace:
            return DEFAULT_MAX_FILE_SIZE
        return load_config(root).max_file_size

    async def reload(self, roots: set[Path]) -> None:
        """Rebuild projects in worker threads; the old ones keep serving until the new are ready."""
        ordered = sorted(roots)
        for root in ordered:
            self._epochs[root] = self._epochs.get(root, 0) + 1
        epochs = {root: self._epochs[root] for root in ordered}
        self._reloading |= set(ordered)
        try:
            built = await asyncio.gather(
                *(asyncio.to_thread(self._build, root, self.settings_for(root)) for root in ordered)
            )
        finally:
            self._reloading -= set(ordered)
        for root, project in zip(ordered, built, strict=True):
            if self._epochs.get(root) == epochs[root]:  # no newer reload overtook this one
                self._store(root, project)
        self.touch()

    def loaded(self) -> list[Project]:
        return list(self.projects.values())

    def roots(self) -> list[Path]:
        """Every root Stakes knows: workspace folders and roots of loaded projects."""
        return sorted({*self.folders, *self.projects})

    def touch(self) -> None:
        """Mark every cached assessment old without reloading projects (the ledger changed)."""
        self.generation += 1

    def invalidate(self, root: Path | None = None) -> None:
        """Forget loaded projects (all, or one root) so they are rebuilt on next use."""
        for dropped in list(self.projects) if root is None else [root]:
            self.projects.pop(dropped, None)
            self._epochs[dropped] = self._epochs.get(dropped, 0) + 1
        self.generation += 1

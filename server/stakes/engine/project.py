"""A project: its root, config, rule packs and review ledger, and the one entry point that
turns a file's text into a ``FileReport``. The CLI and the language server both go through here,
so they always agree.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tree_sitter import Node

from stakes.engine.analysis import Analysis, analyze_tree, span_of
from stakes.engine.assessment import FileReport, ReviewLookup, assess
from stakes.engine.compiled import CompiledRules
from stakes.engine.config import CONFIG_DIR, Config, load_config
from stakes.engine.document import Document
from stakes.engine.languages import LanguageInfo, language_for_path
from stakes.engine.ledger import Ledger
from stakes.engine.model import Finding, Region
from stakes.engine.packsources import ENTRY_POINT_GROUP, check_requires, inside, installed_packs
from stakes.engine.regions import fingerprint, region_ref
from stakes.engine.rules import LoadResult, Rule, builtin_pack_dirs, load_packs
from stakes.engine.suppressions import apply_suppressions
from stakes.errors import ConfigError, LedgerError, LocatedError, Location

log = logging.getLogger(__name__)

PROJECT_RULES_DIR = "rules"


@dataclass
class ProjectOptions:
    """Choices made by the caller rather than the config file (CLI flags, editor settings)."""

    profile: str | None = None
    extra_packs: list[Path] = field(default_factory=list)
    trusted: bool = True  # False: built-in packs only, nothing loaded from the workspace
    budget_seconds: float = 5.0


def pack_sources(config: Config, options: ProjectOptions) -> tuple[list[tuple[Path, str]], list[LocatedError]]:
    """Every pack folder to load, in order: built-in, config, settings, ``.stakes/rules``.

    Returns the folders and the errors found on the way (a folder outside the workspace, a
    missing folder, an installed pack that is not installed).
    """
    sources: list[tuple[Path, str]] = [(p, "builtin") for p in builtin_pack_dirs()]
    errors: list[LocatedError] = []
    if not options.trusted:
        return sources, errors
    config_file = config.path or config.root / CONFIG_DIR / "config.yaml"
    for folder in config.packs:
        where = config.pack_locations.get(str(folder)) or next(
            (loc for entry, loc in config.pack_locations.items() if (config.root / entry).resolve() == folder), Location(config_file)
        )
        if not inside(folder, config.root):
            errors.append(ConfigError(where, f"pack folder {folder} is outside the workspace",
                                      "keep team packs inside the repository or publish them as an installed pack"))
        elif not (folder / "pack.yaml").is_file():
            errors.append(ConfigError(where, f"no pack.yaml in {folder}", "check the path, relative to the project root"))
        else:
            sources.append((folder, "config"))
    if config.pack_names:
        installed = installed_packs()
        for name in config.pack_names:
            pack = installed.get(name)
            if pack is None:
                errors.append(ConfigError(config.pack_locations.get(name, Location(config_file)),
                                          f"pack '{name}' is not installed",
                                          f"install the distribution that provides it (entry point group '{ENTRY_POINT_GROUP}') or fix the name"))
            else:
                sources.append((pack.path, "entry-point"))
    sources += [(p, "settings") for p in options.extra_packs]
    project_rules = config.root / CONFIG_DIR / PROJECT_RULES_DIR
    if (project_rules / "pack.yaml").is_file():
        sources.append((project_rules, "project"))
    elif project_rules.is_dir():
        sources += [(p, "project") for p in sorted(project_rules.iterdir()) if (p / "pack.yaml").is_file()]
    return sources, errors


def load_checked_packs(sources: list[tuple[Path, str]]) -> LoadResult:
    """Load packs and drop those made for another Stakes version, saying why."""
    result = load_packs(sources)
    compatible = []
    for pack in result.packs:
        problem = check_requires(pack.path / "pack.yaml", pack.requires_stakes)
        if problem is None:
            compatible.append(pack)
        else:
            result.errors.append(problem)
    result.packs = compatible
    return result


def apply_overrides(rules: Iterable[Rule], config: Config) -> list[Rule]:
    """Disable or re-level rules as the config says."""
    out: list[Rule] = []
    for rule in rules:
        override = config.override_for(rule.id)
        if override is not None:
            if override.enabled is False:
                continue
            if override.level is not None:
                rule = dataclasses.replace(rule, level=override.level)
        out.append(rule)
    return out


def with_char_columns(finding: Finding, source: bytes) -> Finding:
    """Add code-point columns (what people, SARIF and the CLI count) to a finding's span."""
    span = finding.span
    start_line_byte = span.start_byte - span.start_byte_col
    end_line_byte = span.end_byte - span.end_byte_col
    start_char = len(source[start_line_byte : span.start_byte].decode("utf-8", "replace"))
    end_char = len(source[end_line_byte : span.end_byte].decode("utf-8", "replace"))
    return dataclasses.replace(finding, span=dataclasses.replace(span, start_char=start_char, end_char=end_char))


class Project:
    """Loaded state for one workspace root; cheap to query, reloaded when its files change."""

    def __init__(self, root: Path, options: ProjectOptions | None = None) -> None:
        self.root = root.resolve()
        self.options = options or ProjectOptions()
        self.config = load_config(self.root) if self.options.trusted else Config(root=self.root)
        if self.options.profile:
            self.config.profile = self.options.profile
        sources, self.source_errors = pack_sources(self.config, self.options)
        self.packs: LoadResult = load_checked_packs(sources)
        self.rules = CompiledRules(apply_overrides(self.packs.rules, self.config))
        self._known_rule_ids: frozenset[str] | None = None
        self.ledger = Ledger(self.root)
        self.reviews: ReviewLookup = self.ledger.lookup

    @property
    def ledger_errors(self) -> list[LedgerError]:
        """Why ``.stakes/reviews.yaml`` cannot be used (re-read when it changes on disk)."""
        return self.ledger.errors

    @property
    def errors(self) -> list[LocatedError]:
        """Config, pack and ledger errors (query compile errors appear once a language is first used)."""
        return [*self.config.errors, *self.source_errors, *self.packs.errors, *self.rules.errors, *self.ledger_errors]

    @property
    def known_rule_ids(self) -> frozenset[str]:
        """Every rule id in the loaded packs, disabled ones included (a suppression may name them)."""
        if self._known_rule_ids is None:
            self._known_rule_ids = frozenset(rule.id for rule in self.packs.rules)
        return self._known_rule_ids

    @property
    def profile(self) -> str:
        return self.config.profile

    def relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def analyze_document(self, document: Document) -> FileReport:
        """Assess an open (already parsed) document."""
        assert document.tree is not None
        analysis = analyze_tree(document.tree, document.language.id, self.rules, budget_seconds=self.options.budget_seconds)
        return self._report(document.path, document.language, analysis, document.source, document.tree.root_node)

    def analyze_text(self, path: Path, text: str, language: LanguageInfo | None = None) -> FileReport | None:
        """Assess a file's text; ``None`` when Stakes does not support its language."""
        language = language or language_for_path(path)
        if language is None:
            return None
        return self.analyze_document(Document(path, language, text))

    def _report(self, path: Path, language: LanguageInfo, analysis: Analysis, source: bytes, root: Node) -> FileReport:
        relative = self.relative(path)
        syntax = self.rules.for_language(language.id).syntax
        located = [with_char_columns(f, source) for f in analysis.findings]
        checked, problems = apply_suppressions(
            located, root, source, syntax.comment_types, self.known_rule_ids, complete=not analysis.partial
        )
        mapped = {id(f): c for f, c in zip(analysis.findings, checked, strict=True)}
        analysis.findings = checked
        for region in analysis.regions:
            region.findings = [mapped[id(f)] for f in region.findings]
        zone = self.config.zone_for(relative)
        if zone is not None and not any(r.ref.kind == "module" for r in analysis.regions):
            # A zone file is reviewable as a whole, findings or not: its module region carries the
            # zone's level and reason, and any change to the file makes its review stale.
            module = Region(region_ref(None, syntax, root), fingerprint(root, syntax.comment_types), span_of(root))
            analysis.regions.insert(0, module)
        return assess(
            path,
            relative,
            language.id,
            self.profile,
            analysis.findings,
            analysis.regions,
            zone,
            self.reviews,
            analysis.notes,
            problems,
        )

"""Rule packs: loading, validating and describing rules.

Loading is two-phase, as ast-grep does it: phase one reads every YAML file and checks its shape
(unknown keys are errors, with the file, line, column and a fix); phase two builds each rule's
matcher and compiles its queries. A broken rule is reported and skipped; the others still run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stakes.engine.languages import RULE_LANGUAGE_NAMES
from stakes.engine.matchers import Matcher, SpecError, build_matcher
from stakes.engine.model import CATEGORIES, LEVEL_NAMES, Level
from stakes.engine.yamlsource import (
    LocatedDict,
    LocatedList,
    YamlSyntaxError,
    load_yaml_text,
    read_text,
)
from stakes.errors import Location, PackError

PACK_FILE = "pack.yaml"
PACK_KEYS = ("$schema", "name", "version", "description", "licence", "license", "requires-stakes", "homepage")
RULE_FILE_KEYS = ("$schema", "rules")
RULE_KEYS = ("id", "title", "category", "stakes", "languages", "message", "match", "docs", "enabled")
DOCS_KEYS = ("why", "check", "references")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_VERSION = re.compile(r"^\d+\.\d+(\.\d+)?([-+.][0-9A-Za-z.-]+)?$")


@dataclass(frozen=True)
class RuleDocs:
    """Documentation under fixed headings, shown on hover and by ``stakes explain``."""

    why: str
    check: tuple[str, ...]
    references: tuple[str, ...]

    def markdown(self) -> str:
        lines = ["**Why it is high-stakes.** " + self.why.strip(), "", "**What a reviewer must check**"]
        lines += [f"- [ ] {item}" for item in self.check]
        if self.references:
            lines += ["", "**References:** " + "; ".join(self.references)]
        return "\n".join(lines)


@dataclass
class Rule:
    """One rule, its matcher built, ready to compile per language."""

    id: str  # pack/local-id
    local_id: str
    pack: str
    title: str
    category: str
    level: Level
    languages: tuple[str, ...]  # expanded language ids (typescript → typescript, tsx)
    message: str
    matcher: Matcher
    docs: RuleDocs
    location: Location
    enabled: bool = True


@dataclass
class Pack:
    """A versioned folder of rules."""

    name: str
    version: str
    description: str
    licence: str
    path: Path
    requires_stakes: str = ""
    source: str = "builtin"  # builtin | project | config | entry-point
    rules: list[Rule] = field(default_factory=list)

    @property
    def examples_dir(self) -> Path:
        return self.path / "examples"


@dataclass
class LoadResult:
    """Packs that loaded (possibly with some rules skipped) and every error found on the way."""

    packs: list[Pack] = field(default_factory=list)
    errors: list[PackError] = field(default_factory=list)

    @property
    def rules(self) -> list[Rule]:
        return [rule for pack in self.packs for rule in pack.rules]


def _err(path: Path, where: tuple[int, int], problem: str, fix: str = "") -> PackError:
    return PackError(Location(path, where[0], where[1]), problem, fix)


def _unknown_keys(data: LocatedDict, allowed: Sequence[str], path: Path, what: str) -> list[PackError]:
    errors = []
    for key in data:
        if key not in allowed:
            errors.append(
                _err(
                    path,
                    data.key_where.get(key, data.where),
                    f"unknown key '{key}' in {what}",
                    f"remove it or use one of: {', '.join(k for k in allowed if k != '$schema')}",
                )
            )
    return errors


def _load_yaml(path: Path) -> tuple[Any, PackError | None]:
    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        return None, _err(path, (1, 1), f"cannot read the file: {exc}", "save it as UTF-8")
    try:
        return load_yaml_text(text), None
    except YamlSyntaxError as exc:
        return None, _err(path, (exc.line, exc.column), f"YAML syntax error: {exc.message}", "fix the YAML syntax at this place")


def read_pack_manifest(directory: Path, source: str) -> tuple[Pack | None, list[PackError]]:
    """Phase one for ``pack.yaml``: check its shape and return the (still empty) pack."""
    manifest = directory / PACK_FILE
    data, error = _load_yaml(manifest)
    if error is not None:
        return None, [error]
    if not isinstance(data, LocatedDict):
        return None, [_err(manifest, (1, 1), "pack.yaml must be a mapping", "start with `name: my-pack`")]
    errors = _unknown_keys(data, PACK_KEYS, manifest, "pack.yaml")
    name = data.get("name")
    if not isinstance(name, str) or not _ID.match(name):
        errors.append(
            _err(manifest, data.key_where.get("name", data.where), f"pack name {name!r} is missing or invalid",
                 "use lower-case letters, digits and dashes, e.g. `name: acme-payments`")
        )
    version = str(data.get("version", ""))
    if not _VERSION.match(version):
        errors.append(
            _err(manifest, data.key_where.get("version", data.where), f"pack version {version!r} is missing or invalid",
                 "use a semantic version, e.g. `version: 1.0.0`")
        )
    if errors:
        return None, errors
    assert isinstance(name, str)
    pack = Pack(
        name=name,
        version=version,
        description=str(data.get("description", "")),
        licence=str(data.get("licence", data.get("license", ""))),
        path=directory,
        requires_stakes=str(data.get("requires-stakes", "")),
        source=source,
    )
    return pack, []


def _rule_files(directory: Path) -> list[Path]:
    return sorted(
        p for p in directory.glob("*.y*ml") if p.name != PACK_FILE and p.suffix in (".yaml", ".yml")
    )


def _str_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def _parse_rule(raw: Any, where: tuple[int, int], pack: Pack, path: Path) -> tuple[Rule | None, list[PackError]]:
    """Phase one and two for one rule: shape, then matcher."""
    if not isinstance(raw, LocatedDict):
        return None, [_err(path, where, "each entry under `rules:` must be a mapping", "start it with `- id: my-rule`")]
    errors = _unknown_keys(raw, RULE_KEYS, path, "a rule")

    def at(key: str) -> tuple[int, int]:
        return raw.key_where.get(key, raw.where)

    local_id = raw.get("id")
    if not isinstance(local_id, str) or not _ID.match(local_id):
        errors.append(_err(path, at("id"), f"rule id {local_id!r} is missing or invalid",
                           "use lower-case letters, digits and dashes, named after what the rule recognises"))
    for key in ("title", "message"):
        if not isinstance(raw.get(key), str) or not raw.get(key, "").strip():
            errors.append(_err(path, at(key), f"rule needs a non-empty '{key}'", f"add `{key}: ...`"))
    category = raw.get("category")
    if category not in CATEGORIES:
        errors.append(_err(path, at("category"), f"unknown category {category!r}", f"use one of: {', '.join(CATEGORIES)}"))
    level = raw.get("stakes")
    if level not in LEVEL_NAMES:
        errors.append(_err(path, at("stakes"), f"unknown stakes level {level!r}", f"use one of: {', '.join(LEVEL_NAMES)}"))
    languages = _str_list(raw.get("languages"))
    expanded: list[str] = []
    if not languages:
        errors.append(_err(path, at("languages"), "rule needs `languages`", f"e.g. languages: [python]; known: {', '.join(RULE_LANGUAGE_NAMES)}"))
    else:
        for lang in languages:
            if lang not in RULE_LANGUAGE_NAMES:
                errors.append(_err(path, at("languages"), f"unknown language {lang!r}", f"use one of: {', '.join(RULE_LANGUAGE_NAMES)}"))
            else:
                expanded.extend(x for x in RULE_LANGUAGE_NAMES[lang] if x not in expanded)
    docs_raw = raw.get("docs")
    docs: RuleDocs | None = None
    if not isinstance(docs_raw, LocatedDict):
        errors.append(_err(path, at("docs"), "rule needs `docs` with why, check and references",
                           "add docs: {why: ..., check: [...], references: [...]}"))
    else:
        errors += _unknown_keys(docs_raw, DOCS_KEYS, path, "docs")
        why = docs_raw.get("why")
        check = _str_list(docs_raw.get("check"))
        refs = _str_list(docs_raw.get("references", []))
        if not isinstance(why, str) or not why.strip():
            errors.append(_err(path, docs_raw.key_where.get("why", docs_raw.where), "docs need `why`", "say why this code is high-stakes"))
        if not check:
            errors.append(_err(path, docs_raw.key_where.get("check", docs_raw.where), "docs need a `check` list",
                               "list what a reviewer must check, one item per line"))
        if refs is None:
            errors.append(_err(path, docs_raw.key_where.get("references", docs_raw.where), "`references` must be a list of strings"))
        if isinstance(why, str) and check and refs is not None:
            docs = RuleDocs(why.strip(), tuple(check), tuple(refs))
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        errors.append(_err(path, at("enabled"), "`enabled` must be true or false"))
    matcher: Matcher | None = None
    spec = raw.get("match")
    if spec is None:
        errors.append(_err(path, at("id") if "id" in raw else raw.where, "rule needs a `match`", "e.g. match: {call: hashlib.md5}"))
    else:
        try:
            matcher = build_matcher(spec, expanded)
        except SpecError as exc:
            spot = _locate_spec_error(spec, exc.key) or at("match")
            errors.append(_err(path, spot, f"invalid match: {exc}", exc.fix))
    if errors or matcher is None or docs is None:
        return None, errors
    assert isinstance(local_id, str) and isinstance(category, str) and isinstance(level, str)
    return (
        Rule(
            id=f"{pack.name}/{local_id}",
            local_id=local_id,
            pack=pack.name,
            title=str(raw["title"]).strip(),
            category=category,
            level=Level.parse(level),
            languages=tuple(expanded),
            message=str(raw["message"]).strip(),
            matcher=matcher,
            docs=docs,
            location=Location(path, *raw.where),
            enabled=bool(enabled),
        ),
        [],
    )


def _locate_spec_error(spec: Any, key: str | None) -> tuple[int, int] | None:
    """Find the deepest place in a match spec where ``key`` appears."""
    if key is None:
        return None
    found: tuple[int, int] | None = None
    stack = [spec]
    while stack:
        item = stack.pop()
        if isinstance(item, LocatedDict):
            if key in item:
                found = item.key_where.get(key, item.where)
            stack.extend(item.values())
        elif isinstance(item, LocatedList):
            stack.extend(item)
    return found


def load_pack(directory: Path, source: str = "builtin") -> tuple[Pack | None, list[PackError]]:
    """Load one pack folder; errors in single rules skip those rules only."""
    pack, errors = read_pack_manifest(directory, source)
    if pack is None:
        return None, errors
    seen: dict[str, Location] = {}
    for path in _rule_files(directory):
        data, error = _load_yaml(path)
        if error is not None:
            errors.append(error)
            continue
        if data is None:
            continue
        if not isinstance(data, LocatedDict) or not isinstance(data.get("rules"), LocatedList):
            errors.append(_err(path, getattr(data, "where", (1, 1)), "a rule file must be a mapping with a `rules:` list",
                               "start the file with `rules:` and list rules under it"))
            continue
        errors += _unknown_keys(data, RULE_FILE_KEYS, path, "a rule file")
        entries: LocatedList = data["rules"]
        for raw, where in zip(entries, entries.item_where, strict=True):
            rule, rule_errors = _parse_rule(raw, where, pack, path)
            errors += rule_errors
            if rule is None:
                continue
            if rule.id in seen:
                errors.append(PackError(rule.location, f"rule id '{rule.id}' is defined twice (first at {seen[rule.id]})",
                                        "give one of them another id"))
                continue
            seen[rule.id] = rule.location
            pack.rules.append(rule)
    return pack, errors


def load_packs(directories: Iterable[tuple[Path, str]]) -> LoadResult:
    """Load several packs; a pack name used twice is an error naming both places."""
    result = LoadResult()
    names: dict[str, Path] = {}
    for directory, source in directories:
        pack, errors = load_pack(directory, source)
        result.errors += errors
        if pack is None:
            continue
        if pack.name in names:
            result.errors.append(
                PackError(Location(directory / PACK_FILE), f"pack name '{pack.name}' is already used by {names[pack.name]}",
                          "rename one of the packs; rule ids are namespaced by pack name")
            )
            continue
        names[pack.name] = directory
        result.packs.append(pack)
    return result


def builtin_rules_dir() -> Path:
    """Built-in packs: inside the wheel (``stakes/_builtin_rules``) or, from a checkout, ``rules/``."""
    here = Path(__file__).resolve().parent.parent
    shipped = here / "_builtin_rules"
    if shipped.is_dir():
        return shipped
    return here.parent.parent / "rules"


def builtin_pack_dirs() -> list[Path]:
    root = builtin_rules_dir()
    return sorted(p for p in root.iterdir() if (p / PACK_FILE).is_file()) if root.is_dir() else []

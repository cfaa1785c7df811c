"""YAML loading that remembers where every key and value came from.

Errors in rule packs, config and ledger must name the line and column, so mappings and lists
loaded here carry their marks. Loading uses PyYAML's SafeLoader only: packs are data, never code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from stakes.errors import Location


class LocatedDict(dict[str, Any]):
    """A mapping that knows where it and each of its keys start (1-based line/column)."""

    where: tuple[int, int] = (1, 1)
    key_where: dict[str, tuple[int, int]]

    def location_of(self, path: Path, key: str | None = None) -> Location:
        line, col = self.key_where.get(key, self.where) if key is not None else self.where
        return Location(path, line, col)


class LocatedList(list[Any]):
    """A list that knows where it and each of its items start."""

    where: tuple[int, int] = (1, 1)
    item_where: list[tuple[int, int]]


# libyaml's parser when PyYAML was built with it (several times faster), else the pure-Python one;
# both are the *safe* loaders, and both report marks.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LocatingLoader(_SafeBase):  # type: ignore[valid-type,misc]
    """SafeLoader that attaches marks; constructs nothing but plain data."""


def _construct_mapping(loader: _LocatingLoader, node: yaml.MappingNode) -> LocatedDict:
    loader.flatten_mapping(node)
    out = LocatedDict()
    out.where = (node.start_mark.line + 1, node.start_mark.column + 1)
    out.key_where = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_where[key] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    return out


def _construct_sequence(loader: _LocatingLoader, node: yaml.SequenceNode) -> LocatedList:
    out = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    out.where = (node.start_mark.line + 1, node.start_mark.column + 1)
    out.item_where = [(c.start_mark.line + 1, c.start_mark.column + 1) for c in node.value]
    return out


_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class YamlSyntaxError(Exception):
    """The text is not YAML; carries the place the parser gave up."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def load_yaml_text(text: str) -> Any:
    """Parse YAML with marks; raise ``YamlSyntaxError`` with a 1-based place on failure."""
    try:
        return yaml.load(text, Loader=_LocatingLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(problem, line, col) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc), 1, 1) from exc


def read_text(path: Path) -> str:
    """Read a project file as UTF-8 (a BOM is tolerated); errors are the caller's to locate."""
    return path.read_bytes().decode("utf-8-sig")

"""Find functions by qualified name, independently of the scanner, to keep the labels honest.

Why a second implementation: a label that names a function which does not exist (a typo, a
renamed method, a wrong naming convention) would silently count as "not flagged" and distort the
score. ``score.py`` therefore checks every label against this locator first. It follows the naming
convention of the scanner's regions (docs/quality.md lists it) but shares no code with the
scanner, so a mistake in one does not hide in the other.

``python bench/quality/locate.py FILE...`` prints every definition with its line range, which is
how the labels were written: list a file, read each function, decide.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import tree_sitter_go
import tree_sitter_java
import tree_sitter_javascript
import tree_sitter_python
import tree_sitter_typescript
from tree_sitter import Language, Node, Parser

LANGUAGE_BY_SUFFIX = {
    ".py": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".tsx": "tsx",
    ".go": "go",
    ".java": "java",
}


@dataclass(frozen=True)
class Definition:
    """A function-like definition: its qualified name and 1-based inclusive line range."""

    name: str
    start_line: int
    end_line: int


@cache
def parser_for(language: str) -> Parser:
    """Build one parser per grammar; the grammar wheels expose a capsule per language."""
    capsules = {
        "python": tree_sitter_python.language,
        "javascript": tree_sitter_javascript.language,
        "typescript": tree_sitter_typescript.language_typescript,
        "tsx": tree_sitter_typescript.language_tsx,
        "go": tree_sitter_go.language,
        "java": tree_sitter_java.language,
    }
    return Parser(Language(capsules[language]()))


def language_of(path: Path) -> str | None:
    """Map a file to its grammar by extension, as the scanner does."""
    return LANGUAGE_BY_SUFFIX.get(path.suffix)


def text(node: Node | None) -> str:
    """Decode a node's source text (empty for a missing node)."""
    return node.text.decode("utf-8", "replace") if node is not None and node.text else ""


def definitions(path: Path) -> list[Definition]:
    """Every function-like definition in a file, named by the region convention."""
    language = language_of(path)
    if language is None:
        return []
    tree = parser_for(language).parse(path.read_bytes())
    walkers = {
        "python": _python,
        "javascript": _javascript,
        "typescript": _javascript,
        "tsx": _javascript,
        "go": _go,
        "java": _java,
    }
    return list(walkers[language](tree.root_node, ()))


def _definition(scope: tuple[str, ...], name: str, node: Node) -> Definition:
    return Definition(".".join((*scope, name)), node.start_point[0] + 1, node.end_point[0] + 1)


def _python(node: Node, scope: tuple[str, ...]) -> Iterator[Definition]:
    """Classes and functions nest freely: ``Class.method``, ``outer.inner``."""
    for child in node.named_children:
        if child.type == "function_definition":
            name = text(child.child_by_field_name("name"))
            yield _definition(scope, name, child)
            yield from _python(child, (*scope, name))
        elif child.type == "class_definition":
            yield from _python(child, (*scope, text(child.child_by_field_name("name"))))
        else:
            yield from _python(child, scope)


FUNCTION_VALUES = {"function_expression", "function", "arrow_function", "generator_function"}
JS_CLASSES = {"class_declaration", "class", "abstract_class_declaration"}


def _javascript(node: Node, scope: tuple[str, ...]) -> Iterator[Definition]:
    """Declarations, class methods, ``obj.prop = function``, ``const f = () =>``, exports."""
    for child in node.named_children:
        kind = child.type
        if kind in {"function_declaration", "generator_function_declaration"}:
            name = text(child.child_by_field_name("name"))
            yield _definition(scope, name, child)
            yield from _javascript(child, (*scope, name))
        elif kind in JS_CLASSES and child.child_by_field_name("name") is not None:
            yield from _javascript(child, (*scope, text(child.child_by_field_name("name"))))
        elif kind == "method_definition":
            name = text(child.child_by_field_name("name"))
            yield _definition(scope, name, child)
            yield from _javascript(child, (*scope, name))
        elif kind == "variable_declarator" and _is_function(child.child_by_field_name("value")):
            name = text(child.child_by_field_name("name"))
            value = child.child_by_field_name("value")
            assert value is not None
            yield _definition(scope, name, value)
            yield from _javascript(value, (*scope, name))
        elif kind == "assignment_expression" and _is_function(child.child_by_field_name("right")):
            name = text(child.child_by_field_name("left"))
            right = child.child_by_field_name("right")
            assert right is not None
            yield _definition(scope, name, right)
            yield from _javascript(right, (*scope, name))
        elif kind in {"variable_declarator", "assignment_expression"} and _is_object(child):
            # `const pkce = { create() {} }` and `Cookie.prototype = { get expires() {} }`:
            # the object's methods are named through what the object is bound to.
            name = text(child.child_by_field_name("name") or child.child_by_field_name("left"))
            yield from _javascript(child, (*scope, name))
        elif kind == "pair" and _is_function(child.child_by_field_name("value")):
            name = text(child.child_by_field_name("key"))
            value = child.child_by_field_name("value")
            assert value is not None
            yield _definition(scope, name, value)
            yield from _javascript(value, (*scope, name))
        else:
            yield from _javascript(child, scope)


def _is_object(node: Node) -> bool:
    value = node.child_by_field_name("value") or node.child_by_field_name("right")
    return value is not None and value.type == "object"


def _is_function(node: Node | None) -> bool:
    return node is not None and node.type in FUNCTION_VALUES


def _go(node: Node, scope: tuple[str, ...]) -> Iterator[Definition]:
    """``Func`` and ``Receiver.Method``, the receiver without ``*`` or type parameters."""
    del scope  # Go has no nested named functions
    for child in node.named_children:
        if child.type == "function_declaration":
            yield _definition((), text(child.child_by_field_name("name")), child)
        elif child.type == "method_declaration":
            receiver = _go_receiver(child.child_by_field_name("receiver"))
            yield _definition((receiver,), text(child.child_by_field_name("name")), child)


def _go_receiver(params: Node | None) -> str:
    if params is None:
        return ""
    for param in params.named_children:
        kind = param.child_by_field_name("type")
        while kind is not None and kind.type in {
            "pointer_type",
            "generic_type",
            "parenthesized_type",
        }:
            kind = kind.child_by_field_name("type") or (
                kind.named_children[0] if kind.named_children else None
            )
        return text(kind)
    return ""


JAVA_TYPES = {
    "class_declaration",
    "interface_declaration",
    "enum_declaration",
    "record_declaration",
}


def _java(node: Node, scope: tuple[str, ...]) -> Iterator[Definition]:
    """``Class.method`` with every enclosing type: ``Outer.Inner.method``.

    Methods of an anonymous class are named through the method that creates it
    (``Class.method.run``), as nested functions are in the other languages.
    """
    for child in node.named_children:
        if child.type in JAVA_TYPES:
            yield from _java(child, (*scope, text(child.child_by_field_name("name"))))
        elif child.type in {"method_declaration", "constructor_declaration"}:
            name = text(child.child_by_field_name("name"))
            yield _definition(scope, name, child)
            yield from _java(child, (*scope, name))
        else:
            yield from _java(child, scope)


def main(argv: list[str]) -> int:
    """List definitions so a person can read and label them."""
    for arg in argv:
        for definition in definitions(Path(arg)):
            print(f"{arg}:{definition.start_line}-{definition.end_line}\t{definition.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

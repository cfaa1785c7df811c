"""Lifting findings to regions: the enclosing function, method, class or module.

The region is the unit a person reviews, so its name must be stable and readable:
``Class.method``, Go ``Receiver.Method``, JavaScript ``obj.prop`` for assigned callbacks and
``module.exports`` for anonymous exports.
"""

from __future__ import annotations

import hashlib

from tree_sitter import Node

from stakes.engine.model import RegionRef
from stakes.engine.syntax import Syntax

MODULE_NAME = "<module>"


def enclosing_region(node: Node, syntax: Syntax) -> Node | None:
    """The innermost ancestor (or the node itself) that is a named region."""
    current: Node | None = node
    while current is not None:
        if current.type in syntax.region_types and syntax.region(current) is not None:
            return current
        current = current.parent
    return None


def region_ref(region: Node | None, syntax: Syntax, root: Node) -> RegionRef:
    """Describe a region node (``None`` means the module) with its qualified name."""
    if region is None:
        return RegionRef("module", MODULE_NAME, root.start_point[0], root.end_point[0])
    definition = syntax.region(region)
    assert definition is not None
    names = [definition.name]
    parent = region.parent
    while parent is not None:
        if parent.type in syntax.region_types:
            outer = syntax.region(parent)
            if outer is not None:
                names.append(outer.name)
        parent = parent.parent
    return RegionRef(definition.kind, ".".join(reversed(names)), region.start_point[0], region.end_point[0])


def fingerprint(node: Node, comment_types: frozenset[str]) -> str:
    """Fingerprint one region node (see ``combined_fingerprint``)."""
    return combined_fingerprint([node], comment_types)


_QUOTES = str.maketrans("'", '"')
_CLOSERS = frozenset({")", "]", "}"})
# Parentheses formatters add or drop without changing meaning (precedence is kept by the nested
# structure hashed below), and the two spellings of a bare tuple.
_TRANSPARENT = frozenset({"parenthesized_expression"})
_SEQUENCES = {"tuple": "sequence", "expression_list": "sequence"}
_EXIT = object()


def _formatting_only(leaf: Node) -> bool:
    """Punctuation formatters add and remove freely.

    A trailing comma before a closing bracket (not in a one-element Python tuple, where ``(x,)``
    and ``(x)`` differ), and the brackets of a parenthesised expression or tuple.
    """
    parent = leaf.parent
    parent_type = parent.type if parent is not None else ""
    if leaf.type in ("(", ")") and (parent_type in _TRANSPARENT or parent_type in _SEQUENCES):
        return True
    if leaf.type != ",":
        return False
    following = leaf.next_sibling
    if following is None or following.type not in _CLOSERS:
        return False
    return not (parent is not None and parent_type in ("tuple", "tuple_pattern") and parent.named_child_count == 1)


def _token(leaf: Node) -> bytes:
    """A leaf's text with quote style normalised (``'`` and ``"`` delimit the same string)."""
    text = leaf.text or b""
    if leaf.type in ("string_start", "string_end", '"', "'"):
        return text.decode("utf-8", "replace").lower().translate(_QUOTES).encode()
    return text


def combined_fingerprint(nodes: list[Node], comment_types: frozenset[str]) -> str:
    """Hash of the regions' syntax trees without comments and whitespace.

    Reformatting keeps the fingerprint (layout, quote style, trailing commas, optional
    parentheses); any change to a token or to the tree's shape (a name, an operator, a literal,
    precedence) changes it, so a review goes stale whoever made the change.
    """
    return hashlib.sha256(b"".join(token_stream(n, comment_types) for n in nodes)).hexdigest()[:16]


def token_stream(node: Node, comment_types: frozenset[str]) -> bytes:
    """The bytes ``combined_fingerprint`` hashes for one node (leaves and the tree's shape).

    Kept separate so incremental analysis can cache a top-level statement's stream and hash a
    module's statements together without walking unchanged ones again.
    """
    parts: list[bytes] = []
    append = parts.append
    stack: list[object] = [node]
    pop, extend = stack.pop, stack.extend
    while stack:
        item = pop()
        if item is _EXIT:
            append(b"\x1d")
            continue
        current = item
        assert isinstance(current, Node)
        kind = current.type
        if kind in comment_types:
            continue
        if current.child_count == 0:
            if _formatting_only(current):
                continue
            append(("'" if kind == '"' else kind).encode())
            append(b"\x1f")
            append(_token(current))
            append(b"\x1e")
            continue
        if current.is_named and kind not in _TRANSPARENT:
            append(b"\x1c" + _SEQUENCES.get(kind, kind).encode())
            stack.append(_EXIT)
        children = current.children
        children.reverse()
        extend(children)
    return b"".join(parts)

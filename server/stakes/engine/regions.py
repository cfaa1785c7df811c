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


def combined_fingerprint(nodes: list[Node], comment_types: frozenset[str]) -> str:
    """Hash of the region's tokens without comments and whitespace.

    Reformatting keeps the fingerprint; any change to a token (a name, an operator, a literal)
    changes it, so a review goes stale whoever made the change.
    """
    digest = hashlib.sha256()
    stack = list(reversed(nodes))
    while stack:
        current = stack.pop()
        if current.type in comment_types:
            continue
        if current.child_count == 0:
            digest.update(current.type.encode())
            digest.update(b"\x1f")
            digest.update(current.text or b"")
            digest.update(b"\x1e")
            continue
        stack.extend(reversed(current.children))
    return digest.hexdigest()[:16]

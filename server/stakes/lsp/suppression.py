"""Where and how to write a suppression comment for a finding.

The engine applies an own-line ``stakes: ignore[...]`` comment to the statement that starts at
the next line of code. So the comment goes above the first line of the outermost statement that
starts at the beginning of a line and contains the finding — for a call in the middle of a
multi-line statement, above that statement's first line, not above the call — with the same
indentation and the language's line-comment syntax.
"""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

from stakes.engine.document import Document
from stakes.engine.model import Finding
from stakes.engine.suppressions import CONTAINER_TYPES

REASON_PLACEHOLDER = "<why this is not high-stakes>"


@dataclass(frozen=True)
class Insertion:
    """Insert ``text`` at the start of ``line`` (0-based)."""

    line: int
    text: str


def comment_text(rule_id: str, comment: str) -> str:
    return f"{comment} stakes: ignore[{rule_id}] reason: {REASON_PLACEHOLDER}"


def _indent(line: bytes) -> bytes:
    return line[: len(line) - len(line.lstrip(b" \t"))]


def statement_node(document: Document, finding: Finding) -> Node | None:
    """The statement the comment must precede: below a container, starting a line."""
    tree = document.tree
    if tree is None:
        return None
    node = tree.root_node.descendant_for_byte_range(finding.span.start_byte, max(finding.span.start_byte, finding.span.end_byte))
    if node is None:
        return None
    statement = node
    while statement.parent is not None and statement.parent.type not in CONTAINER_TYPES:
        statement = statement.parent
    while statement.parent is not None:
        line = statement.start_point[0]
        if statement.start_point[1] == len(_indent(document.line_bytes(line))):
            break  # nothing but indentation before it: an own-line comment above reaches it
        statement = statement.parent
    return statement


def suppression_insertion(document: Document, finding: Finding, comment: str) -> Insertion:
    """The line to insert above, with indentation and line ending matching the file."""
    statement = statement_node(document, finding)
    line = statement.start_point[0] if statement is not None and statement.parent is not None else finding.span.start_line
    raw = document.line_bytes(line)
    indent = _indent(raw).decode("utf-8", "replace")
    start = document.col_to_byte(line, 0, "utf-8")
    newline = "\r\n" if document.source[start + len(raw) : start + len(raw) + 2] == b"\r\n" else "\n"
    return Insertion(line, f"{indent}{comment_text(finding.rule_id, comment)}{newline}")

"""A source document: its text, its tree-sitter tree, and position arithmetic.

The editor sends edits as (line, character) ranges in the negotiated encoding (UTF-16 for VS
Code, UTF-8 for Neovim 0.11); tree-sitter works in UTF-8 bytes. ``Document`` converts between
them and keeps the tree up to date with ``Tree.edit`` + incremental reparse instead of parsing
from scratch on every keystroke.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

import tree_sitter
from tree_sitter import Node

from stakes.engine.languages import LanguageInfo, new_parser

Encoding = str  # "utf-8" | "utf-16" | "utf-32"


def decode_source(data: bytes) -> tuple[str, str | None]:
    """Decode file bytes for analysis: UTF-8 (BOM stripped) or, failing that, with replacement.

    Returns the text and a note when the bytes were not valid UTF-8, so callers can say so.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return data.decode("utf-8", "replace"), f"not valid UTF-8 at byte {exc.start}; undecodable bytes were replaced"


def _units(text: str, encoding: Encoding) -> int:
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == "utf-16":
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    return len(text)


@dataclass
class Document:
    """Text plus tree; ``apply_edit`` keeps both in step."""

    path: Path
    language: LanguageInfo
    text: str
    version: int = 0
    tree: tree_sitter.Tree | None = None
    _source: bytes = b""
    _line_starts: list[int] = field(default_factory=list)  # byte offset of each line
    _parser: tree_sitter.Parser | None = None

    def __post_init__(self) -> None:
        self._reindex()
        self.parse()

    # -- text ------------------------------------------------------------------------------------
    @property
    def source(self) -> bytes:
        return self._source

    def _reindex(self) -> None:
        self._source = self.text.encode("utf-8", "surrogatepass")
        starts = [0]
        find = self._source.find
        pos = find(b"\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find(b"\n", pos + 1)
        self._line_starts = starts

    def _shift_line_starts(self, start: int, old_end: int, new_bytes: bytes) -> None:
        """Update the line index for one edit instead of rescanning the whole text.

        Starts up to the edit stay, starts inside the replaced bytes go, the inserted text's
        newlines add starts, and everything after shifts by the size change.
        """
        starts = self._line_starts
        keep = bisect.bisect_right(starts, start)  # starts at or before the edit
        tail = bisect.bisect_right(starts, old_end)  # starts inside [start, old_end] are replaced
        delta = len(new_bytes) - (old_end - start)
        inserted = []
        pos = new_bytes.find(b"\n")
        while pos != -1:
            inserted.append(start + pos + 1)
            pos = new_bytes.find(b"\n", pos + 1)
        self._line_starts = starts[:keep] + inserted + [s + delta for s in starts[tail:]]

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_bytes(self, line: int) -> bytes:
        if line >= len(self._line_starts):
            return b""
        start = self._line_starts[line]
        end = self._line_starts[line + 1] if line + 1 < len(self._line_starts) else len(self._source)
        return self._source[start:end].rstrip(b"\r\n")

    # -- positions -------------------------------------------------------------------------------
    def byte_col_to(self, line: int, byte_col: int, encoding: Encoding) -> int:
        """Convert a UTF-8 byte column to a column in ``encoding``."""
        prefix = self.line_bytes(line)[:byte_col].decode("utf-8", "replace")
        return _units(prefix, encoding)

    def col_to_byte(self, line: int, column: int, encoding: Encoding) -> int:
        """Convert a column in ``encoding`` to a byte offset in the whole source (clamped)."""
        if line >= len(self._line_starts):
            return len(self._source)
        if line < 0:
            return 0
        raw = self.line_bytes(line)
        if encoding == "utf-8":
            return self._line_starts[line] + min(max(column, 0), len(raw))
        text = raw.decode("utf-8", "replace")
        units = 0
        consumed = 0
        for char in text:
            if units >= column:
                break
            units += 2 if (encoding == "utf-16" and ord(char) > 0xFFFF) else 1
            consumed += len(char.encode("utf-8", "surrogatepass"))
        return self._line_starts[line] + min(consumed, len(raw))

    def byte_to_point(self, offset: int) -> tuple[int, int]:
        """Byte offset → (line, byte column)."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line, offset - self._line_starts[line]

    # -- parsing ---------------------------------------------------------------------------------
    def parse(self) -> None:
        """Parse from scratch (used on open and after full-text changes)."""
        if self._parser is None:
            self._parser = new_parser(self.language.id)
        self.tree = self._parser.parse(self._source)

    def replace_text(self, text: str, version: int | None = None) -> None:
        """A full-text change: reparse from scratch."""
        self.text = text
        if version is not None:
            self.version = version
        self._reindex()
        self.parse()

    def apply_edit(self, start: int, old_end: int, new_text: str) -> None:
        """Replace bytes ``[start, old_end)`` with ``new_text`` and reparse incrementally."""
        start = max(0, min(start, len(self._source)))
        old_end = max(start, min(old_end, len(self._source)))
        start_point = self.byte_to_point(start)
        old_end_point = self.byte_to_point(old_end)
        new_bytes = new_text.encode("utf-8", "surrogatepass")
        source = self._source[:start] + new_bytes + self._source[old_end:]
        self._shift_line_starts(start, old_end, new_bytes)
        self._source = source
        self.text = source.decode("utf-8", "surrogatepass")
        new_end = start + len(new_bytes)
        new_end_point = self.byte_to_point(new_end)
        if self.tree is not None:
            self.tree.edit(
                start_byte=start,
                old_end_byte=old_end,
                new_end_byte=new_end,
                start_point=start_point,
                old_end_point=old_end_point,
                new_end_point=new_end_point,
            )
        assert self._parser is not None
        old_tree = self.tree
        self.tree = self._parser.parse(self._source, old_tree)
        if self.tree.root_node.has_error and (
            old_tree is None or not _edit_is_clear_of_errors(old_tree.root_node, self.tree.root_node, start, old_end, new_end)
        ):
            # Error recovery can differ between an incremental reparse and a fresh parse; broken
            # code near the edit is reparsed from scratch so the editor agrees with `stakes scan`.
            self.tree = self._parser.parse(self._source)

    def apply_range_edit(
        self, start_line: int, start_col: int, end_line: int, end_col: int, new_text: str, encoding: Encoding
    ) -> None:
        """An LSP-style range edit in the client's position encoding."""
        start = self.col_to_byte(start_line, start_col, encoding)
        end = self.col_to_byte(end_line, end_col, encoding)
        if end < start:
            start, end = end, start
        self.apply_edit(start, end, new_text)


def _edit_is_clear_of_errors(old_root: Node, new_root: Node, start: int, old_end: int, new_end: int) -> bool:
    """Whether an incremental reparse of broken code can be trusted to equal a fresh parse.

    Reparsing a whole file from scratch on every keystroke costs the full parse time (about 25 ms
    at 10,000 lines), and while someone types, code is broken most of the time. The incremental
    tree is kept when the edit stays inside one top-level statement that is error-free before
    and after, whose neighbours are error-free too (error recovery looks ahead), and the broken
    top-level statements are exactly where they were. Anything else is reparsed from scratch.
    ``old_root`` is the previous tree after ``Tree.edit``, so its positions are already shifted.
    """
    old_statement = _statement_spanning(old_root, start, old_end)
    new_statement = _statement_spanning(new_root, start, new_end)
    if old_statement is None or new_statement is None:
        return False
    for statement in (old_statement, new_statement):
        for node in (statement, statement.prev_sibling, statement.next_sibling):
            if node is not None and (node.has_error or node.is_missing):
                return False
    return _broken_statements(old_root) == _broken_statements(new_root)


def _statement_spanning(root: Node, start: int, end: int) -> Node | None:
    # (``Node.first_child_for_byte`` is not used: on an edited tree it crashed the interpreter.)
    children = root.children
    index = bisect.bisect_right([c.start_byte for c in children], start) - 1
    if index < 0:
        return None
    child = children[index]
    if child.start_byte == start or child.end_byte < end:
        return None  # between statements, or at a statement's very start: not clearly inside one
    return child


def _broken_statements(root: Node) -> list[tuple[int, int, str]]:
    return [(c.start_byte, c.end_byte, c.type) for c in root.children if c.has_error or c.is_missing]

"""Position conversion: the engine's UTF-8 byte columns → the client's negotiated encoding.

Open documents convert through ``Document.byte_col_to``; files read from disk (workspace scan)
through ``LineColumns``, which indexes line starts without parsing.
"""

from __future__ import annotations

import bisect
from typing import Protocol

from lsprotocol import types

from stakes.engine.model import RegionRef, Span


class Columns(Protocol):
    """Anything that can convert a byte column on a line to a column in an encoding."""

    def byte_col_to(self, line: int, byte_col: int, encoding: str) -> int: ...


def _units(text: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == "utf-16":
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    return len(text)


class LineColumns:
    """Byte-column conversion for a text that has no parsed ``Document``."""

    def __init__(self, source: bytes) -> None:
        self.source = source
        self.starts = [0]
        pos = source.find(b"\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = source.find(b"\n", pos + 1)

    def line_bytes(self, line: int) -> bytes:
        if line >= len(self.starts):
            return b""
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.source)
        return self.source[self.starts[line] : end].rstrip(b"\r\n")

    def byte_col_to(self, line: int, byte_col: int, encoding: str) -> int:
        return _units(self.line_bytes(line)[:byte_col].decode("utf-8", "replace"), encoding)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


def span_range(span: Span, columns: Columns, encoding: str) -> types.Range:
    """A finding's span as an LSP range in the negotiated encoding."""
    return types.Range(
        start=types.Position(span.start_line, columns.byte_col_to(span.start_line, span.start_byte_col, encoding)),
        end=types.Position(span.end_line, columns.byte_col_to(span.end_line, span.end_byte_col, encoding)),
    )


def region_range(ref: RegionRef) -> types.Range:
    """A region's whole lines (start of its first line to start of the line after its last)."""
    return types.Range(start=types.Position(ref.start_line, 0), end=types.Position(ref.end_line + 1, 0))


def contains(rng: types.Range, pos: types.Position) -> bool:
    """Whether ``pos`` lies in ``rng`` (end inclusive, so hovering the last character works)."""
    start = (rng.start.line, rng.start.character)
    end = (rng.end.line, rng.end.character)
    return start <= (pos.line, pos.character) <= end


def overlaps(a: types.Range, b: types.Range) -> bool:
    """Whether two ranges share at least one position (touching counts)."""
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and (
        b.start.line,
        b.start.character,
    ) <= (a.end.line, a.end.character)

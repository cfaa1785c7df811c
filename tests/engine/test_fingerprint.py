"""Region fingerprints: formatting keeps them, any change to tokens or tree shape breaks them."""

from __future__ import annotations

from pathlib import Path

import pytest

from stakes.engine.document import Document
from stakes.engine.languages import language_for_path
from stakes.engine.regions import fingerprint


def _fp(source: str, name: str = "a.py") -> str:
    language = language_for_path(name)
    assert language is not None
    document = Document(Path(name), language, source)
    assert document.tree is not None
    root = document.tree.root_node
    return fingerprint(root, frozenset({"comment"}))


@pytest.mark.parametrize(("before", "after"), [
    ("def f(a, b):\n    return a + b\n", "def f(a,b):\n\n    # comment\n    return a+b\n"),
    ("x = f('a', 'b')\n", 'x = f("a", "b")\n'),
    ("x = f(a, b)\n", "x = f(\n    a,\n    b,\n)\n"),
    ("def f():\n    return a, b\n", "def f():\n    return (\n        a,\n        b,\n    )\n"),
    ("if a and b:\n    pass\n", "if (\n    a\n    and b\n):\n    pass\n"),
])
def test_formatting_keeps_the_fingerprint(before: str, after: str) -> None:
    assert _fp(before) == _fp(after)


@pytest.mark.parametrize(("before", "after"), [
    ("x = (a + b) * c\n", "x = a + b * c\n"),
    ("x = (a,)\n", "x = (a)\n"),
    ("x = f(a, b)\n", "x = f(b, a)\n"),
    ("x = 'a'\n", "x = 'b'\n"),
    ("if a == b:\n    pass\n", "if a != b:\n    pass\n"),
])
def test_real_changes_break_the_fingerprint(before: str, after: str) -> None:
    assert _fp(before) != _fp(after)


def test_javascript_quote_style() -> None:
    assert _fp("const a = f('x');\n", "a.js") == _fp('const a = f("x");\n', "a.js")
    assert _fp("const a = f('x');\n", "a.js") != _fp("const a = f('y');\n", "a.js")


def test_line_index_follows_edits() -> None:
    """The incremental line index equals a fresh one after random edits (multi-byte, CRLF)."""
    import random

    language = language_for_path("a.py")
    assert language is not None
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(["a", "\n", "é", "\r\n", "🍰", "x = 1\n"]) for _ in range(rng.randint(0, 30)))
        document = Document(Path("a.py"), language, text)
        for _ in range(5):
            source = document.source
            start = rng.randint(0, len(source))
            end = rng.randint(start, len(source))
            while 0 < start < len(source) and source[start] & 0xC0 == 0x80:
                start -= 1
            while end < len(source) and source[end] & 0xC0 == 0x80:
                end += 1
            document.apply_edit(start, end, rng.choice(["", "b", "\n", "ü\r\n", "c\nd"]))
            fresh = Document(Path("a.py"), language, document.text)
            assert [document.line_bytes(i) for i in range(fresh.line_count)] == [fresh.line_bytes(i) for i in range(fresh.line_count)]
            assert document.line_count == fresh.line_count

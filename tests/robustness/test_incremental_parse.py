"""Incremental reparsing of broken code: after any sequence of edits, a document's tree is the
tree a fresh parse of its text gives.

``Document.apply_edit`` keeps tree-sitter's incremental tree for broken code only when the edit
stays clear of the broken statements (a full reparse per keystroke costs the whole parse time);
this checks that shortcut directly, on files with many top-level statements and some broken
ones, where it is taken. ``STAKES_FUZZ_EXAMPLES`` raises the number of sequences.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from stakes.engine.document import Document
from stakes.engine.languages import language_for_path, new_parser

EXAMPLES = int(os.environ.get("STAKES_FUZZ_EXAMPLES", "300"))

PYTHON_STATEMENTS = [
    "import hashlib\n",
    "def sign(data, key):\n    return hmac.new(key, data, 'sha256')\n",
    "class Checker:\n    def ok(self, a, b):\n        return a == b\n",
    "x = {'token': 1, 'é': '🍰'}\n",
    "def broken(:\n    pass\n",
    "s = 'unterminated\n",
    "if x:\n    y = [1, 2,\n",
    "@decorator\ndef f():\n    return md5(b)\n",
]
JS_STATEMENTS = [
    "const crypto = require('crypto');\n",
    "function digest(x) { return crypto.createHash('md5').update(x).digest('hex'); }\n",
    "class A { m(a) { return a === this.b; } }\n",
    "const o = { token: 1, 'é': '🍰' };\n",
    "function broken( { return 1 }\n",
    "const s = 'unterminated;\n",
    "if (x) { y = [1, 2,\n",
    "module.exports = function (a, b) { return crypto.timingSafeEqual(a, b); };\n",
]
PIECES = ["", "x", "é", "🍰", "\n", " ", "(", ")", "{", "}", "'", '"', ":", ",", "md5", "def f():\n    ", "#", "//", "]"]


@st.composite
def broken_files(draw: st.DrawFn) -> tuple[str, str, list[tuple[int, int, str]]]:
    kind = draw(st.sampled_from(["py", "js"]))
    pool = PYTHON_STATEMENTS if kind == "py" else JS_STATEMENTS
    statements = draw(st.lists(st.sampled_from(pool), min_size=6, max_size=20))
    text = "".join(statements)
    edits = draw(
        st.lists(
            st.tuples(
                st.integers(0, len(text.encode("utf-8"))),
                st.integers(0, 12),
                st.lists(st.sampled_from(PIECES), max_size=3).map("".join),
            ),
            min_size=1,
            max_size=10,
        )
    )
    return kind, text, edits


@settings(max_examples=EXAMPLES, deadline=None)
@given(case=broken_files())
def test_tree_after_edits_equals_a_fresh_parse(case: tuple[str, str, list[tuple[int, int, str]]]) -> None:
    kind, text, edits = case
    path = Path(f"fuzz.{kind}")
    language = language_for_path(path)
    assert language is not None
    document = Document(path, language, text)
    fresh = new_parser(language.id)
    for start, length, insert in edits:
        source = document.text.encode("utf-8", "surrogatepass")
        start = min(start, len(source))
        while 0 < start < len(source) and (source[start] & 0xC0) == 0x80:
            start -= 1  # never split a UTF-8 sequence
        end = min(start + length, len(source))
        while end < len(source) and (source[end] & 0xC0) == 0x80:
            end += 1
        document.apply_edit(start, end, insert)
        expected = fresh.parse(document.text.encode("utf-8", "surrogatepass"))
        assert document.tree is not None
        assert _shape(document.tree.root_node) == _shape(expected.root_node), (document.text, start, end, insert)


def _shape(node: object) -> str:
    """The tree's S-expression without comments.

    tree-sitter may attach a comment to a different parent after an incremental reparse than
    after a fresh one, even in valid code (``const a = x// b`` keeps the comment inside the
    declaration); comments are ignored by every rule and by region fingerprints.
    """
    return str(node).replace("(comment)", "").replace(" ", "")

"""The editor harness itself: its comparison must catch what the editor tests exist to catch.

These run without any editor, so a harness that silently accepts duplicates, stale results or
an encoding mix-up is noticed even on machines where the editor tests skip.
"""

from __future__ import annotations

from typing import Any

import pytest
from _pytest.outcomes import Failed, Skipped
from editor_harness import ExpectedDiagnostic, columns_of, compare, unavailable

LINE = '    return "menu·café🍰:" + hashlib.md5(name.encode("utf-8")).hexdigest()'
AT = LINE.index("hashlib.md5")
BYTE, UTF16, CHAR = columns_of(LINE, AT)
EXPECTED = [ExpectedDiagnostic(19, "python/weak-hash-call", BYTE, UTF16, CHAR, "hashlib.md5(")]


def shown(col: int, code: str = "python/weak-hash-call", line: int = 19) -> dict[str, Any]:
    return {"line": line, "col": col, "code": code, "source": "stakes", "text": LINE[AT:]}


def test_columns_differ_on_the_emoji_line() -> None:
    """The example line must tell the three encodings apart, or the editor tests prove nothing."""
    assert (BYTE, UTF16, CHAR) == (32, 28, 27)


def test_compare_accepts_the_right_column_in_each_unit() -> None:
    assert compare("open", [shown(BYTE)], EXPECTED, "byte") == []
    assert compare("open", [shown(UTF16)], EXPECTED, "utf-16") == []
    assert compare("open", [shown(CHAR)], EXPECTED, "char") == []


def test_compare_rejects_a_column_in_the_wrong_encoding() -> None:
    problems = compare("open", [shown(UTF16)], EXPECTED, "byte")
    assert problems and "col 28" in problems[1] and "col 32" in problems[2]


def test_compare_rejects_duplicates_stale_and_missing_diagnostics() -> None:
    assert compare("open", [shown(BYTE), shown(BYTE)], EXPECTED, "byte")  # pushed and pulled
    assert compare("edit", [shown(BYTE), shown(BYTE, line=18)], EXPECTED, "byte")  # stale one left
    assert compare("edit", [], EXPECTED, "byte")
    assert compare("open", [shown(BYTE, code="python/other")], EXPECTED, "byte")


def test_compare_ignores_other_sources_and_missing_codes() -> None:
    other = dict(shown(3), source="pyright")
    assert compare("open", [shown(BYTE), other], EXPECTED, "byte") == []
    assert compare("open", [dict(shown(BYTE), code=None)], EXPECTED, "byte") == []


def test_missing_editor_fails_in_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(Failed):
        unavailable("no such editor")
    monkeypatch.delenv("CI")
    with pytest.raises(Skipped):
        unavailable("no such editor")

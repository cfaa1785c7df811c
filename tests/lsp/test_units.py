"""Fast unit tests of the pure parts of the server: suppression placement in every language,
settings parsing and the position-encoding choice."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from stakes.engine.document import Document
from stakes.engine.languages import LANGUAGES
from stakes.engine.model import Finding, Level, RegionRef, Severity, Span
from stakes.lsp.server import choose_encoding
from stakes.lsp.settings import parse_settings
from stakes.lsp.suppression import suppression_insertion


def finding_at(document: Document, needle: str) -> Finding:
    """A finding spanning the first occurrence of ``needle``."""
    start = document.source.index(needle.encode())
    end = start + len(needle.encode())
    line, col = document.byte_to_point(start)
    end_line, end_col = document.byte_to_point(end)
    return Finding("p/r", "cryptography", Level.HIGH, "m", Span(line, col, end_line, end_col, start, end), RegionRef("function", "f", 0, 0))


CASES = [
    # language, source, construct, expected line, expected comment line
    ("python", "def f(x):\n    y = g(\n        h(x),\n        md5(x),\n    )\n", "md5(x)", 1, "    # stakes: ignore[p/r] reason: <why this is not high-stakes>\n"),
    ("python", "@app.route('/a')\n@login_required\ndef f():\n    pass\n", "login_required", 0, "# stakes: ignore[p/r] reason: <why this is not high-stakes>\n"),
    ("python", "def f(x):\n    if x: return md5(x)\n", "md5(x)", 1, "    # stakes: ignore[p/r] reason: <why this is not high-stakes>\n"),
    ("go", "package a\n\nfunc F() {\n\tc := tls.Config{\n\t\tInsecureSkipVerify: true,\n\t}\n\t_ = c\n}\n", "InsecureSkipVerify: true", 3, "\t// stakes: ignore[p/r] reason: <why this is not high-stakes>\n"),
    ("java", "class A {\n  void f() {\n    String s = digest(\n      MessageDigest.getInstance(\"MD5\"));\n  }\n}\n", 'MessageDigest.getInstance("MD5")', 2, "    // stakes: ignore[p/r] reason: <why this is not high-stakes>\n"),
    ("typescript", "export function f(t: string) {\n  return jwt.verify(\n    t, key);\n}\n", "jwt.verify(\n    t, key)", 1, "  // stakes: ignore[p/r] reason: <why this is not high-stakes>\n"),
    ("javascript", "const a = 1;\r\nfunction f() {\r\n  crypto.createHash('md5');\r\n}\r\n", "crypto.createHash('md5')", 2, "  // stakes: ignore[p/r] reason: <why this is not high-stakes>\r\n"),
]


@pytest.mark.parametrize(("language", "source", "construct", "line", "text"), CASES)
def test_suppression_goes_above_the_statement_with_its_indentation(language: str, source: str, construct: str, line: int, text: str) -> None:
    info = LANGUAGES[language]
    document = Document(Path("x"), info, source)
    insertion = suppression_insertion(document, finding_at(document, construct), info.line_comment)
    assert (insertion.line, insertion.text) == (line, text)


def test_settings_accept_wrapped_and_bare_sections(tmp_path: Path) -> None:
    wrapped = parse_settings({"stakes": {"profile": "critical", "packs": ["team"], "severityOverrides": {"high": "error"}}}, tmp_path)
    bare = parse_settings({"profile": "critical", "packs": ["team"], "severityOverrides": {"high": "error"}}, tmp_path)
    assert wrapped == bare
    assert wrapped.profile == "critical"
    assert wrapped.packs == ((tmp_path / "team").resolve(),)
    assert wrapped.severity_overrides == {Level.HIGH: Severity.ERROR}


def test_bad_settings_are_ignored_not_fatal() -> None:
    settings = parse_settings({"stakes": {"profile": "yolo", "packs": "not-a-list", "severityOverrides": {"huge": "error"}, "trustedWorkspace": False}})
    assert settings.profile is None
    assert settings.packs == ()
    assert dict(settings.severity_overrides) == {}
    assert settings.trusted_workspace is False
    assert parse_settings(None) == parse_settings({})


@pytest.mark.parametrize(
    ("offered", "options", "expected"),
    [
        (["utf-8", "utf-16"], None, "utf-8"),
        (["utf-32", "utf-8", "utf-16"], None, "utf-16"),
        (["utf-16"], None, "utf-16"),
        (None, None, "utf-16"),
        (None, {"stakes": {"positionEncoding": "utf-8"}}, "utf-8"),
        (None, {"positionEncoding": "utf-8"}, "utf-8"),
        (["utf-8"], {"positionEncoding": "latin-1"}, "utf-8"),
    ],
)
def test_position_encoding_choice(offered: list[str] | None, options: object, expected: str) -> None:
    general = types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind(e) for e in offered]) if offered else None
    assert choose_encoding(types.ClientCapabilities(general=general), options) == expected

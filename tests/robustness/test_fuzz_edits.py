"""Edit fuzzing through the real protocol: after any sequence of incremental edits, the server's
diagnostics equal a fresh assessment of the final text.

CI runs a few hundred sequences; set ``STAKES_FUZZ_EXAMPLES=10000`` for the long run
(``docs/security.md`` records the last one).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from stakes.engine.document import Document
from stakes.engine.languages import language_for_path
from stakes.engine.project import Project
from tests.lspwire import WireClient

EXAMPLES = int(os.environ.get("STAKES_FUZZ_EXAMPLES", "200"))

BASES = {
    "py": (
        "import hashlib\nimport hmac\n\n"
        "def sign(data, key):  # café ☕\n"
        "    tag = hmac.new(key, data, 'sha256')\r\n"
        "    return '🍰' + hashlib.md5(data).hexdigest()\n\n"
        "class Checker:\n    def ok(self, a, b):\n        return hmac.compare_digest(a, b)\n"
    ),
    "js": (
        "const crypto = require('crypto');\n"
        "function digest(x) { return 'é' + crypto.createHash('md5').update(x).digest('hex'); }\r\n"
        "module.exports = function (a, b) { return crypto.timingSafeEqual(a, b); };\n"
    ),
}
PIECES = ["", "x", "é", "🍰", "\n", "\r\n", " ", "(", ")", "'", "md5", "hashlib.", "hashlib.md5(d)", "def f():\n    ", "#", "//"]


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _position(text: str, offset: int) -> dict[str, int]:
    """Code-point offset → LSP position (UTF-16 columns, lines split at \\n; \\r\\n is one break)."""
    before = text[:offset]
    line = before.count("\n")
    start = before.rfind("\n") + 1
    column = before[start:]
    return {"line": line, "character": _units(column.rstrip("\r") if offset < len(text) and text[offset] == "\n" else column)}


def _safe(text: str, offset: int) -> int:
    """Never split a \\r\\n pair or a surrogate-free code point."""
    offset = max(0, min(offset, len(text)))
    if 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n":
        offset -= 1
    return offset


@st.composite
def edit_sequences(draw: st.DrawFn) -> tuple[str, str, list[tuple[int, int, str]]]:
    kind = draw(st.sampled_from(sorted(BASES)))
    edits = draw(st.lists(st.tuples(st.integers(0, 400), st.integers(0, 40), st.lists(st.sampled_from(PIECES), max_size=4).map("".join)), min_size=1, max_size=8))
    return kind, BASES[kind], edits


def _expected(project: Project, path: Path, text: str) -> set[tuple[str, int, int, int, int]]:
    language = language_for_path(path)
    assert language is not None
    document = Document(path, language, text)
    report = project.analyze_document(document)
    out = set()
    for finding in report.active_findings:
        span = finding.span
        out.add((
            finding.rule_id,
            span.start_line, document.byte_col_to(span.start_line, span.start_byte_col, "utf-16"),
            span.end_line, document.byte_col_to(span.end_line, span.end_byte_col, "utf-16"),
        ))
    return out


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[WireClient, Path, Project]]:
    root = tmp_path_factory.mktemp("fuzz")
    (root / ".git").mkdir()
    client = WireClient([sys.executable, "-m", "stakes", "serve"], cwd=root)
    client.initialize(root, {"textDocument": {"diagnostic": {"dynamicRegistration": False}}})
    # Built at the same moment as the server's, so both see the same rules.
    project = Project(root)
    yield client, root, project
    client.close()


COUNTER = iter(range(10**9))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=edit_sequences())
# Found by the 10,000-sequence run: an unterminated string where incremental error recovery
# differed from a fresh parse.
@example(case=("js", BASES["js"], [(103, 18, "'("), (180, 0, "'")]))
def test_diagnostics_after_random_edits_equal_a_fresh_assessment(server: tuple[WireClient, Path, Project], case: tuple[str, str, list[tuple[int, int, str]]]) -> None:
    client, root, project = server
    kind, text, edits = case
    path = root / f"fuzz_{next(COUNTER)}.{kind}"
    uri = path.as_uri()
    language = "python" if kind == "py" else "javascript"
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}})
    changes = []
    for start, length, insert in edits:
        start = _safe(text, start)
        end = _safe(text, start + length)
        changes.append({"range": {"start": _position(text, start), "end": _position(text, end)}, "text": insert})
        text = text[:start] + insert + text[end:]
    # Half the time in one notification, half as separate versions, as real clients do.
    if len(changes) % 2:
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": changes})
    else:
        for version, change in enumerate(changes, start=2):
            client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
    report = client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
    got = {
        (d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"], d["range"]["end"]["line"], d["range"]["end"]["character"])
        for d in report["items"]
        if d.get("source") == "stakes" and "/" in str(d.get("code", ""))
    }
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert got == _expected(project, path, text), text

"""The editor docs show the exact configuration the editor tests use, so they cannot drift."""

from __future__ import annotations

import pytest
from editor_harness import REPO, SNIPPETS

DOCS = REPO / "docs" / "editors.md"
SECTION = "## Tested snippets"


@pytest.mark.parametrize("snippet", sorted(p.name for p in SNIPPETS.iterdir() if p.is_file()))
def test_snippet_is_in_the_docs_verbatim(snippet: str) -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert SECTION in text, f"{DOCS} has no '{SECTION}' section"
    tested = text[text.index(SECTION) :]
    body = (SNIPPETS / snippet).read_text(encoding="utf-8").rstrip("\n")
    assert f"`tests/editors/snippets/{snippet}`" in tested, f"{snippet} is not named in '{SECTION}'"
    assert f"\n{body}\n```" in tested, f"{snippet} differs from its copy in {DOCS} ('{SECTION}')"

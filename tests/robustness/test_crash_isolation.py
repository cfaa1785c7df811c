"""Crash isolation: a fault in one rule, one file or one feature is logged with its traceback and
everything else carries on. Faults are injected by patching the code under test."""

from __future__ import annotations

import logging
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from stakes.engine import matchers
from stakes.engine.project import Project
from stakes.engine.scanner import scan
from tests.conftest import write
from tests.lspwire import WireClient

SOURCE = "import hashlib\nimport hmac\n\ndef sign(d, k):\n    hmac.new(k, d, 'sha256')\n    return hashlib.md5(d)\n"


def test_a_failing_rule_does_not_stop_the_others(tmp_path: Path, make_pack: Callable[..., Path],
                                                 monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / ".git").mkdir()
    make_pack("t", [("md5", "[python]", "{call: hashlib.md5}"), ("hmac", "[python]", "{call: hmac.new}")],
              where=tmp_path / ".stakes" / "rules")
    original = matchers.CallMatcher.test

    def broken(self: matchers.CallMatcher, node, ctx):  # type: ignore[no-untyped-def]
        if "hmac.new" in self.names.sources:
            raise RuntimeError("injected rule fault")
        return original(self, node, ctx)

    monkeypatch.setattr(matchers.CallMatcher, "test", broken)
    project = Project(tmp_path)
    with caplog.at_level(logging.ERROR):
        report = project.analyze_text(tmp_path / "a.py", SOURCE)
    assert report is not None
    rules = {f.rule_id for f in report.findings}
    assert "t/md5" in rules and "t/hmac" not in rules
    assert any("t/hmac" in r.getMessage() and r.exc_info for r in caplog.records)


def test_a_failing_file_does_not_stop_the_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "good.py", SOURCE)
    write(tmp_path / "bad.py", SOURCE)
    project = Project(tmp_path)
    original = Project.analyze_text

    def flaky(self: Project, path: Path, text: str, language=None):  # type: ignore[no-untyped-def]
        if path.name == "bad.py":
            raise RuntimeError("injected file fault")
        return original(self, path, text, language)

    monkeypatch.setattr(Project, "analyze_text", flaky)
    result = scan(project, [tmp_path], jobs=1)
    assert [r.relative for r in result.reports] == ["good.py"]
    assert result.failures and "injected file fault" in result.failures[0][1]


def test_a_failing_feature_does_not_take_the_server_down(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    path = write(tmp_path / "a.py", SOURCE)
    launcher = textwrap.dedent("""
        import sys
        from stakes.engine.rules import RuleDocs
        def broken(self):
            raise RuntimeError("injected hover fault")
        RuleDocs.markdown = broken  # hover renders rule docs; diagnostics do not
        from stakes.cli import main
        sys.exit(main(["serve"]))
    """)
    client = WireClient([sys.executable, "-c", launcher], cwd=tmp_path)
    try:
        client.initialize(tmp_path)
        uri = path.as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": SOURCE}})
        published = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p["diagnostics"])
        first = published["params"]["diagnostics"][0]["range"]["start"]
        assert client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": first}) is None
        lenses = client.request("textDocument/codeLens", {"textDocument": {"uri": uri}})
        assert lenses
    finally:
        client.close()
    log = client.stderr.decode("utf-8", "replace")
    assert "injected hover fault" in log and "Traceback" in log

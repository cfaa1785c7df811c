"""Bad source files: each gives a clear note or a correct result, never a crash or a hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stakes.engine.project import Project, ProjectOptions
from stakes.engine.scanner import scan

MD5 = "import hashlib\ndef sign(d):\n    return hashlib.md5(d)\n"


def _scan(root: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    result = subprocess.run([sys.executable, "-m", "stakes", "scan", "--format", "json", *extra, str(root)],
                            capture_output=True, text=True, timeout=300, cwd=root)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    return tmp_path


def _md5_lines(data: dict, name: str) -> list[int]:  # type: ignore[type-arg]
    return [f["start"]["line"] for f in data["findings"] if f["path"] == name and f["rule"] == "python/weak-hash-call"]


def test_invalid_utf8_is_analysed_with_a_note(root: Path) -> None:
    (root / "bad.py").write_bytes(b"# caf\xe9 \xff\n" + MD5.encode())
    data = _scan(root)
    assert _md5_lines(data, "bad.py") == [4]
    assert any("not valid UTF-8" in n["message"] for n in data["notes"])


def test_nul_bytes_are_skipped_as_binary(root: Path) -> None:
    (root / "blob.py").write_bytes(MD5.encode() + b"\x00\x00binary")
    data = _scan(root)
    assert data["findings"] == [] or all(f["path"] != "blob.py" for f in data["findings"])
    assert any(s["path"].endswith("blob.py") and "binary" in s["reason"] for s in data["skipped"])


def test_bom_crlf_and_mixed_line_endings_keep_positions(root: Path) -> None:
    (root / "bom.py").write_bytes(b"\xef\xbb\xbf" + MD5.encode())
    (root / "crlf.py").write_bytes(MD5.replace("\n", "\r\n").encode())
    (root / "mixed.py").write_bytes(b"import hashlib\r\ndef sign(d):\n    return hashlib.md5(d)\r\n")
    data = _scan(root)
    for name in ("bom.py", "crlf.py", "mixed.py"):
        assert _md5_lines(data, name) == [3], name
        finding = next(f for f in data["findings"] if f["path"] == name and f["rule"] == "python/weak-hash-call")
        assert finding["start"]["column"] == 12


def test_empty_file(root: Path) -> None:
    (root / "empty.py").write_bytes(b"")
    data = _scan(root)
    assert data["errors"] == [] and data["findings"] == []


def test_huge_and_minified_files_are_skipped_with_a_reason(root: Path) -> None:
    with (root / "huge.py").open("w") as handle:
        line = "x = 1  # padding padding padding padding padding padding padding padding\n"
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    (root / "app.js").write_text("var a=1;" * (5 * 1024 * 1024 // 8), encoding="utf-8")
    data = _scan(root)
    reasons = {Path(s["path"]).name: s["reason"] for s in data["skipped"]}
    assert "size limit" in reasons["huge.py"]
    assert reasons["app.js"] in ("minified",) or "size limit" in reasons["app.js"]


def test_time_budget_gives_a_partial_result_not_a_hang(root: Path) -> None:
    body = "".join(f"def f{i}(d):\n    return hashlib.md5(d)\n" for i in range(20000))
    path = root / "many.py"
    path.write_text("import hashlib\n" + body, encoding="utf-8")
    project = Project(root, ProjectOptions(budget_seconds=0.05))
    report = project.analyze_text(path, path.read_text("utf-8"))
    assert report is not None
    assert any("incomplete" in note for note in report.notes)


def test_deep_nesting_does_not_crash(root: Path) -> None:
    depth = 10_000
    (root / "deep.py").write_text("import hashlib\nx = " + "(" * depth + "1" + ")" * depth + "\n" + MD5, encoding="utf-8")
    (root / "chain.js").write_text("const crypto = require('crypto');\nx" + ".f()" * depth + ";\n", encoding="utf-8")
    data = _scan(root)
    assert _md5_lines(data, "deep.py") == [5]


def test_unsupported_languages_and_symlink_loops(root: Path) -> None:
    (root / "script.rb").write_text("require 'digest'\nDigest::MD5.hexdigest('x')\n", encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "ok.py").write_text(MD5, encoding="utf-8")
    os.symlink(root, root / "sub" / "loop")
    project = Project(root)
    result = scan(project, [root], jobs=1)
    assert [r.relative for r in result.reports] == ["sub/ok.py"]
    assert any("loop" in s.reason for s in result.skipped)
    explicit = scan(project, [root / "script.rb"], jobs=1)
    assert explicit.skipped[0].reason == "unsupported language"

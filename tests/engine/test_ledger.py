"""The review ledger: fingerprints, staleness, merge-friendly writes, locking, broken files."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stakes.engine.assessment import FileReport
from stakes.engine.ledger import (
    ReviewEntry,
    default_reviewer,
    git_config_value,
    ledger_path,
    mark_review,
    parse_ledger,
    read_ledger,
    render_ledger,
)
from stakes.engine.model import Severity
from stakes.engine.project import Project
from stakes.errors import LedgerError, UsageError
from tests.conftest import write

SOURCE = """
import hashlib


def cache_key(name):
    digest = hashlib.md5(name.encode())
    return digest.hexdigest()


def plain(a, b):
    return a + b
"""

# The same tokens, reformatted and commented: the review must stay current.
REFORMATTED = """
import hashlib
def cache_key(  name  ):
    # reviewed code, now with a comment
    digest = hashlib.md5(
        name.encode()
    )

    return digest.hexdigest()  # trailing comment
def plain(a, b):
    return a + b
"""


@pytest.fixture
def root(tmp_path: Path, make_pack: Callable[..., Path]) -> Path:
    root = tmp_path / "proj"
    (root / ".git").mkdir(parents=True)
    make_pack("t", [("md5", "[python]", "{call: hashlib.md5}", "critical")], where=root / ".stakes" / "rules")
    write(root / "app.py", SOURCE)
    return root


def analyze(project: Project, path: Path) -> FileReport:
    report = project.analyze_text(path, path.read_text(encoding="utf-8"))
    assert report is not None
    return report


def mark_all(project: Project, path: Path, reviewer: str = "Ada Lovelace", note: str = "checked") -> FileReport:
    report = analyze(project, path)
    for region in report.regions:
        mark_review(project, report.relative, region.name, region.region.fingerprint, reviewer, note)
    return report


def test_marked_region_drops_to_hint_with_reviewer_and_date(root: Path) -> None:
    project = Project(root)
    before = analyze(project, root / "app.py")
    [region] = before.regions
    assert region.name == "cache_key" and region.review.state == "unreviewed"
    assert region.severity == Severity.ERROR
    mark_all(project, root / "app.py")
    after = analyze(project, root / "app.py")
    [region] = after.regions
    assert region.review.state == "reviewed"
    assert region.severity == Severity.HINT
    assert region.review.describe().startswith("reviewed by Ada Lovelace on ")
    assert all(after.severity_of(f) == Severity.HINT for f in after.findings)


def test_reformatting_keeps_the_review(root: Path) -> None:
    project = Project(root)
    mark_all(project, root / "app.py")
    (root / "app.py").write_text(REFORMATTED.lstrip(), encoding="utf-8")
    [region] = analyze(Project(root), root / "app.py").regions
    assert region.review.state == "reviewed"


def test_one_token_change_makes_the_review_stale(root: Path) -> None:
    project = Project(root)
    mark_all(project, root / "app.py")
    text = (root / "app.py").read_text(encoding="utf-8")
    (root / "app.py").write_text(text.replace("digest.hexdigest()", "digest.digest()"), encoding="utf-8")
    [region] = analyze(project, root / "app.py").regions
    assert region.review.state == "stale"
    assert region.severity == Severity.ERROR
    assert region.review.describe().startswith("changed since review by Ada Lovelace on ")


def test_renamed_function_is_a_new_region(root: Path) -> None:
    project = Project(root)
    mark_all(project, root / "app.py")
    text = (root / "app.py").read_text(encoding="utf-8")
    (root / "app.py").write_text(text.replace("def cache_key", "def cache_key_v2"), encoding="utf-8")
    [region] = analyze(project, root / "app.py").regions
    assert region.name == "cache_key_v2"
    assert region.review.state == "unreviewed"


def test_expired_review_is_stale_and_says_so(root: Path) -> None:
    project = Project(root)
    [region] = analyze(project, root / "app.py").regions
    mark_review(project, "app.py", region.name, region.region.fingerprint, "Ada", "ok", expires="2000-01-01")
    [region] = analyze(project, root / "app.py").regions
    assert region.review.state == "stale"
    assert "expired on 2000-01-01" in region.review.describe()


def test_ledger_is_sorted_stable_and_round_trips(root: Path) -> None:
    project = Project(root)
    notes = ['has: colon and # hash', "yes", "123", "- dash", '"quoted"', "café ☕", "   spaced  out   "]
    for i, note in enumerate(notes):
        mark_review(project, f"z/{i}.py", f"f{i}", "0123456789abcdef", "Ada", note)
    mark_review(project, "a.py", "B.method", "0123456789abcdef", "Ada: the reviewer", "first")
    mark_review(project, "a.py", "A", "0123456789abcdef", "Ada", "second")
    text = ledger_path(root).read_text(encoding="utf-8")
    content = parse_ledger(text, ledger_path(root))
    assert content.errors == []
    keys = [line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("  - path:")]
    assert keys == sorted(keys)
    assert list(content.entries) == sorted(content.entries)
    assert content.entries[("z/0.py", "f0")].note == "has: colon and # hash"
    assert content.entries[("z/1.py", "f1")].note == "yes"
    assert content.entries[("z/2.py", "f2")].note == "123"
    assert content.entries[("z/4.py", "f4")].note == '"quoted"'
    assert content.entries[("z/6.py", "f6")].note == "spaced out"
    assert content.entries[("a.py", "B.method")].reviewer == "Ada: the reviewer"
    assert render_ledger(content.entries) == text  # stable: rendering what was read changes nothing


def test_marking_again_replaces_the_entry(root: Path) -> None:
    project = Project(root)
    mark_review(project, "a.py", "f", "0123456789abcdef", "Ada", "first")
    mark_review(project, "a.py", "f", "fedcba9876543210", "Grace", "second")
    entries = read_ledger(root).entries
    assert list(entries.values()) == [
        ReviewEntry("a.py", "f", "fedcba9876543210", "Grace", entries[("a.py", "f")].date, "second")
    ]


def test_writes_leave_no_temporary_files(root: Path) -> None:
    project = Project(root)
    mark_all(project, root / "app.py")
    leftovers = [p.name for p in (root / ".stakes").iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_bad_values_are_refused_before_writing(root: Path) -> None:
    project = Project(root)
    with pytest.raises(UsageError):
        mark_review(project, "a.py", "f", "not-a-fingerprint", "Ada", "x")
    with pytest.raises(UsageError):
        mark_review(project, "a.py", "f", "0123456789abcdef", "Ada", "x", expires="next year")
    assert not ledger_path(root).exists()


CONFLICTED = """\
version: 1
reviews:
<<<<<<< HEAD
  - path: app.py
    region: cache_key
    fingerprint: 0123456789abcdef
    reviewer: Ada
    date: 2026-01-02
=======
  - path: app.py
    region: cache_key
    fingerprint: fedcba9876543210
    reviewer: Grace
    date: 2026-01-03
>>>>>>> feature
"""


def test_conflict_markers_are_reported_and_the_ledger_is_never_overwritten(root: Path) -> None:
    path = ledger_path(root)
    path.write_text(CONFLICTED, encoding="utf-8")
    before = path.read_bytes()
    project = Project(root)
    [error] = project.ledger_errors
    assert error in project.errors
    assert error.location.line == 3
    assert "merge-conflict" in error.problem and "keep the entries of both sides" in error.fix
    report = analyze(project, root / "app.py")
    assert report.regions[0].review.state == "unreviewed"
    with pytest.raises(LedgerError):
        mark_all(project, root / "app.py")
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("version: 1\nreviews:\n  - path: a.py\n    region: f\n    fingerprint: 0123456789abcdef\n    reviewer: A\n    date: 2026-13-45\n", 7, "date"),
        ("version: 1\nreviews:\n  - path: a.py\n    region: f\n    fingerprint: 0123456789abcdef\n    reviewer: A\n    date: 2026-01-01\n    colour: red\n", 8, "unknown key"),
        ("version: 1\nreviews:\n  - path: a.py\n    region: f\n    reviewer: A\n    date: 2026-01-01\n", 3, "without `fingerprint`"),
        ("version: 1\nreviews: [\n", 3, "YAML"),
    ],
)
def test_invalid_ledgers_name_the_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    content = parse_ledger(text, tmp_path / "reviews.yaml")
    assert content.entries == {}
    [error] = content.errors
    assert error.location.line == line
    assert words in error.problem
    assert error.fix


def _mark_many(root: str, prefix: str, count: int, start: Barrier) -> None:
    project = Project(Path(root))
    start.wait()
    for i in range(count):
        mark_review(project, f"{prefix}.py", f"region_{i:03d}", f"{i:016x}", prefix, f"note {i}")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="uses fork to start the writers quickly")
def test_concurrent_marks_from_two_processes_all_survive(root: Path) -> None:
    context = multiprocessing.get_context("fork")
    start = context.Barrier(2)
    workers = [context.Process(target=_mark_many, args=(str(root), name, 40, start)) for name in ("left", "right")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    content = read_ledger(root)
    assert content.errors == []
    assert len(content.entries) == 80
    assert {path for path, _ in content.entries} == {"left.py", "right.py"}


def test_reviewer_comes_from_setting_config_git_then_os(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    (home / ".gitconfig").write_text("[user]\n\tname = Global Person\n", encoding="utf-8")
    assert default_reviewer(root) == "Global Person"
    (root / ".git" / "config").write_text(
        '[core]\n\tbare = false\n[remote "origin"]\n\turl = x\n[user]\n\temail = a@b\n\tname = "Ada Lovelace" ; comment\n',
        encoding="utf-8",
    )
    assert default_reviewer(root) == "Ada Lovelace"
    assert default_reviewer(root, configured="From Config") == "From Config"
    assert default_reviewer(root, setting="From Setting", configured="From Config") == "From Setting"
    (root / ".git" / "config").write_text("", encoding="utf-8")
    (home / ".gitconfig").unlink()
    assert default_reviewer(root)  # the OS user


def test_git_config_reader_handles_sections_and_last_value(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.write_text("[User]\n  name = First\n[other]\n  name = Nope\n[user] name = Second\n", encoding="utf-8")
    assert git_config_value(config, "user", "name") == "Second"


_CHARS = st.characters(exclude_categories=["Cs"])  # lone surrogates cannot be written as UTF-8
_TEXT = st.text(_CHARS, min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(path=_TEXT, region=_TEXT, reviewer=_TEXT, note=st.text(_CHARS, max_size=60))
def test_any_text_round_trips_through_the_ledger(path: str, region: str, reviewer: str, note: str) -> None:
    entry = ReviewEntry(path, region, "0123456789abcdef", reviewer, "2026-01-31", note)
    text = render_ledger({entry.key: entry})
    content = parse_ledger(text, Path("reviews.yaml"))
    if not (path.strip() and region.strip() and reviewer.strip()):
        return  # blank required values are rejected on reading, and mark_review never writes them
    assert content.errors == []
    assert content.entries == {entry.key: entry}


def test_a_review_written_elsewhere_is_seen_without_reloading(root: Path) -> None:
    editor = Project(root)  # e.g. the language server's project, loaded before the review
    assert analyze(editor, root / "app.py").regions[0].review.state == "unreviewed"
    mark_all(Project(root), root / "app.py", reviewer="Grace Hopper")  # e.g. the CLI
    [region] = analyze(editor, root / "app.py").regions
    assert region.review.describe().startswith("reviewed by Grace Hopper on ")
    ledger_path(root).write_text("version: 1\nreviews: [\n", encoding="utf-8")  # a bad hand edit
    assert [e.location.line for e in editor.ledger_errors] == [3]
    assert analyze(editor, root / "app.py").regions[0].review.state == "unreviewed"

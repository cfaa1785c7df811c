"""``stakes init``, ``stakes review status|mark|prune`` and ``stakes scan --changed-since`` end to end."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from stakes.cli import build_parser
from stakes.engine.ledger import ledger_path, read_ledger
from tests.conftest import REPO, write

STAKES = [sys.executable, "-m", "stakes"]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Author",
    "GIT_AUTHOR_EMAIL": "author@example.invalid",
    "GIT_COMMITTER_NAME": "Test Author",
    "GIT_COMMITTER_EMAIL": "author@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}

AUTH = """
import vault


def unlock(name):
    token = vault.unseal(name)
    return token


def plain(a, b):
    return a + b
"""


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(cwd)}
    return subprocess.run([*STAKES, *args], cwd=cwd, capture_output=True, text=True, timeout=180, env=env)


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV, "HOME": str(cwd)}
    done = subprocess.run(["git", "-c", "core.hooksPath=/dev/null", *args], cwd=cwd, capture_output=True, text=True, env=env, check=True)
    return done.stdout


@pytest.fixture
def project(tmp_path: Path, make_pack: Callable[..., Path]) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    make_pack("t", [("unseal", "[python]", "{call: vault.unseal}", "critical")], where=root / ".stakes" / "rules")
    write(root / "app" / "auth.py", AUTH)
    write(root / "app" / "util.py", "def add(a, b):\n    return a + b\n")
    return root


@pytest.fixture
def repo(project: Path) -> Path:
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "first")
    return project


def test_init_writes_a_starter_config_and_never_overwrites(tmp_path: Path) -> None:
    first = run(["init", "--profile", "critical"], tmp_path)
    assert first.returncode == 0, first.stderr
    config = tmp_path / ".stakes" / "config.yaml"
    text = config.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "profile: critical" in text
    config.write_text(text + "# mine\n", encoding="utf-8")
    before = config.read_bytes()
    second = run(["init"], tmp_path)
    assert second.returncode == 1
    assert "not overwriting" in second.stdout
    assert config.read_bytes() == before


def test_mark_status_and_stale_after_one_token(project: Path) -> None:
    status = run(["review", "status"], project)
    assert status.returncode == 0, status.stdout + status.stderr
    assert "unreviewed critical  app/auth.py:4 unlock" in status.stdout
    mark = run(["review", "mark", "app/auth.py:unlock", "--note", "token never logged", "--reviewer", "Ada Lovelace"], project)
    assert mark.returncode == 0, mark.stdout + mark.stderr
    scan = run(["scan", "--format", "json", "app"], project)
    data = json.loads(scan.stdout)
    [region] = [r for r in data["regions"] if r["name"] == "unlock"]
    assert region["review"]["state"] == "reviewed" and region["review"]["reviewer"] == "Ada Lovelace"
    assert {f["severity"] for f in data["findings"] if f["region"]["name"] == "unlock"} == {"hint"}
    assert scan.returncode == 0  # the only critical region is reviewed
    auth = project / "app" / "auth.py"
    auth.write_text(auth.read_text(encoding="utf-8").replace("return token", "return token or None"), encoding="utf-8")
    scan = run(["scan", "app"], project)
    assert scan.returncode == 1
    assert "changed since review by Ada Lovelace on " in scan.stdout
    assert "stale      critical  app/auth.py:4 unlock" in run(["review", "status", "app"], project).stdout


def test_mark_unknown_region_lists_the_regions(project: Path) -> None:
    result = run(["review", "mark", "app/auth.py:nope", "--note", "x"], project)
    assert result.returncode == 2
    assert "no high-stakes region 'nope'" in result.stderr and "unlock" in result.stderr
    assert not ledger_path(project).exists()


def test_prune_drops_entries_of_renamed_regions(project: Path) -> None:
    assert run(["review", "mark", "app/auth.py", "--note", "ok", "--reviewer", "Ada"], project).returncode == 0
    auth = project / "app" / "auth.py"
    auth.write_text(auth.read_text(encoding="utf-8").replace("def unlock", "def unlock_v2"), encoding="utf-8")
    status = run(["review", "status", "app"], project)
    assert "unreviewed critical  app/auth.py:4 unlock_v2" in status.stdout
    assert "1 ledger entries name a file or region that no longer exists" in status.stdout
    dry = run(["review", "prune", "--dry-run"], project)
    assert "would drop app/auth.py:unlock " in dry.stdout
    assert set(read_ledger(project).entries) == {("app/auth.py", "unlock")}
    pruned = run(["review", "prune"], project)
    assert pruned.returncode == 0 and "1 ledger entries removed" in pruned.stdout
    assert read_ledger(project).entries == {}


def test_conflicted_ledger_fails_scan_and_is_never_rewritten(project: Path) -> None:
    path = ledger_path(project)
    path.write_text("version: 1\nreviews:\n<<<<<<< ours\n=======\n>>>>>>> theirs\n", encoding="utf-8")
    before = path.read_bytes()
    scan = run(["scan", "app"], project)
    assert scan.returncode == 2
    assert "reviews.yaml:3:1: the review ledger contains merge-conflict markers" in scan.stdout
    mark = run(["review", "mark", "app/auth.py", "--note", "x"], project)
    assert mark.returncode == 2
    assert path.read_bytes() == before


def test_changed_since_on_a_real_git_history(repo: Path) -> None:
    # Nothing changed since HEAD: nothing to review.
    clean = run(["scan", "--changed-since", "HEAD", "--require-review", "--format", "json"], repo)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert json.loads(clean.stdout)["regions"] == []

    # A reformat-only commit is not a change.
    auth = repo / "app" / "auth.py"
    auth.write_text(auth.read_text(encoding="utf-8").replace("token = vault.unseal(name)", "token = vault.unseal(  name  )  # same"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "reformat")
    reformat = run(["scan", "--changed-since", "HEAD~1", "--require-review", "--format", "json"], repo)
    assert reformat.returncode == 0, reformat.stdout
    assert json.loads(reformat.stdout)["regions"] == []

    # One token changes in the high-stakes function, and a new file arrives: both count.
    auth.write_text(auth.read_text(encoding="utf-8").replace("return token", "return token.strip()"), encoding="utf-8")
    write(repo / "app" / "fresh.py", "import vault\n\n\ndef fresh():\n    return vault.unseal('x')\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")
    changed = run(["scan", "--changed-since", "HEAD~1", "--require-review", "--format", "json"], repo)
    assert changed.returncode == 1, changed.stdout + changed.stderr
    names = {(r["path"], r["name"]) for r in json.loads(changed.stdout)["regions"]}
    assert names == {("app/auth.py", "unlock"), ("app/fresh.py", "fresh")}

    for target in ("app/auth.py:unlock", "app/fresh.py"):
        assert run(["review", "mark", target, "--note", "reviewed in PR", "--reviewer", "Grace"], repo).returncode == 0
    passed = run(["scan", "--changed-since", "HEAD~1", "--require-review"], repo)
    assert passed.returncode == 0, passed.stdout
    assert "reviewed by Grace on " in passed.stdout

    # An untracked new file counts as changed too.
    write(repo / "app" / "draft.py", "import vault\nvault.unseal('y')\n")
    draft = run(["scan", "--changed-since", "HEAD", "--require-review", "--format", "json"], repo)
    assert draft.returncode == 1
    assert {r["path"] for r in json.loads(draft.stdout)["regions"]} == {"app/draft.py"}


def test_changed_since_head_before_the_first_commit_counts_everything(project: Path) -> None:
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")  # staged for the first commit, as a pre-commit hook sees it
    result = run(["scan", "--changed-since", "HEAD", "--require-review", "--format", "json"], project)
    assert result.returncode == 1, result.stderr
    assert {r["name"] for r in json.loads(result.stdout)["regions"]} == {"unlock"}


def test_changed_since_unknown_ref_is_a_usage_error(repo: Path) -> None:
    result = run(["scan", "--changed-since", "no-such-branch"], repo)
    assert result.returncode == 2
    assert "cannot find revision 'no-such-branch'" in result.stderr


def test_changed_since_outside_git_is_a_usage_error(project: Path) -> None:
    result = run(["scan", "--changed-since", "HEAD"], project)
    assert result.returncode == 2
    assert "needs a git repository" in result.stderr


def test_require_review_without_changed_since_checks_every_level(project: Path, make_pack: Callable[..., Path]) -> None:
    write(project / "app" / "low.py", "import vault\n\n\ndef peek():\n    return vault.peek()\n")
    make_pack("e", [("peek", "[python]", "{call: vault.peek}", "elevated")], where=project / ".stakes" / "rules")
    assert run(["review", "mark", "app/auth.py", "--note", "ok"], project).returncode == 0
    assert run(["scan", "app"], project).returncode == 0  # default --fail-on critical
    assert run(["scan", "--require-review", "app"], project).returncode == 1  # the elevated region is unreviewed
    assert run(["scan", "--require-review", "--fail-on", "critical", "app"], project).returncode == 0


def _documented_commands() -> list[str]:
    """Every complete ``stakes ...`` command in the docs' shell blocks and the pre-commit hooks."""
    commands: list[str] = []
    for name in ("review.md", "ci.md", "configuration.md"):
        in_block = False
        for line in (REPO / "docs" / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("```"):
                in_block = line.strip() in ("```sh", "```yaml")
                continue
            text = line.strip().removeprefix("- ").removeprefix("run: ").removeprefix("exec ")
            if in_block and text.startswith("stakes ") and "[" not in text.split("#")[0] and "..." not in text:
                commands.append(text.split("  #")[0].strip())
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    commands += [hook["entry"] for hook in hooks]
    return commands


def test_documented_commands_are_accepted_by_the_cli() -> None:
    commands = _documented_commands()
    assert len(commands) >= 10
    parser = build_parser()
    for command in commands:
        words = [w.replace('"', "") for w in shlex.split(command.replace("${{ github.base_ref }}", "main"))]
        assert words[0] == "stakes", command
        try:
            parser.parse_args(words[1:])
        except SystemExit as exc:  # argparse exits on unknown options
            raise AssertionError(f"documented command does not parse: {command}") from exc

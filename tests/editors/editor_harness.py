"""Shared machinery for the real-editor tests.

Every editor test follows one script so the editors can be compared: open a copy of
``examples/python/shop/crypto_utils.py`` in a throwaway workspace, wait for Stakes' diagnostics,
ask for a hover, then make three edits (insert a line at the top, insert an emoji before a
flagged call on a non-ASCII line, delete a flagged call) and wait for the diagnostics to follow.
A driver written in the editor's own language (Lua, Emacs Lisp, Vim script) performs the steps
and writes what the editor *shows* to a JSON file; the Python side only compares.

The plan is computed here, not in the drivers, so that the expectations (which lines, which
columns in which encoding) live in one place and the drivers stay dumb.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SNIPPETS = HERE / "snippets"
DRIVERS = HERE / "drivers"
EXAMPLE_PACKAGE = REPO / "examples" / "python" / "shop"
EXAMPLE_FILE = "shop/crypto_utils.py"
CALL = "hashlib.md5"
INSERTED_LINE = "# a line inserted by the editor test"
INSERTED_TEXT = "🍰 "

# Generous per-step wait inside the editor; the whole editor process gets a hard limit on top.
STEP_TIMEOUT_MS = 20_000
PROCESS_TIMEOUT_S = 150.0


def in_ci() -> bool:
    """CI sets ``CI=true``; there a missing editor is a broken machine, not a reason to skip."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> NoReturn:
    """Skip locally, fail in CI: the editor tests must never silently vanish from CI."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true, so this fails instead of skipping; .ci/run installs it)")
    pytest.skip(reason)


def stakes_executable() -> Path:
    """The ``stakes`` console script of the interpreter running the tests, else the one on PATH.

    ``STAKES_EXECUTABLE`` overrides both, to run the editors against another build of the server.
    """
    override = os.environ.get("STAKES_EXECUTABLE")
    if override:
        return Path(override)
    beside = Path(sys.executable).parent / "stakes"
    if beside.is_file():
        return beside
    found = shutil.which("stakes")
    if found is None:
        unavailable("the `stakes` command is not installed (pip install -e .)")
    return Path(found)


def program_version(executable: str | Path, pattern: str) -> tuple[int, ...] | None:
    """Run ``executable --version`` and pull a dotted version out with ``pattern``."""
    try:
        out = subprocess.run(
            [str(executable), "--version"], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(pattern, out)
    if match is None:
        return None
    return tuple(int(part) for part in match.group(1).split("."))


def find_program(
    name: str, pattern: str, accept: tuple[int, ...], below: tuple[int, ...] | None, where: Sequence[Path]
) -> tuple[Path, tuple[int, ...]] | None:
    """The first ``name`` in ``where`` (then PATH) whose version is in ``[accept, below)``.

    Two Neovims live on the test machine (0.11 from a wheel next to the interpreter, 0.7 from
    Debian in /usr/bin), so a plain PATH lookup is not enough.
    """
    candidates = [directory / name for directory in where]
    on_path = shutil.which(name)
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if not candidate.is_file():
            continue
        version = program_version(candidate, pattern)
        if version is None or version < accept or (below is not None and version >= below):
            continue
        return candidate, version
    return None


@dataclass(frozen=True)
class ExpectedDiagnostic:
    """One diagnostic the editor must show after a step: 0-based line, columns in each unit."""

    line: int
    code: str
    byte_col: int
    utf16_col: int
    char_col: int
    text: str  # what the diagnostic starts on, for readable failures

    def col(self, unit: str) -> int:
        """The column an editor that counts in ``unit`` should display."""
        return {"byte": self.byte_col, "utf-16": self.utf16_col, "char": self.char_col}[unit]


def columns_of(line_text: str, char_index: int) -> tuple[int, int, int]:
    """(UTF-8 bytes, UTF-16 code units, code points) before ``char_index`` in ``line_text``."""
    prefix = line_text[:char_index]
    return len(prefix.encode("utf-8")), len(prefix.encode("utf-16-le")) // 2, len(prefix)


@dataclass
class Step:
    """One thing the driver does, and what the editor must show after it."""

    name: str
    edit: dict[str, Any] | None
    expected: list[ExpectedDiagnostic]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "edit": self.edit, "lines": sorted({d.line for d in self.expected})}


@dataclass
class Workspace:
    """A throwaway copy of the example package, the file under test and its plan."""

    root: Path
    file: Path
    lines: list[str]
    steps: list[Step] = field(default_factory=list)
    hover_line: int = 0


def scan_json(root: Path, relatives: Sequence[str]) -> list[dict[str, Any]]:
    """What ``stakes scan --format json`` reports for files under ``root`` (the project root)."""
    proc = subprocess.run(
        [str(stakes_executable()), "scan", "--format", "json", "--fail-on", "none", "--root", str(root), *relatives],
        cwd=root, capture_output=True, text=True, timeout=120, check=False,
    )
    # 2 means "rule pack errors": the findings are still complete and still what editors must show
    if proc.returncode not in (0, 2) or not proc.stdout.strip():
        raise AssertionError(f"stakes scan failed ({proc.returncode}): {proc.stderr}")
    findings: list[dict[str, Any]] = json.loads(proc.stdout)["findings"]
    return findings


# (digest of .stakes/, relative path, text) -> expectation; the scans are the slow part of setup
_EXPECTED_CACHE: dict[tuple[str, str, str], list[ExpectedDiagnostic]] = {}


def _stakes_dir_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted((root / ".stakes").rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def expected_for_texts(
    root: Path, relative: str, texts: dict[str, list[str]], scratch: Path
) -> dict[str, list[ExpectedDiagnostic]]:
    """Scan each text as if it were ``relative`` under ``root``; the CLI is the oracle.

    One ``stakes scan`` covers every text: each goes to ``scratch/<name>/<relative>`` beside a
    copy of ``root/.stakes`` (config and packs), so the scan sees the rules the server sees. (The
    extra ``<name>/`` prefix would matter only to path-based config such as zones, which these
    workspaces do not use.)
    """
    state = _stakes_dir_digest(root)
    out: dict[str, list[ExpectedDiagnostic]] = {}
    todo = {}
    for name, lines in texts.items():
        key = (state, relative, "\n".join(lines))
        if key in _EXPECTED_CACHE:
            out[name] = _EXPECTED_CACHE[key]
        else:
            todo[name] = lines
    if not todo:
        return out
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    if (root / ".stakes").is_dir():
        shutil.copytree(root / ".stakes", scratch / ".stakes")
    for name, lines in todo.items():
        target = scratch / name / relative
        target.parent.mkdir(parents=True)
        target.write_text("\n".join(lines), encoding="utf-8")
    found: dict[str, list[ExpectedDiagnostic]] = {name: [] for name in todo}
    for finding in scan_json(scratch, [f"{name}/{relative}" for name in todo]):
        path = Path(finding["path"])
        name = (path.resolve().relative_to(scratch.resolve()) if path.is_absolute() else path).parts[0]
        lines = todo[name]
        line = int(finding["start"]["line"]) - 1
        char_index = int(finding["start"]["column"]) - 1
        byte_col, utf16_col, char_col = columns_of(lines[line], char_index)
        text = lines[line][char_index : char_index + 12]
        found[name].append(ExpectedDiagnostic(line, str(finding["rule"]), byte_col, utf16_col, char_col, text))
    for name, lines in todo.items():
        expected = sorted(found[name], key=lambda d: (d.line, d.char_col, d.code))
        _EXPECTED_CACHE[(state, relative, "\n".join(lines))] = expected
        out[name] = expected
    return out


def expected_for_text(root: Path, relative: str, lines: list[str], scratch: Path) -> list[ExpectedDiagnostic]:
    """``expected_for_texts`` for one text."""
    return expected_for_texts(root, relative, {"text": lines}, scratch)["text"]


def make_workspace(tmp_path: Path, name: str = "ws") -> Workspace:
    """Copy the example package into ``tmp_path/ws`` (a git repo, so editors find a root)."""
    root = tmp_path / name
    shutil.copytree(EXAMPLE_PACKAGE, root / "shop", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(["git", "init", "-q", str(root)], check=True, timeout=30)
    file = root / EXAMPLE_FILE
    return Workspace(root=root, file=file, lines=file.read_text(encoding="utf-8").split("\n"))


def plan_steps(workspace: Workspace, scratch: Path) -> None:
    """Open, then three edits; after each, what ``stakes scan`` says about the edited text.

    The edits aim at an MD5 call on a line with an emoji before it (line 20 of the example):
    insert a line above everything, insert another emoji right before the call (an incremental
    change whose position depends on the encoding), then delete the call.
    """
    lines = workspace.lines
    md5 = [n for n, text in enumerate(lines) if CALL in text]
    emoji = [n for n in md5 if any(ord(c) > 0xFFFF for c in lines[n][: lines[n].index(CALL)])]
    ascii_md5 = [n for n in md5 if lines[n][: lines[n].index(CALL)].isascii()]
    if not emoji or not ascii_md5:
        raise AssertionError(f"{EXAMPLE_FILE} no longer has MD5 on an ASCII line and on an emoji line")
    workspace.hover_line = ascii_md5[0]

    shifted = [INSERTED_LINE, *lines]
    row = emoji[0] + 1
    with_emoji = list(shifted)
    at = with_emoji[row].index(CALL)
    with_emoji[row] = with_emoji[row][:at] + INSERTED_TEXT + with_emoji[row][at:]
    kept = with_emoji[row][: with_emoji[row].index(CALL)].rstrip(" +")
    without = list(with_emoji)
    without[row] = kept
    expect = expected_for_texts(
        workspace.root, EXAMPLE_FILE,
        {"open": lines, "insert_line": shifted, "insert_text": with_emoji, "delete_call": without}, scratch,
    )
    steps = [
        Step("open", None, expect["open"]),
        Step("insert_line", {"kind": "insert_line", "line": 0, "text": INSERTED_LINE}, expect["insert_line"]),
        Step("insert_text", {"kind": "insert_text", "line": row, "before": CALL, "text": INSERTED_TEXT},
             expect["insert_text"]),
        Step("delete_call", {"kind": "replace_line", "line": row, "text": kept}, expect["delete_call"]),
    ]
    if any(d.line == row for d in steps[-1].expected) or not any(d.line == row for d in steps[-2].expected):
        raise AssertionError(f"deleting the call on line {row + 1} should remove its diagnostic")
    workspace.steps = steps


def editor_env(tmp_path: Path) -> dict[str, str]:
    """Environment for an editor: Stakes first on PATH, every config/state/cache dir private."""
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "VIM", "NVIM", "EMACS"))}
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        path = home / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["HOME"] = str(home)
    env["PATH"] = os.pathsep.join([str(stakes_executable().parent), env.get("PATH", "/usr/bin:/bin")])
    env["TERM"] = "dumb"
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    return env


def write_plan(tmp_path: Path, workspace: Workspace, extra: dict[str, Any] | None = None) -> tuple[Path, Path]:
    """Write the driver's instructions; return (plan path, result path)."""
    result = tmp_path / "result.json"
    plan = {
        "root": str(workspace.root),
        "file": str(workspace.file),
        "out": str(result),
        "step_timeout_ms": STEP_TIMEOUT_MS,
        "settle_ms": 800,
        "steps": [step.to_json() for step in workspace.steps],
        # the cursor goes on the "d" of md5: the needle is ASCII, so byte/char offsets agree
        "hover": {"line": workspace.hover_line, "needle": CALL, "offset": len("hashlib.m")},
        **(extra or {}),
    }
    plan_path = tmp_path / "plan.json"
    plan_path.write_text(json.dumps(plan, ensure_ascii=False, indent=1), encoding="utf-8")
    return plan_path, result


def run_editor(
    command: list[str], env: dict[str, str], cwd: Path, result: Path, timeout: float = PROCESS_TIMEOUT_S
) -> dict[str, Any]:
    """Run an editor to completion in its own process group; return its JSON result.

    A hung editor is killed with its whole group (the language server included) and the test
    fails with whatever the editor printed, instead of hanging the suite.
    """
    env = dict(env)
    env["STAKES_EDITOR_TEST_OUT"] = str(result)
    started = time.monotonic()
    proc = subprocess.Popen(
        command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        partial = result.read_text(encoding="utf-8", errors="replace") if result.exists() else "(none)"
        pytest.fail(
            f"{command[0]} did not finish within {timeout:.0f}s\nstderr:\n{_tail(stderr)}\n"
            f"stdout:\n{_tail(stdout)}\npartial result:\n{partial[-3000:]}"
        )
    finally:
        _kill_group(proc.pid)
    elapsed = time.monotonic() - started
    if not result.exists():
        pytest.fail(
            f"{command[0]} exited {proc.returncode} after {elapsed:.1f}s without writing {result.name}\n"
            f"stderr:\n{_tail(stderr)}\nstdout:\n{_tail(stdout)}"
        )
    data: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    data["_elapsed_s"] = round(elapsed, 2)
    data["_stderr"] = _tail(stderr) + _client_logs(env)
    return data


def _client_logs(env: dict[str, str]) -> str:
    """The tail of Neovim's LSP log (the server's stderr lands there), for failure messages."""
    state = env.get("XDG_STATE_HOME")
    if not state:
        return ""
    logs = sorted(Path(state).rglob("lsp.log"))
    return "".join(f"\n--- {log}\n" + log.read_text(encoding="utf-8", errors="replace")[-3000:] for log in logs)


def _kill_group(pid: int) -> None:
    """Reap a language server the editor left behind (same process group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def _tail(data: bytes, limit: int = 4000) -> str:
    return data.decode("utf-8", "replace")[-limit:]


def check_session(result: dict[str, Any], workspace: Workspace, unit: str) -> None:
    """Compare what the editor showed with the plan; one assertion message lists every problem."""
    problems: list[str] = []
    if result.get("error"):
        problems.append(f"driver error: {result['error']}")
    shown = {step["name"]: step for step in result.get("steps") or []}
    for step in workspace.steps:
        got = shown.get(step.name)
        if got is None:
            problems.append(f"{step.name}: step did not run")
            continue
        if got.get("ok") is not True:
            problems.append(f"{step.name}: the editor did not show the expected lines within {STEP_TIMEOUT_MS} ms")
        problems += compare(step.name, got.get("diagnostics") or [], step.expected, unit)
    hover = str((result.get("hover") or {}).get("text") or "")
    region = enclosing_function(workspace.lines, workspace.hover_line)
    if "md5" not in hover.lower() or region not in hover:
        problems.append(
            f"hover on line {workspace.hover_line + 1} shows {hover!r}; expected the MD5 rule and its region {region}"
        )
    assert not problems, "\n".join(problems) + f"\n\neditor stderr:\n{result.get('_stderr', '')}"


def enclosing_function(lines: list[str], line: int) -> str:
    """The name of the ``def`` that encloses ``line``: the region a hover must summarise."""
    for text in reversed(lines[: line + 1]):
        match = re.match(r"\s*(?:async\s+)?def\s+(\w+)", text)
        if match:
            return match.group(1)
    raise AssertionError(f"line {line + 1} is not inside a function")


def compare(name: str, shown: list[dict[str, Any]], expected: list[ExpectedDiagnostic], unit: str) -> list[str]:
    """Problems between what an editor shows and what the scan says, as readable lines.

    The comparison is of multisets of (line, column in the editor's unit, rule), so a duplicate,
    a stale diagnostic, a missing one or a column off by an encoding all show up.
    """
    ours = [d for d in shown if d.get("source") in (None, "stakes")]
    got = sorted((int(d["line"]), int(d["col"]), str(d.get("code") or "?")) for d in ours)
    want = sorted((d.line, d.col(unit), d.code) for d in expected)
    if all(g[2] == "?" for g in got):  # this editor does not expose the code: compare positions only
        want = [(line, col, "?") for line, col, _ in want]
    if got == want:
        return []
    problems = [f"{name}: editor shows {len(got)} Stakes diagnostics, `stakes scan` reports {len(want)}"]
    for item in sorted(set(got) | set(want)):
        if got.count(item) != want.count(item):
            line, col, code = item
            where = next((d.text for d in expected if (d.line, d.col(unit)) == (line, col)), None)
            text = next((d.get("text") for d in ours if (d["line"], d["col"]) == (line, col)), None)
            problems.append(
                f"  line {line + 1} col {col} ({unit}) {code}: shown {got.count(item)}x, expected "
                f"{want.count(item)}x; editor text there {text!r}, scan text {where!r}"
            )
    return problems

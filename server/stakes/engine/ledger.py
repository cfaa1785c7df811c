"""The review ledger, ``.stakes/reviews.yaml``: who reviewed which region, when, and of what code.

One entry per reviewed region (path + qualified region name). Each entry keeps the region's
fingerprint at review time, so a review is current only while the code is token-for-token the
same (reformatting keeps it; any change — by a person or an agent — makes it stale).

The file is shared by the CLI, several editor windows and git merges, so:

- entries are sorted by path and region and written field by field in a fixed order, so two
  branches that review different regions produce separate hunks that merge cleanly;
- every write happens under an exclusive lock on ``.stakes/reviews.yaml.lock`` and re-reads the
  file under that lock, so concurrent writers never lose each other's entries;
- the new file is written to a temporary file and moved into place with ``os.replace``, so a
  reader sees the old or the new ledger, never half of one;
- a ledger that cannot be parsed (merge-conflict markers included) is reported with its line and
  a fix and is never overwritten: every write refuses until a person repairs it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from stakes.engine.assessment import ReviewState
from stakes.engine.config import CONFIG_DIR
from stakes.engine.yamlsource import LocatedDict, LocatedList, YamlSyntaxError, load_yaml_text
from stakes.errors import LedgerError, Location

if TYPE_CHECKING:
    from stakes.engine.project import Project

LEDGER_FILE = "reviews.yaml"
LOCK_SUFFIX = ".lock"
LEDGER_VERSION = 1
ENTRY_KEYS = ("path", "region", "fingerprint", "reviewer", "date", "note", "expires")
REQUIRED_KEYS = ("path", "region", "fingerprint", "reviewer", "date")
LEDGER_SCHEMA_URL = "https://raw.githubusercontent.com/stakes-dev/stakes/main/schemas/reviews.schema.json"
HEADER = (
    f"# yaml-language-server: $schema={LEDGER_SCHEMA_URL}\n"
    "# Stakes review ledger: one entry per reviewed high-stakes region, sorted by path and region.\n"
    "# Written by `stakes review mark` and the editor's \"mark reviewed\"; a review is current while\n"
    "# the region's fingerprint (its tokens, without comments and whitespace) is unchanged.\n"
    "# On a merge conflict keep the entries of both sides and delete the marker lines.\n"
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FINGERPRINT = re.compile(r"^[0-9a-f]{8,64}$")
_DATE_LINE = re.compile(r"^\s*(?:-\s*)?(?:date|expires):\s*(\S+)\s*$")
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})( |$)")


def ledger_path(root: Path) -> Path:
    return root / CONFIG_DIR / LEDGER_FILE


@dataclass(frozen=True)
class ReviewEntry:
    """One person's attestation that one region, with this fingerprint, was reviewed."""

    path: str
    region: str
    fingerprint: str
    reviewer: str
    date: str
    note: str = ""
    expires: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.path, self.region)

    def expired(self, today: dt.date | None = None) -> bool:
        if self.expires is None:
            return False
        return dt.date.fromisoformat(self.expires) < (today or dt.date.today())

    def state_for(self, fingerprint: str, today: dt.date | None = None) -> ReviewState:
        """The review state of the region as it is now."""
        if self.expired(today):
            return ReviewState("stale", self.reviewer, self.date, self.note, expired=self.expires or "")
        state = "reviewed" if fingerprint == self.fingerprint else "stale"
        return ReviewState(state, self.reviewer, self.date, self.note)


@dataclass
class LedgerContent:
    """A parsed ledger: its entries by (path, region), or the errors that stop it being used."""

    entries: dict[tuple[str, str], ReviewEntry] = field(default_factory=dict)
    errors: list[LedgerError] = field(default_factory=list)


# -- reading -----------------------------------------------------------------------------------


def _error(path: Path, where: tuple[int, int], problem: str, fix: str) -> LedgerError:
    return LedgerError(Location(path, *where), problem, fix)


def parse_ledger(text: str, path: Path) -> LedgerContent:
    """Parse ledger text; any problem is a located ``LedgerError`` and no entry is trusted."""
    content = LedgerContent()
    for number, line in enumerate(text.splitlines(), start=1):
        if _CONFLICT.match(line):
            content.errors.append(_error(
                path, (number, 1), "the review ledger contains merge-conflict markers",
                "keep the entries of both sides, delete the <<<<<<< ======= >>>>>>> lines, then run `stakes review status`",
            ))
            return content
    try:
        data = load_yaml_text(text)
    except YamlSyntaxError as exc:
        content.errors.append(_error(path, (exc.line, exc.column), f"YAML syntax error: {exc.message}",
                                     "fix the YAML here; Stakes will not write the ledger until it parses"))
        return content
    except ValueError as exc:  # PyYAML raises this for impossible dates such as 2026-13-45
        number = next((n for n, line in enumerate(text.splitlines(), start=1)
                       if (m := _DATE_LINE.match(line)) and not _valid_date(m.group(1))), 1)
        content.errors.append(_error(path, (number, 1), f"not a valid date: {exc}", "write dates as YYYY-MM-DD, e.g. 2026-12-31"))
        return content
    if data is None:
        return content
    if not isinstance(data, LocatedDict):
        content.errors.append(_error(path, (1, 1), "the ledger must be a mapping with `version` and `reviews`",
                                     "start the file with `version: 1` and `reviews: []`"))
        return content
    for key in data:
        if key not in ("version", "reviews"):
            content.errors.append(_error(path, data.key_where[key], f"unknown key '{key}'", "use version and reviews"))
    version = data.get("version", LEDGER_VERSION)
    if version != LEDGER_VERSION:
        content.errors.append(_error(path, data.key_where.get("version", data.where), f"unsupported ledger version {version!r}",
                                     f"this Stakes reads version {LEDGER_VERSION}; upgrade Stakes"))
    reviews = data.get("reviews") or LocatedList()
    if not isinstance(reviews, LocatedList):
        content.errors.append(_error(path, data.key_where.get("reviews", data.where), "`reviews` must be a list of entries",
                                     "e.g. reviews: [{path: src/auth.py, region: login, fingerprint: ..., reviewer: Ada, date: 2026-01-31}]"))
        return content
    for item, where in zip(reviews, getattr(reviews, "item_where", []), strict=False):
        entry = _entry(item, where, path, content.errors)
        if entry is None:
            continue
        if entry.key in content.entries:
            content.errors.append(_error(path, where, f"a second entry for {entry.path}:{entry.region}",
                                         "keep one entry per region (the newer review) and delete the other"))
            continue
        content.entries[entry.key] = entry
    if content.errors:
        content.entries.clear()
    return content


def _text(value: Any) -> str | None:
    """Accept strings, and the dates/numbers YAML may have turned a hand-written value into."""
    if isinstance(value, str):
        return value
    if isinstance(value, (dt.date, int, float)) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return None


def _entry(item: Any, where: tuple[int, int], path: Path, errors: list[LedgerError]) -> ReviewEntry | None:
    if not isinstance(item, LocatedDict):
        errors.append(_error(path, where, "each review must be a mapping", "give path, region, fingerprint, reviewer and date"))
        return None
    values: dict[str, str | None] = {}
    for key, value in item.items():
        if key not in ENTRY_KEYS:
            errors.append(_error(path, item.key_where[key], f"unknown key '{key}' in a review", f"use: {', '.join(ENTRY_KEYS)}"))
            return None
        text = _text(value) if value is not None else None
        if value is not None and text is None:
            errors.append(_error(path, item.key_where[key], f"`{key}` must be text", f"quote it: {key}: \"...\""))
            return None
        values[key] = text
    for key in REQUIRED_KEYS:
        if not values.get(key):
            errors.append(_error(path, item.where, f"a review without `{key}`", f"add `{key}:` or delete the entry"))
            return None
    for key in ("date", "expires"):
        value = values.get(key)
        if value is not None and not _valid_date(value):
            errors.append(_error(path, item.key_where[key], f"`{key}` must be a date YYYY-MM-DD, not {value!r}", f"e.g. {key}: 2026-12-31"))
            return None
    fingerprint = values["fingerprint"] or ""
    if not _FINGERPRINT.match(fingerprint):
        errors.append(_error(path, item.key_where["fingerprint"], f"`fingerprint` {fingerprint!r} is not a region fingerprint",
                             "re-mark the region with `stakes review mark`"))
        return None
    return ReviewEntry(
        path=values["path"] or "",
        region=values["region"] or "",
        fingerprint=fingerprint,
        reviewer=values["reviewer"] or "",
        date=values["date"] or "",
        note=values.get("note") or "",
        expires=values.get("expires"),
    )


def _valid_date(text: str) -> bool:
    if not _DATE.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def read_ledger(root: Path) -> LedgerContent:
    """Read ``.stakes/reviews.yaml``; a missing file is an empty ledger."""
    path = ledger_path(root)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return LedgerContent()
    except OSError as exc:
        return LedgerContent(errors=[_error(path, (1, 1), f"cannot read the review ledger: {exc.strerror}", "check the file's permissions")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return LedgerContent(errors=[_error(path, (data[: exc.start].count(b"\n") + 1, 1), "the review ledger is not UTF-8", "save it as UTF-8")])
    return parse_ledger(text, path)


# -- writing -----------------------------------------------------------------------------------


def _scalar(value: str) -> str:
    """Plain YAML when it reads back as the same string, else a JSON (double-quoted YAML) string."""
    plain = (
        value
        and value.isprintable()
        and value == value.strip()
        and "\n" not in value
        and not any(marker in value for marker in (": ", " #", "\t"))
        and value[0] not in "!&*?|>'\"%@`{}[],#-<=:"
        and not value.endswith(":")
    )
    if plain:
        try:
            if yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    return _double_quoted(value)


def _double_quoted(value: str) -> str:
    """A YAML double-quoted string; anything not printable (controls, DEL, U+2028, unassigned code
    points) is escaped, since YAML forbids some of these and folds others into line breaks."""
    out = ['"']
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable():
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def render_ledger(entries: dict[tuple[str, str], ReviewEntry]) -> str:
    """The ledger's text: header, version, then entries sorted by path and region, fields in a fixed order."""
    lines = [HEADER.rstrip("\n"), f"version: {LEDGER_VERSION}"]
    ordered = [entries[key] for key in sorted(entries)]
    if not ordered:
        lines.append("reviews: []")
        return "\n".join(lines) + "\n"
    lines.append("reviews:")
    for entry in ordered:
        lines.append(f"  - path: {_scalar(entry.path)}")
        lines.append(f"    region: {_scalar(entry.region)}")
        lines.append(f"    fingerprint: {_scalar(entry.fingerprint)}")
        lines.append(f"    reviewer: {_scalar(entry.reviewer)}")
        lines.append(f"    date: {entry.date}")
        if entry.note:
            lines.append(f"    note: {_scalar(entry.note)}")
        if entry.expires:
            lines.append(f"    expires: {entry.expires}")
    return "\n".join(lines) + "\n"


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    """Hold the ledger's lock file; every writer (CLI, editors) takes it before reading to write."""
    folder = root / CONFIG_DIR
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        with contextlib.suppress(OSError):
            ignore.write_text(f"# the review ledger's lock file is local, never committed\n{LEDGER_FILE}{LOCK_SUFFIX}\n", encoding="utf-8")
    fd = os.open(folder / (LEDGER_FILE + LOCK_SUFFIX), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _lock(fd)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def _write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path`` and move it into place."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temp, path.stat().st_mode & 0o777)
        else:
            os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


Update = Callable[[dict[tuple[str, str], ReviewEntry]], None]


def update_ledger(root: Path, change: Update) -> dict[tuple[str, str], ReviewEntry]:
    """Change the ledger under its lock: re-read, refuse if broken, apply ``change``, write atomically.

    Returns the entries written. Raises ``LedgerError`` (the first problem) and leaves the file
    byte-for-byte untouched when the ledger on disk cannot be parsed.
    """
    with _locked(root):
        content = read_ledger(root)
        if content.errors:
            raise content.errors[0]
        entries = dict(content.entries)
        before = dict(entries)
        change(entries)
        path = ledger_path(root)
        if entries != before or not path.exists():
            _write_atomic(path, render_ledger(entries))
        return entries


# -- the API the CLI and the language server call -----------------------------------------------


def validate_mark(region: str, fingerprint: str, expires: str | None) -> None:
    """Reject values that would make a ledger entry nobody can trust later."""
    from stakes.errors import UsageError

    if not region.strip():
        raise UsageError("a review needs the region's qualified name")
    if not _FINGERPRINT.match(fingerprint):
        raise UsageError(f"{fingerprint!r} is not a region fingerprint")
    if expires is not None and not _valid_date(expires):
        raise UsageError(f"expiry {expires!r} must be a date YYYY-MM-DD")


def mark_review(
    project: Project,
    relative_path: str,
    region: str,
    fingerprint: str,
    reviewer: str,
    note: str,
    expires: str | None = None,
) -> None:
    """Record that ``reviewer`` reviewed ``region`` of ``relative_path`` as it is now (``fingerprint``).

    Replaces an earlier review of the same region. Safe to call from several processes at once;
    raises ``LedgerError`` without touching the file when the ledger cannot be parsed, and
    ``UsageError`` for values that cannot be recorded.
    """
    validate_mark(region, fingerprint, expires)
    entry = ReviewEntry(
        path=relative_path.replace("\\", "/"),
        region=region,
        fingerprint=fingerprint,
        reviewer=reviewer.strip() or project_reviewer(project),
        date=dt.date.today().isoformat(),
        note=" ".join(note.split()),
        expires=expires,
    )

    def put(entries: dict[tuple[str, str], ReviewEntry]) -> None:
        entries[entry.key] = entry

    update_ledger(project.root, put)
    project.ledger.refresh()


class Ledger:
    """The project's view of its ledger: re-read whenever the file changes on disk.

    Lookups check the file's modification stamp, so a review written by another editor window or
    by the CLI is seen at the next assessment without restarting anything.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = ledger_path(root)
        self._stamp: tuple[int, int, int] | None = None
        self._content = LedgerContent()
        self.refresh()

    def _current_stamp(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def refresh(self) -> None:
        """Re-read the file if it changed since the last read."""
        stamp = self._current_stamp()
        if stamp == self._stamp and self._stamp is not None:
            return
        self._stamp = stamp
        self._content = read_ledger(self.root) if stamp is not None else LedgerContent()

    @property
    def errors(self) -> list[LedgerError]:
        self.refresh()
        return list(self._content.errors)

    @property
    def entries(self) -> dict[tuple[str, str], ReviewEntry]:
        self.refresh()
        return dict(self._content.entries)

    def entry(self, relative: str, region: str) -> ReviewEntry | None:
        self.refresh()
        return self._content.entries.get((relative, region))

    def lookup(self, relative: str, region: str, fingerprint: str) -> ReviewState:
        """``ReviewLookup`` for the assessment: the state of a region as it is now."""
        entry = self.entry(relative, region)
        if entry is None:
            return ReviewState()
        return entry.state_for(fingerprint)


# -- who is reviewing ----------------------------------------------------------------------------


def _git_dir(start: Path) -> Path | None:
    """The repository's git folder, following a worktree's ``.git`` file; without running git."""
    for folder in (start, *start.parents):
        dot_git = folder / ".git"
        if dot_git.is_dir():
            return dot_git
        if dot_git.is_file():
            try:
                first = dot_git.read_text(encoding="utf-8").splitlines()[0]
            except (OSError, UnicodeDecodeError, IndexError):
                return None
            if first.startswith("gitdir:"):
                target = Path(first[len("gitdir:"):].strip())
                target = target if target.is_absolute() else folder / target
                common = target / "commondir"
                if common.is_file():
                    with contextlib.suppress(OSError, UnicodeDecodeError):
                        shared = Path(common.read_text(encoding="utf-8").strip())
                        return shared if shared.is_absolute() else (target / shared).resolve()
                return target
            return None
    return None


def git_config_value(path: Path, section: str, key: str) -> str | None:
    """Read ``[section] key = value`` from one git config file (the last value wins, as in git)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    current = ""
    found: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            header = line[1 : line.find("]")] if "]" in line else line[1:]
            current = header.split()[0].split(".")[0].lower() if header.split() else ""
            rest = line[line.find("]") + 1 :].strip() if "]" in line else ""
            if not rest:
                continue
            line = rest
        if current != section or "=" not in line:
            continue
        name, _, value = line.partition("=")
        if name.strip().lower() != key:
            continue
        value = re.split(r"\s[#;]", value.strip(), maxsplit=1)[0].strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        found = value
    return found


def git_user_name(root: Path) -> str | None:
    """``user.name`` from the repository's config, then the global configs; git itself is not run."""
    candidates: list[Path] = []
    git_dir = _git_dir(root)
    if git_dir is not None:
        candidates.append(git_dir / "config")
    home = Path.home()
    candidates.append(home / ".gitconfig")
    xdg = os.environ.get("XDG_CONFIG_HOME") or str(home / ".config")
    candidates.append(Path(xdg) / "git" / "config")
    for candidate in candidates:
        name = git_config_value(candidate, "user", "name")
        if name:
            return name
    return None


def default_reviewer(root: Path, setting: str | None = None, configured: str | None = None) -> str:
    """Who is reviewing: the editor setting or ``--reviewer``, the config's ``reviewer``, git ``user.name``, the OS user."""
    for choice in (setting, configured):
        if choice and choice.strip():
            return choice.strip()
    name = git_user_name(root)
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in a container with an arbitrary uid
        return "unknown"


def project_reviewer(project: Project, setting: str | None = None) -> str:
    """``default_reviewer`` with the project's configured reviewer."""
    return default_reviewer(project.root, setting, project.config.reviewer)


def prune_entries(root: Path, keep: Callable[[ReviewEntry], bool]) -> list[ReviewEntry]:
    """Remove entries for which ``keep`` is false, under the lock; returns the removed entries."""
    removed: list[ReviewEntry] = []

    def drop(entries: dict[tuple[str, str], ReviewEntry]) -> None:
        for key, entry in list(entries.items()):
            if not keep(entry):
                removed.append(entry)
                del entries[key]

    if not ledger_path(root).exists():
        return removed
    update_ledger(root, drop)
    return removed


__all__ = [
    "Ledger",
    "LedgerContent",
    "ReviewEntry",
    "default_reviewer",
    "git_user_name",
    "ledger_path",
    "mark_review",
    "parse_ledger",
    "project_reviewer",
    "prune_entries",
    "read_ledger",
    "render_ledger",
    "update_ledger",
]

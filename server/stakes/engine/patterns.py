"""Name patterns for calls, imports and decorators, and safe regular expressions for the rest.

A name pattern is a dotted name with globs: ``*`` matches within one segment, ``**`` across
segments, and a leading ``*.`` means "any receiver" (``*.set_cookie`` matches ``response.set_cookie``
and ``self.response.set_cookie``). Rule regexes run on google-re2, which guarantees linear time,
so a hostile or careless pack cannot hang the editor with catastrophic backtracking.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import re2


class PatternError(ValueError):
    """A pattern that cannot be compiled; the message says why."""


def _re2_options() -> Any:
    options = re2.Options()
    options.log_errors = False
    return options


_OPTIONS = _re2_options()


_MEMO_LIMIT = 65536


@dataclass(frozen=True)
class SafeRegex:
    """A regular expression compiled with RE2 (linear time), searched anywhere in the text.

    Results are memoised per text: rules test the same identifiers (``self``, ``request``,
    ``user``) thousands of times, and each call into the RE2 binding costs microseconds.
    """

    source: str
    compiled: Any
    memo: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def search(self, text: str) -> bool:
        found = self.memo.get(text)
        if found is None:
            found = self.compiled.search(text) is not None
            if len(self.memo) >= _MEMO_LIMIT:
                self.memo.clear()
            self.memo[text] = found
        return found


def compile_regex(source: str) -> SafeRegex:
    """Compile with RE2; Python-only syntax (backreferences, lookaround) is rejected with a reason."""
    try:
        compiled = re2.compile(source, options=_OPTIONS)
    except re2.error as exc:
        raise PatternError(
            f"regular expression {source!r} is not supported: {exc}. Stakes runs rule regexes with "
            "RE2 (linear time): lookahead, lookbehind and backreferences are not available"
        ) from exc
    return SafeRegex(source, compiled)


def _glob_to_regex(pattern: str) -> str:
    out: list[str] = []
    any_receiver = pattern.startswith("*.") and not pattern.startswith("**")
    body = pattern[2:] if any_receiver else pattern
    i = 0
    while i < len(body):
        if body.startswith("**", i):
            out.append(".*")
            i += 2
        elif body[i] == "*":
            out.append("[^.]*")
            i += 1
        else:
            out.append(re.escape(body[i]))
            i += 1
    prefix = "(?:.+\\.)?" if any_receiver else ""
    return f"^{prefix}{''.join(out)}$"


@dataclass(frozen=True)
class NamePattern:
    """A set of dotted-name globs, compiled into one regular expression on first use.

    Compiling every pack's name patterns up front took a third of loading time (and cold start),
    while most are never consulted: calls are pre-filtered by ``last_segments``.
    """

    sources: tuple[str, ...]
    last_segments: frozenset[str] | None  # for cheap pre-filtering; None when a glob ends the name
    # Index keys for calls: each pattern's fixed last segment, or else its fixed first segment
    # with a trailing dot (``stripe.**`` → ``"stripe."``); None when some pattern has neither.
    keys: frozenset[str] | None = None

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{_glob_to_regex(s)})" for s in self.sources))

    def matches(self, name: str) -> bool:
        return self.regex.match(name) is not None


def compile_names(patterns: str | Iterable[str]) -> NamePattern:
    """Compile one or more name globs (validated: non-empty, no spaces)."""
    sources = (patterns,) if isinstance(patterns, str) else tuple(patterns)
    if not sources:
        raise PatternError("an empty list of names matches nothing; give at least one name")
    lasts: set[str] | None = set()
    keys: set[str] | None = set()
    for source in sources:
        if not isinstance(source, str) or not source.strip() or any(c.isspace() for c in source):
            raise PatternError(f"{source!r} is not a dotted name pattern (e.g. 'hashlib.md5', '*.set_cookie')")
        last = source.rsplit(".", 1)[-1]
        if "*" in last or lasts is None:
            lasts = None
        else:
            lasts.add(last)
        if keys is not None:
            first = source.split(".", 1)[0]
            if "*" not in last:
                keys.add(last)
            elif "." in source and "*" not in first:
                keys.add(first + ".")  # a name this pattern matches starts with "first."
            else:
                keys = None
    return NamePattern(
        sources,
        frozenset(lasts) if lasts is not None else None,
        frozenset(keys) if keys is not None else None,
    )

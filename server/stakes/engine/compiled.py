"""Rules compiled per language: one combined tree-sitter query and a dispatch table by node type.

Compiling happens once per language, on first use, so a Python-only project never pays for the
Java grammar. The combined query's first pattern collects every candidate node type any rule
needs; the following patterns are the rules' raw queries, each owned by one ``QueryMatcher``.
"""

from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import re2
import tree_sitter

from stakes.engine.languages import LANGUAGES, grammar
from stakes.engine.matchers import (
    QUERY_FACT,
    AllMatcher,
    AnyMatcher,
    MatchContext,
    Matcher,
    QueryMatcher,
    RelationalMatcher,
    fact_texts,
    valid_types,
    walk,
)
from stakes.engine.rules import Rule
from stakes.engine.syntax import Syntax, syntax_for
from stakes.errors import Location, PackError

CANDIDATE_CAPTURE = "stakes.candidate"


_SET_MEMO_LIMIT = 65536


@dataclass
class KindFilter:
    """Picks, for one node, the rules of its type that can possibly match it.

    Each rule's necessary condition (``Matcher.prefilter``) names regexes over a fact of the node
    (the names it binds, its definition name, its argument name, its string value). All regexes
    over one fact are compiled into one RE2 set, so a node costs one set match per distinct text
    instead of one Python call per rule; rules without a condition are always tested.
    """

    rules: list[Rule]
    always: list[int]  # positions in ``rules`` tested on every node
    facts: list[tuple[str, Any, list[list[int]], dict[str, tuple[int, ...]]]]  # fact, set, owners, memo
    queries: list[tuple[int, list[int]]] = field(default_factory=list)  # query matcher id → positions
    always_rules: list[Rule] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.always_rules = [self.rules[i] for i in self.always]

    def select(self, node: tree_sitter.Node, ctx: MatchContext) -> list[Rule]:
        chosen: set[int] | None = None
        for fact, regex_set, owners, memo in self.facts:
            for text in fact_texts(fact, node, ctx):
                ids = memo.get(text)
                if ids is None:
                    ids = tuple(regex_set.Match(text) or ())  # None when nothing matches
                    if len(memo) >= _SET_MEMO_LIMIT:
                        memo.clear()
                    memo[text] = ids
                for i in ids:
                    if chosen is None:
                        chosen = set(self.always)
                    chosen.update(owners[i])
        if self.queries:
            node_id = node.id
            for query_id, positions in self.queries:
                if node_id in ctx.query_hits.get(query_id, ()):
                    if chosen is None:
                        chosen = set(self.always)
                    chosen.update(positions)
        if chosen is None:
            return self.always_rules
        return [self.rules[i] for i in sorted(chosen)]


def _set_options() -> Any:
    options = re2.Options()
    options.log_errors = False
    return options


def build_filter(kind: str, rules: list[Rule], syntax: Syntax) -> KindFilter | None:
    """The prefilter for one node type, or ``None`` when no rule of that type has a condition."""
    always: list[int] = []
    grouped: dict[str, list[tuple[str, int]]] = {}  # fact → (regex source, rule position)
    queries: dict[int, list[int]] = {}  # query matcher id → rule positions
    for position, rule in enumerate(rules):
        condition = rule.matcher.prefilter(kind, syntax)
        if condition is None:
            always.append(position)
            continue
        for fact, what in condition:
            if fact == QUERY_FACT:
                queries.setdefault(what.id, []).append(position)
            else:
                grouped.setdefault(fact, []).append((what.source, position))
    if not grouped and not queries:
        return None
    facts: list[tuple[str, Any, list[list[int]], dict[str, tuple[int, ...]]]] = []
    for fact, entries in grouped.items():
        regex_set = re2.Set.SearchSet(_set_options())
        ids: dict[str, int] = {}
        owners: list[list[int]] = []
        try:
            for source, position in entries:
                if source not in ids:
                    ids[source] = regex_set.Add(source)
                    owners.append([])
                owners[ids[source]].append(position)
            regex_set.Compile()
        except Exception:  # a regex RE2 compiles alone but not in a set: test those rules always
            always.extend(position for _source, position in entries)
            continue
        facts.append((fact, regex_set, owners, {}))
    return KindFilter(rules, sorted(set(always)), facts, sorted(queries.items()))


@dataclass
class LanguageRules:
    """Everything needed to match one language's documents."""

    language: str
    syntax: Syntax
    rules: list[Rule]
    query: tree_sitter.Query | None  # the rules' raw queries, each pattern owned (``pattern_owner``)
    dispatch: dict[str, list[Rule]]  # node type → rules whose root matcher can match it
    query_rules: list[tuple[Rule, QueryMatcher]]  # rules whose root is (or starts with) a raw query
    pattern_owner: dict[int, QueryMatcher] = field(default_factory=dict)
    candidate_types: frozenset[str] = frozenset()
    call_index: dict[str, list[Rule]] = field(default_factory=dict)  # callee's last segment → rules
    call_unkeyed: list[Rule] = field(default_factory=list)  # call rules that any callee may match
    # Every node type a rule may test, as one alternation. Kept apart from the raw queries so its
    # nodes come from ``QueryCursor.captures`` (one list) instead of a Python dict per match.
    candidate_query: tree_sitter.Query | None = None
    dispatch_order: list[tuple[str, list[Rule]]] = field(default_factory=list)  # dispatch, by sorted type
    filters: dict[str, KindFilter] = field(default_factory=dict)  # non-call node type → prefilter
    # Findings per top-level statement for incremental matching (see analysis._analyze_by_statement);
    # None when a rule could look across statements (a query on the root node, for example).
    # Keyed by import table, then by statement.
    statement_cache: dict[tuple[tuple[str, str], ...], dict[tuple[object, ...], Any]] | None = None

    def rules_for_call(self, callee: str, qualified: str) -> list[Rule]:
        """The call rules worth testing on a call with this callee (see ``Matcher.call_keys``).

        Keys are last name segments (``md5``) and first segments with a dot (``stripe.``), the
        latter for patterns such as ``stripe.**`` whose end is a glob.
        """
        index = self.call_index
        keys = dict.fromkeys(  # ordered and deduplicated, so rules are tried in a fixed order
            (
                callee.rsplit(".", 1)[-1],
                qualified.rsplit(".", 1)[-1],
                callee.split(".", 1)[0] + ".",
                qualified.split(".", 1)[0] + ".",
            )
        )
        found: list[Rule] = []
        for key in keys:
            rules = index.get(key)
            if rules:
                found.extend(r for r in rules if r not in found)
        return self.call_unkeyed + found if found else self.call_unkeyed


_WILDCARD_ROOT = re.compile(r"^\s*\(+\s*_[\s)]", re.MULTILINE)


def statements_are_independent(lang: tree_sitter.Language, candidate_types: set[str], sources: list[str], query: tree_sitter.Query | None) -> bool:
    """Whether matching each top-level statement alone gives the same findings as the whole file.

    True unless some rule can match the root node itself or a pattern spanning several
    statements: a candidate type or query naming the root type (Go and Java packs ask "does this
    file import X?" that way), a wildcard pattern root, or an unrooted pattern.
    """
    root_type = tree_sitter.Parser(lang).parse(b"").root_node.type
    if root_type in candidate_types:
        return False
    if any(f"({root_type}" in source or _WILDCARD_ROOT.search(source) for source in sources):
        return False
    return query is None or all(query.is_pattern_rooted(i) for i in range(query.pattern_count))


def _query_roots(matcher: Matcher) -> list[QueryMatcher]:
    return [m for m in walk(matcher) if isinstance(m, QueryMatcher)]


def _root_queries(matcher: Matcher) -> list[QueryMatcher]:
    """Queries that decide which node the rule reports: the root, its ``base``, or its alternatives.

    Queries under ``inside``/``has`` only describe surroundings and are not candidates.
    """
    if isinstance(matcher, QueryMatcher):
        return [matcher]
    if isinstance(matcher, RelationalMatcher):
        return _root_queries(matcher.base)
    if isinstance(matcher, (AnyMatcher, AllMatcher)):
        parts = matcher.options if isinstance(matcher, AnyMatcher) else matcher.parts
        return [q for part in parts for q in _root_queries(part)]
    return []


class CompiledRules:
    """A rule set compiled lazily per language; safe to share between threads."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = [r for r in rules if r.enabled]
        self.by_id = {r.id: r for r in rules}
        self.errors: list[PackError] = []
        self._languages: dict[str, LanguageRules] = {}
        self._lock = threading.Lock()
        next_id = 1
        for rule in self.rules:
            for query in _query_roots(rule.matcher):
                query.id = next_id
                next_id += 1

    def for_language(self, language: str) -> LanguageRules:
        with self._lock:
            compiled = self._languages.get(language)
            if compiled is None:
                compiled = self._compile(language)
                self._languages[language] = compiled
            return compiled

    @staticmethod
    def _sources(rule: Rule, language: str) -> list[tuple[QueryMatcher, str]]:
        """The rule's raw queries for this language (TSX uses the TypeScript ones)."""
        out = []
        for query in _query_roots(rule.matcher):
            source = query.sources.get(language) or query.sources.get("typescript" if language == "tsx" else language, "")
            if source:
                out.append((query, source))
        return out

    def _valid(self, lang: tree_sitter.Language, language: str, rule: Rule, sources: list[tuple[QueryMatcher, str]]) -> bool:
        """Compile a rule's queries alone; record a pack error naming the rule if one fails."""
        for _query, source in sources:
            try:
                tree_sitter.Query(lang, source)
            except (tree_sitter.QueryError, ValueError) as exc:
                self.errors.append(
                    PackError(
                        Location(Path(rule.location.path), rule.location.line, rule.location.column),
                        f"rule '{rule.id}': tree-sitter query does not compile for {language}: {exc}",
                        "check node and field names with `tree-sitter parse` or the grammar's node-types.json",
                    )
                )
                return False
        return True

    @staticmethod
    def _combine(
        lang: tree_sitter.Language,
        syntax: Syntax,
        rules: list[Rule],
        sources: dict[int, list[tuple[QueryMatcher, str]]],
    ) -> tuple[bool, tree_sitter.Query | None, dict[int, QueryMatcher], set[str]]:
        """One query holding every raw query of the language; candidates are collected apart.

        Returns ``(False, …)`` when some raw query does not compile. Each pattern's owner is
        found from where the pattern starts in the combined text.
        """
        all_types: set[str] = set()
        for rule in rules:
            for matcher in walk(rule.matcher):
                all_types |= valid_types(matcher.node_types(syntax), lang)
        parts: list[str] = []
        starts: list[int] = []
        owners: list[QueryMatcher] = []
        offset = 0
        for rule in rules:
            for query, source in sources[id(rule)]:
                parts.append(source)
                starts.append(offset)
                owners.append(query)
                offset += len(source.encode("utf-8")) + 1
        if not parts:
            return True, None, {}, all_types
        try:
            combined = tree_sitter.Query(lang, "\n".join(parts))
        except (tree_sitter.QueryError, ValueError):
            return False, None, {}, all_types
        owner: dict[int, QueryMatcher] = {}
        for index in range(combined.pattern_count):
            owner[index] = owners[bisect.bisect_right(starts, combined.start_byte_for_pattern(index)) - 1]
        return True, combined, owner, all_types

    def _compile(self, language: str) -> LanguageRules:
        lang = grammar(language)
        syntax = syntax_for(LANGUAGES[language].syntax)
        rules = [r for r in self.rules if language in r.languages]
        sources = {id(rule): self._sources(rule, language) for rule in rules}
        # Compiling a tree-sitter query with predicates is the costliest step of loading (it
        # shows in cold start), so compile every rule's query once, together, and validate rule
        # by rule only when that fails, to say which rule is broken.
        ok, combined, owner, all_types = self._combine(lang, syntax, rules, sources)
        if not ok:
            rules = [r for r in rules if self._valid(lang, language, r, sources[id(r)])]
            _, combined, owner, all_types = self._combine(lang, syntax, rules, sources)
        usable = rules
        raw_sources = [(query, source, rule) for rule in usable for query, source in sources[id(rule)]]
        dispatch: dict[str, list[Rule]] = {}
        query_rules: list[tuple[Rule, QueryMatcher]] = []
        for rule in usable:
            root_types = valid_types(rule.matcher.node_types(syntax), lang)
            for kind in root_types:
                dispatch.setdefault(kind, []).append(rule)
            # Nodes found by a raw query the rule's root can match (directly, or as an
            # alternative of ``any``/``all``) are candidates too, whatever their type.
            query_rules.extend((rule, query) for query in _root_queries(rule.matcher))
        call_index: dict[str, list[Rule]] = {}
        call_unkeyed: list[Rule] = []
        call_rules = {id(r): r for kind in syntax.call_types for r in dispatch.get(kind, [])}
        for rule in call_rules.values():
            keys = rule.matcher.call_keys(syntax)
            if keys is None:
                call_unkeyed.append(rule)
            else:
                for key in keys:
                    call_index.setdefault(key, []).append(rule)
        independent = statements_are_independent(lang, all_types, [s for _q, s, _r in raw_sources], combined)
        return LanguageRules(
            language=language,
            syntax=syntax,
            rules=usable,
            query=combined,
            dispatch=dispatch,
            query_rules=query_rules,
            pattern_owner=owner,
            candidate_types=frozenset(all_types),
            call_index=call_index,
            call_unkeyed=call_unkeyed,
            candidate_query=(
                tree_sitter.Query(lang, "[" + " ".join(f"({kind})" for kind in sorted(all_types)) + f"] @{CANDIDATE_CAPTURE}")
                if all_types
                else None
            ),
            dispatch_order=sorted(dispatch.items()),
            filters={
                kind: kind_filter
                for kind, kind_rules in dispatch.items()
                if kind not in syntax.call_types and (kind_filter := build_filter(kind, kind_rules, syntax)) is not None
            },
            statement_cache={} if independent else None,
        )

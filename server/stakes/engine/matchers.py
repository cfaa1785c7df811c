"""Matchers: the cross-language vocabulary rule authors write under ``match:``.

A match spec is a mapping with exactly one *atomic* key (what to recognise) and optional
*relational* keys (where it must or must not be)::

    match:
      call: [hashlib.md5, hashlib.sha1]       # atomic
      not-has: {argument: {name: usedforsecurity, value: "False"}}
      not-inside: {definition: "(?i)cache|etag"}

Atomic keys: call, import, definition, parameter, assignment, field, string, secret, decorator,
argument, comparison, query, any, all. Relational keys: inside, not-inside, has, not-has.

Each matcher says which node types it can match in a language (so the engine collects candidates
with one query per language) and tests one candidate node, returning the node to report (the
"focus") or ``None``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import tree_sitter
from tree_sitter import Node

from stakes.engine import secrets
from stakes.engine.patterns import (
    NamePattern,
    PatternError,
    SafeRegex,
    compile_names,
    compile_regex,
)
from stakes.engine.syntax import ImportTable, Syntax, node_text

ATOMIC_KEYS = (
    "call",
    "import",
    "definition",
    "parameter",
    "assignment",
    "field",
    "string",
    "secret",
    "decorator",
    "argument",
    "comparison",
    "query",
    "any",
    "all",
)
RELATION_KEYS = ("inside", "not-inside", "has", "not-has")


class SpecError(ValueError):
    """A match spec is malformed; ``key`` names the offending key for locating the error."""

    def __init__(self, message: str, key: str | None = None, fix: str = "") -> None:
        super().__init__(message)
        self.key = key
        self.fix = fix


@dataclass
class CandidateIndex:
    """Candidate nodes of a document grouped by type and sorted by position, for ``has``."""

    by_type: dict[str, list[Node]] = field(default_factory=dict)
    starts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, node: Node) -> None:
        self.by_type.setdefault(node.type, []).append(node)

    def finish(self) -> None:
        for kind, nodes in self.by_type.items():
            nodes.sort(key=lambda n: (n.start_byte, -n.end_byte))
            self.starts[kind] = [n.start_byte for n in nodes]

    def within(self, kinds: frozenset[str], start: int, end: int) -> list[Node]:
        """Candidates of the given types lying inside ``[start, end)``."""
        out: list[Node] = []
        for kind in kinds:
            starts = self.starts.get(kind)
            if not starts:
                continue
            nodes = self.by_type[kind]
            i = bisect.bisect_left(starts, start)
            while i < len(nodes) and nodes[i].start_byte < end:
                if nodes[i].end_byte <= end:
                    out.append(nodes[i])
                i += 1
        return out


@dataclass
class MatchContext:
    """Everything matchers need about one document."""

    syntax: Syntax
    imports: ImportTable
    candidates: CandidateIndex
    query_hits: dict[int, dict[int, Node]]  # query matcher id → node id → focus node
    _callees: dict[int, tuple[str, str]] = field(default_factory=dict)
    # Per-node facts many rules ask for (names bound, string values, definitions …), keyed by
    # (what, node id): dozens of rules test the same node and each extraction walks the tree.
    _facts: dict[tuple[str, int], Any] = field(default_factory=dict)

    def fact(self, what: str, node: Node) -> Any:
        """``syntax.<what>(node)`` computed once per node and memoised for this document.

        List-valued facts are returned as ``(name node, text)`` pairs so each node's text is
        decoded once too.
        """
        key = (what, node.id)
        try:
            return self._facts[key]
        except KeyError:
            pass
        value = getattr(self.syntax, what)(node)
        if what in _NAME_LISTS:
            value = [(name, node_text(name)) for name in value]
        self._facts[key] = value
        return value

    def callee(self, node: Node) -> tuple[str, str]:
        """A call's dotted callee and its import-qualified form, computed once per node.

        Many rules test the same call node; without this each would re-walk the callee.
        """
        cached = self._callees.get(node.id)
        if cached is None:
            raw = self.syntax.callee(node)
            cached = (raw, self.imports.qualify(raw))
            self._callees[node.id] = cached
        return cached


_NAME_LISTS = frozenset({"parameters", "assigned_names", "field_names"})
_NAME_LIST_FACT = {"parameter": "parameters", "assignment": "assigned_names", "field": "field_names"}


# (fact, regex): "some text of this fact of the node matches this regex"; see ``fact_texts``.
# (QUERY_FACT, query matcher): "the query reported this node".
Condition = list[tuple[str, Any]]
QUERY_FACT = "query"


def fact_texts(fact: str, node: Node, ctx: MatchContext) -> list[str]:
    """The texts a prefilter condition looks at, from the memoised per-node facts."""
    if fact in _NAME_LISTS:
        return [text for _name, text in ctx.fact(fact, node)]
    if fact == "definition":
        definition = ctx.fact("definition", node)
        return [definition.name] if definition is not None and definition.name else []
    if fact == "argument":
        arg = ctx.fact("argument", node)
        return [arg[0]] if arg is not None else []
    if fact == "comparison":
        operands = ctx.fact("comparison", node)
        return [node_text(operands[0]), node_text(operands[2])] if operands is not None else []
    value = ctx.fact(fact, node)  # string_value
    return [value] if value is not None else []


@dataclass
class Hit:
    """A successful test: the node to report and the text that names the construct."""

    focus: Node
    matched: str
    secret: bool = False


class Matcher:
    """Base class. ``types`` is resolved per language when a rule set is compiled."""

    def node_types(self, syntax: Syntax) -> frozenset[str]:
        raise NotImplementedError

    def call_keys(self, syntax: Syntax | None = None) -> frozenset[str] | None:
        """Last name segments a call must have to match (``None``: any call may match).

        Lets the engine test a call node only against the rules that could match it. With
        ``syntax``, alternatives that cannot match a call node at all are left out.
        """
        return None

    def test(self, node: Node, ctx: MatchContext) -> Hit | None:
        raise NotImplementedError

    def prefilter(self, kind: str, syntax: Syntax) -> Condition | None:
        """A necessary condition for matching a node of type ``kind``: some text of one of the
        listed facts matches one of the listed regexes (empty: it can never match).

        ``None`` means no such condition is known and the matcher must always be tested. The
        engine evaluates every rule's conditions for a node with one RE2 set per fact, so rules
        whose names cannot match are never called. By default: nothing known, except that a
        matcher never matches a type outside ``node_types`` (``any`` tries an alternative only on
        its own types; ``all`` is dispatched only on types every part has).
        """
        return None if kind in self.node_types(syntax) else []

    def children(self) -> Sequence[Matcher]:
        return ()


def _regex(value: Any, key: str) -> SafeRegex:
    if not isinstance(value, str) or not value:
        raise SpecError(f"'{key}' needs a regular expression string", key, f"e.g. {key}: \"(?i)password\"")
    try:
        return compile_regex(value)
    except PatternError as exc:
        raise SpecError(str(exc), key, "rewrite the expression without lookaround or backreferences") from exc


def _names(value: Any, key: str) -> NamePattern:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SpecError(f"'{key}' needs a name or a list of names", key, f"e.g. {key}: [hashlib.md5, hashlib.sha1]")
    try:
        return compile_names(value)
    except PatternError as exc:
        raise SpecError(str(exc), key) from exc


def _check_keys(spec: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
    for key in spec:
        if key not in allowed:
            raise SpecError(
                f"unknown key '{key}' in {where}", key, f"use one of: {', '.join(allowed)}"
            )


@dataclass
class CallMatcher(Matcher):
    """Calls (and constructor calls) by qualified name, resolved through the file's imports."""

    names: NamePattern

    def node_types(self, syntax: Syntax) -> frozenset[str]:
        return syntax.call_types

    def call_keys(self, syntax: Syntax | None = None) -> frozenset[str] | None:
        return self.names.keys

    def test(self, node: Node, ctx: MatchContext) -> Hit | None:
        callee, qualified = ctx.callee(node)
        lasts = self.names.last_segments
        if (
            lasts is not None
            and qualified.rsplit(".", 1)[-1] not in lasts
            and callee.rsplit(".", 1)[-1] not in lasts
        ):
            return None
        if self.names.matches(qualified) or (qualified != callee and self.names.matches(callee)):
            return Hit(ctx.syntax.call_focus(node), qualified)
        return None


@dataclass
class ImportMatcher(Matcher):
    """Import statements (and ``require``) of matching modules or members."""

    names: NamePattern

    def node_types(self, syntax: Syntax) -> frozenset[str]:
        return syntax.import_types

    def test(self, node: Node, ctx: MatchContext) -> Hit | None:
        for module in ctx.syntax.imported_modules(node):
            if self.names.matches(module):
                return Hit(node, module)
        return None


@dataclass
class DefinitionMatcher(Matcher):
    """Functions, methods and classes whose name matches."""

    name: SafeRegex
    kinds: frozenset[str] | None = None

    def node_types(self, syntax: Syntax) -> frozenset[str]:
        return syntax.definition_types

    def prefilter(self, kind: str, syntax: Syntax) -> Condition | None:
        return [("definition", self.name)] if kind in syntax.definition_types else []

    def test(self, node: Node, ctx: MatchContext) -> Hit | None:
        definition = ctx.fact("definition", node)
        if definition is None or not definition.name:
            return None
        if self.kinds is not None and definition.kind not in self.kinds:
            return None
        if not self.name.search(definition.name):
            return None
        focus = node.child_by_field_name("name") or node
        return Hit(focus, definition.name)


@dataclass
class NameListMatcher(Matcher):
    """Parameters, assignment targets or fields whose name matches."""

    name: SafeRegex
    kind: str  # parameter | assignment | field

    def node_types(self, syntax: Syntax) -> frozenset[str]:
        return {
            "parameter": syntax.parameter_types,
            "assignment": syntax.assignment_types,
            "field": syntax.field_types,
        }[self.kind]

    def prefilter(self, kind: str, syntax: Syntax) -> Condition | None:
        return [(_NAME_LIST_FACT[self.kind], self.name)] if kind in self.node_types(syntax) else []

    def test(self, node: Node, ctx: MatchContext) -> Hit | None:
        search = self.name.search
        for name, text in ctx.fact(_NAME_LIST_FACT[self.kind], node):
            if search(text):
                return Hit(name, text)
        return None


@dataclass
class StringMatcher(Matcher):
    """String literals by content pattern, length and entropy, optionally by where they go."""

    pattern: SafeRegex | None
    min_length: int
    min_entropy: float | None
    assigned_to: SafeRegex | None
    sensitive: bool  # mask the value in messages

    def node_types(self, syntax: Syntax) -> frozenset[str]:
        return syntax.string_types

    def prefilter(self, kind: str, syntax: Syntax) -> Condition | None:
        if kind not in syntax.string_types:
            return []
        return [("string_value", self.pattern)] if self.pattern is not None else None

    def test(self, node: Node, ctx: MatchContext) -> Hit | None:
        value = ctx.fact("string_value", node)
        if value is None or len(value) < self.min_length:
            return None
        if self.pattern is not None and not self.pattern.search(value):
            return None
        if self.min_entropy is not None and secrets.shannon_entropy(value) < self.min_entropy:
            return None
        if self.assigned_to is not None:
            binding = ctx.fact("binding_name", node)
            if binding is None or not self.assigned_to.search(binding):
                return None
        shown = secrets.mask(value) if self.sensitive else value[:60]
        return Hit(node, shown, secret=self.sensitive)


@dataclass
class SecretMatcher(Matcher):
    """Hard-coded secrets: well-known token formats, or random-looking values given secret names."""

    def node_types(self, syntax: Syntax) -> frozenset[str]:
        return syntax.string_types

    def test(self, node: Node, ctx: MatchContext) -> Hit | None:
        value = ctx.fact("string_value", node)
        if value is None or len(value) < 8:
            return None
        fmt = secrets.known_format(value)
        if fmt is None:
            binding = ctx.fact("binding_name", node)
            if binding is None or not secrets.SECRET_NAME.search(binding):
                return None
            if not secrets.looks_random(value):
                return None
            fmt = f"high-entropy value for '{binding}'"
        return Hit(node, f"{fmt} {secrets.mask(value)}", secret=True)


@dataclass
class DecoratorMatcher(Matcher):
    """Decorators and annotations by qualified name."""

    names: NamePattern

    def node_types(self, syntax: Syntax) -> frozenset[str]:
        return syntax.decorator_types

    def test(self, node: Node, ctx: MatchContext) -> Hit | None:
        name = ctx.syntax.decorator_name(node)
        qualified = ctx.imports.qualify(name)
        if self.names.matches(qualified) or self.names.matches(name):
            return Hit(node, qualified)
        return None


@dataclass
class ArgumentMatcher(Matcher):
    """Keyword arguments, option-object properties passed to calls, struct-literal keys."""

    name: SafeRegex
    value: SafeRegex | None

    def node_types(self, syntax: Syntax) -> frozenset[str]:
        return syntax.argument_types

    def prefilter(self, kind: str, syntax: Syntax) -> Condition | None:
        return [("argument", self.name)] if kind in syntax.argument_types else []

    def test(self, node: Node, ctx: MatchContext) -> Hit | None:
        arg = ctx.fact("argument", node)
        if arg is None:
            return None
        name, value = arg
        if not self.name.search(name):
            return None
        value_text = node_text(value)
        if self.value is not None and not self.value.search(value_text):
            return None
        return Hit(node, f"{name}={value_text[:40]}")


@dataclass
class ComparisonMatcher(Matcher):
    """Comparisons whose two operands match the two patterns, in either order.

    Equality (``==``, ``!=``, ``===``, ``is``…) by default; ``operators`` widens it to ordering,
    for checks such as ``exp < now`` or ``len(key) < 32``. Either order is accepted because
    ``now > exp`` and ``exp < now`` are the same check.
    """

    left: SafeRegex
    right: SafeRegex
    operators: frozenset[str] | None = None  # None: the language's equality operators

    def node_types(self, syntax: Syntax) -> frozenset[str]:
        return syntax.comparison_types

    def prefilter(self, kind: str, syntax: Syntax) -> Condition | None:
        # One operand must match ``left`` (the other ``right``), in either order.
        return [("comparison", self.left)] if kind in syntax.comparison_types else []

    def test(self, node: Node, ctx: MatchContext) -> Hit | None:
        operands = ctx.fact("comparison", node)
        if operands is None:
            return None
        operator = operands[1]
        allowed = self.operators if self.operators is not None else ctx.syntax.equality_operators
        if operator not in allowed:
            return None
        a, b = node_text(operands[0]), node_text(operands[2])
        if (self.left.search(a) and self.right.search(b)) or (self.left.search(b) and self.right.search(a)):
            return Hit(node, f"{a} {operator} {b}"[:80])
        return None


@dataclass
class QueryMatcher(Matcher):
    """A raw tree-sitter query per language; the ``@match`` capture (or the first) is reported."""

    sources: dict[str, str]  # language id → query text
    id: int = 0
    compiled_types: dict[str, frozenset[str]] = field(default_factory=dict)

    def node_types(self, syntax: Syntax) -> frozenset[str]:
        return frozenset()  # hits come from the combined query, not from candidates

    def prefilter(self, kind: str, syntax: Syntax) -> Condition | None:
        return [(QUERY_FACT, self)]  # the node must be one this query reported

    def test(self, node: Node, ctx: MatchContext) -> Hit | None:
        hits = ctx.query_hits.get(self.id)
        if not hits:
            return None
        focus = hits.get(node.id)
        return Hit(focus, node_text(focus)[:60]) if focus is not None else None


@dataclass
class AnyMatcher(Matcher):
    """The first alternative that matches."""

    options: list[Matcher]
    # (syntax, node type) → the options that can match that type, in order
    _by_type: dict[tuple[int, str], list[Matcher]] = field(default_factory=dict, repr=False, compare=False)

    def node_types(self, syntax: Syntax) -> frozenset[str]:
        return frozenset().union(*(m.node_types(syntax) for m in self.options))

    def call_keys(self, syntax: Syntax | None = None) -> frozenset[str] | None:
        # ``test`` tries an option on a call only if the option can match calls. A raw query's
        # nodes are tested through the query's own hits (``LanguageRules.query_rules``), so a
        # query alternative does not make every call a candidate.
        keys = [
            m.call_keys(syntax)
            for m in self.options
            if syntax is None or (not _uses_query(m) and m.node_types(syntax) & syntax.call_types)
        ]
        if any(k is None for k in keys):
            return None
        return frozenset().union(*(k for k in keys if k is not None))

    def prefilter(self, kind: str, syntax: Syntax) -> Condition | None:
        out: Condition = []
        for option in self.options:
            condition = option.prefilter(kind, syntax)
            if condition is None:
                return None
            out.extend(condition)
        return out

    def test(self, node: Node, ctx: MatchContext) -> Hit | None:
        kind = node.type
        key = (id(ctx.syntax), kind)
        options = self._by_type.get(key)
        if options is None:
            options = [
                m for m in self.options if _uses_query(m) or kind in m.node_types(ctx.syntax)
            ]
            self._by_type[key] = options
        for option in options:
            hit = option.test(node, ctx)
            if hit is not None:
                return hit
        return None

    def children(self) -> Sequence[Matcher]:
        return self.options


@dataclass
class AllMatcher(Matcher):
    """Every part matches the same node; the first part's hit is reported."""

    parts: list[Matcher]

    def call_keys(self, syntax: Syntax | None = None) -> frozenset[str] | None:
        for part in self.parts:
            keys = part.call_keys(syntax)
            if keys is not None:
                return keys  # every part must match, so this part's keys are required
        return None

    def node_types(self, syntax: Syntax) -> frozenset[str]:
        typed = [m.node_types(syntax) for m in self.parts if not _uses_query(m)]
        if not typed:
            return frozenset()
        out = typed[0]
        for kinds in typed[1:]:
            out = out & kinds
        return out

    def prefilter(self, kind: str, syntax: Syntax) -> Condition | None:
        for part in self.parts:  # every part must match, so any part's condition is necessary
            condition = part.prefilter(kind, syntax)
            if condition is not None:
                return condition
        return None

    def test(self, node: Node, ctx: MatchContext) -> Hit | None:
        first: Hit | None = None
        for part in self.parts:
            hit = part.test(node, ctx)
            if hit is None:
                return None
            first = first or hit
        return first

    def children(self) -> Sequence[Matcher]:
        return self.parts


@dataclass
class RelationalMatcher(Matcher):
    """An atomic matcher narrowed by ``inside`` / ``not-inside`` / ``has`` / ``not-has``."""

    base: Matcher
    inside: Matcher | None = None
    not_inside: Matcher | None = None
    has: Matcher | None = None
    not_has: Matcher | None = None

    def node_types(self, syntax: Syntax) -> frozenset[str]:
        return self.base.node_types(syntax)

    def call_keys(self, syntax: Syntax | None = None) -> frozenset[str] | None:
        return self.base.call_keys(syntax)

    def prefilter(self, kind: str, syntax: Syntax) -> Condition | None:
        return self.base.prefilter(kind, syntax)

    def test(self, node: Node, ctx: MatchContext) -> Hit | None:
        hit = self.base.test(node, ctx)
        if hit is None:
            return None
        if self.inside is not None and not _has_ancestor(node, self.inside, ctx):
            return None
        if self.not_inside is not None and _has_ancestor(node, self.not_inside, ctx):
            return None
        if self.has is not None and not _has_descendant(node, self.has, ctx):
            return None
        if self.not_has is not None and _has_descendant(node, self.not_has, ctx):
            return None
        return hit

    def children(self) -> Sequence[Matcher]:
        return [m for m in (self.base, self.inside, self.not_inside, self.has, self.not_has) if m is not None]


def _has_ancestor(node: Node, matcher: Matcher, ctx: MatchContext) -> bool:
    kinds = matcher.node_types(ctx.syntax)
    # A query anywhere in the relation (``not-inside: {any: [{query: ...}, ...]}``) can match
    # an ancestor of any type, so the type filter would skip the very nodes it reports.
    any_type = _contains_query(matcher)
    # Decorators and annotations are children of the definition, not ancestors of its body, so
    # "inside a function decorated with X" looks at the decorators of each enclosing node.
    decorators = bool(kinds & ctx.syntax.decorator_types)
    parent = node.parent
    while parent is not None:
        if (any_type or parent.type in kinds) and matcher.test(parent, ctx) is not None:
            return True
        if decorators and any(matcher.test(d, ctx) is not None for d in _decorators_of(parent, ctx.syntax)):
            return True
        parent = parent.parent
    return False


def _decorators_of(node: Node, syntax: Syntax) -> list[Node]:
    """Decorators or annotations attached to ``node``.

    Grammars differ: Python wraps them with the definition (children), Java puts them in the
    definition's ``modifiers``, TypeScript leaves them as the class-body siblings just before it.
    """
    found: list[Node] = []
    # A JavaScript/TypeScript class body holds its members' decorators, which are not its own.
    for child in node.children if node.type != "class_body" else ():
        if child.type in syntax.decorator_types:
            found.append(child)
        elif child.type == "modifiers":
            found.extend(c for c in child.children if c.type in syntax.decorator_types)
    sibling = node.prev_named_sibling
    while sibling is not None and sibling.type in syntax.decorator_types:
        found.append(sibling)
        sibling = sibling.prev_named_sibling
    return found


def _has_descendant(node: Node, matcher: Matcher, ctx: MatchContext) -> bool:
    if _uses_query(matcher):
        hits = ctx.query_hits.get(_first_query(matcher).id, {})
        inside = [
            n for n in hits.values()
            if node.start_byte <= n.start_byte and n.end_byte <= node.end_byte and n.id != node.id
        ]
        if isinstance(matcher, RelationalMatcher):  # the query's own relations still apply
            return any(matcher.test(n, ctx) is not None for n in inside)
        return bool(inside)
    kinds = matcher.node_types(ctx.syntax)
    candidates = ctx.candidates.within(kinds, node.start_byte, node.end_byte)
    if _contains_query(matcher):
        # Nodes a nested query reported are candidates too, whatever their type.
        for query in _queries_in(matcher):
            candidates.extend(
                n
                for n in ctx.query_hits.get(query.id, {}).values()
                if node.start_byte <= n.start_byte and n.end_byte <= node.end_byte
            )
    for candidate in candidates:
        if candidate.id != node.id and matcher.test(candidate, ctx) is not None:
            return True
    return False


def _queries_in(matcher: Matcher) -> list[QueryMatcher]:
    """Every raw query nested anywhere in ``matcher`` (memoised on the matcher object)."""
    cached: list[QueryMatcher] | None = getattr(matcher, "_nested_queries", None)
    if cached is None:
        cached = [m for m in walk(matcher) if isinstance(m, QueryMatcher)]
        object.__setattr__(matcher, "_nested_queries", cached)
    return cached


def _contains_query(matcher: Matcher) -> bool:
    return bool(_queries_in(matcher))


def _uses_query(matcher: Matcher) -> bool:
    return isinstance(matcher, QueryMatcher) or (
        isinstance(matcher, RelationalMatcher) and isinstance(matcher.base, QueryMatcher)
    )


def _first_query(matcher: Matcher) -> QueryMatcher:
    if isinstance(matcher, QueryMatcher):
        return matcher
    assert isinstance(matcher, RelationalMatcher) and isinstance(matcher.base, QueryMatcher)
    return matcher.base


def walk(matcher: Matcher) -> list[Matcher]:
    """The matcher and all nested matchers, depth first."""
    out = [matcher]
    for child in matcher.children():
        out.extend(walk(child))
    return out


# -- building matchers from YAML specs ---------------------------------------------------------


def _build_atomic(key: str, value: Any, languages: Sequence[str]) -> Matcher:
    if key == "call":
        return CallMatcher(_names(value, key))
    if key == "import":
        return ImportMatcher(_names(value, key))
    if key == "decorator":
        return DecoratorMatcher(_names(value, key))
    if key == "definition":
        if isinstance(value, str):
            return DefinitionMatcher(_regex(value, key))
        if not isinstance(value, Mapping):
            raise SpecError("'definition' needs a name regex or {name, kind}", key)
        _check_keys(value, ("name", "kind"), "definition")
        kinds = value.get("kind")
        if isinstance(kinds, str):
            kinds = [kinds]
        if kinds is not None and (
            not isinstance(kinds, list) or not set(kinds) <= {"function", "method", "class"}
        ):
            raise SpecError("'kind' must be function, method or class (or a list of them)", key)
        return DefinitionMatcher(_regex(value.get("name"), "name"), frozenset(kinds) if kinds else None)
    if key in ("parameter", "assignment", "field"):
        return NameListMatcher(_regex(value, key), key)
    if key == "string":
        if isinstance(value, str):
            value = {"pattern": value}
        if not isinstance(value, Mapping):
            raise SpecError("'string' needs a regex or {pattern, min-length, entropy, assigned-to, sensitive}", key)
        _check_keys(value, ("pattern", "min-length", "entropy", "assigned-to", "sensitive"), "string")
        pattern = _regex(value["pattern"], "pattern") if "pattern" in value else None
        assigned = _regex(value["assigned-to"], "assigned-to") if "assigned-to" in value else None
        min_length = value.get("min-length", 1)
        entropy = value.get("entropy")
        if not isinstance(min_length, int) or (entropy is not None and not isinstance(entropy, (int, float))):
            raise SpecError("'min-length' must be an integer and 'entropy' a number", key)
        return StringMatcher(pattern, min_length, float(entropy) if entropy is not None else None, assigned, bool(value.get("sensitive", True)))
    if key == "secret":
        if value is not True:
            raise SpecError("'secret' takes the value true", key, "write `secret: true`")
        return SecretMatcher()
    if key == "argument":
        if not isinstance(value, Mapping) or "name" not in value:
            raise SpecError("'argument' needs {name: regex, value: regex}", key, "e.g. argument: {name: ^verify$, value: ^False$}")
        _check_keys(value, ("name", "value"), "argument")
        return ArgumentMatcher(_regex(value["name"], "name"), _regex(value["value"], "value") if "value" in value else None)
    if key == "comparison":
        if not isinstance(value, Mapping) or not {"left", "right"} <= set(value):
            raise SpecError("'comparison' needs {left: regex, right: regex} (matched in either order)", key)
        _check_keys(value, ("left", "right", "operators"), "comparison")
        operators = value.get("operators")
        if operators is not None:
            allowed = ("==", "!=", "===", "!==", "is", "is not", "<", "<=", ">", ">=")
            if not isinstance(operators, list) or not operators or not set(operators) <= set(allowed):
                raise SpecError(
                    "'operators' must be a list of comparison operators",
                    "operators",
                    f"use some of: {', '.join(allowed)}",
                )
        return ComparisonMatcher(
            _regex(value["left"], "left"),
            _regex(value["right"], "right"),
            frozenset(operators) if operators is not None else None,
        )
    if key == "query":
        if isinstance(value, str):
            sources = {lang: value for lang in languages}
        elif isinstance(value, Mapping) and all(isinstance(v, str) for v in value.values()):
            sources = dict(value)
        else:
            raise SpecError("'query' needs a tree-sitter query, or a mapping of language → query", key)
        return QueryMatcher(sources)
    if key in ("any", "all"):
        if not isinstance(value, list) or not value:
            raise SpecError(f"'{key}' needs a non-empty list of match specs", key)
        parts = [build_matcher(v, languages) for v in value]
        return AnyMatcher(parts) if key == "any" else AllMatcher(parts)
    raise SpecError(f"unknown matcher '{key}'", key, f"use one of: {', '.join(ATOMIC_KEYS)}")


def build_matcher(spec: Any, languages: Sequence[str]) -> Matcher:
    """Build a matcher tree from a ``match:`` spec, or raise ``SpecError`` naming the bad key."""
    if not isinstance(spec, Mapping):
        raise SpecError("a match spec must be a mapping such as {call: hashlib.md5}", None)
    _check_keys(spec, (*ATOMIC_KEYS, *RELATION_KEYS), "match")
    atomic = [k for k in spec if k in ATOMIC_KEYS]
    if len(atomic) != 1:
        raise SpecError(
            f"a match spec needs exactly one of {', '.join(ATOMIC_KEYS)}; found {len(atomic) or 'none'}",
            atomic[1] if len(atomic) > 1 else None,
            "combine several with any: [...] or all: [...]",
        )
    base = _build_atomic(atomic[0], spec[atomic[0]], languages)
    relations = {k: build_matcher(spec[k], languages) for k in RELATION_KEYS if k in spec}
    if not relations:
        return base
    return RelationalMatcher(
        base,
        inside=relations.get("inside"),
        not_inside=relations.get("not-inside"),
        has=relations.get("has"),
        not_has=relations.get("not-has"),
    )


def valid_types(kinds: frozenset[str], language: tree_sitter.Language) -> frozenset[str]:
    """Keep the node types this grammar knows (TypeScript has types JavaScript lacks)."""
    return frozenset(k for k in kinds if language.id_for_node_kind(k, True) is not None)


QueryValidator = Callable[[str, str], None]

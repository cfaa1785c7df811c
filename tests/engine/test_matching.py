"""Cross-language matchers, import resolution and region naming on real grammars."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

from stakes.engine.compiled import CompiledRules
from stakes.engine.project import Project, ProjectOptions
from stakes.engine.rules import load_pack


def _analyze(pack_dir: Path, filename: str, source: str) -> list[tuple[str, int, str, str]]:
    pack, errors = load_pack(pack_dir)
    assert not errors, [e.render() for e in errors]
    assert pack is not None
    project = Project(pack_dir.parent, ProjectOptions(trusted=False))
    project.rules = CompiledRules(pack.rules)
    report = project.analyze_text(Path(filename), textwrap.dedent(source).lstrip("\n"))
    assert report is not None
    return [(f.rule_id.split("/")[1], f.span.start_line + 1, f.region.name, f.region.kind) for f in report.findings]


def test_python_call_resolves_import_aliases(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("md5", "[python]", "{call: hashlib.md5}")])
    found = _analyze(pack, "a.py", """
        import hashlib as hl
        from hashlib import md5 as h
        class Signer:
            def sign(self, data):
                return h(data)
            def other(self, data):
                return hl.md5(data)
        def md5(x):  # a local function of the same name is not hashlib.md5
            return md5(x)
    """)
    assert found == [("md5", 5, "Signer.sign", "method"), ("md5", 7, "Signer.other", "method")]


def test_relations_not_has_argument(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("md5", "[python]", "{call: hashlib.md5, not-has: {argument: {name: ^usedforsecurity$, value: ^False$}}}")])
    found = _analyze(pack, "a.py", """
        import hashlib
        a = hashlib.md5(b"x", usedforsecurity=False)
        b = hashlib.md5(b"x")
    """)
    assert found == [("md5", 3, "<module>", "module")]


def test_javascript_regions_and_require(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("hash", "[javascript]", "{call: crypto.createHash}")])
    found = _analyze(pack, "a.js", """
        const crypto = require('node:crypto');
        const { createHash } = require('crypto');
        module.exports = function () { return crypto.createHash('md5'); };
        handlers.digest = function (x) { return createHash('sha1'); };
        class Store { key(x) { return crypto.createHash('sha256'); } }
        const arrow = (x) => createHash('md5');
        app.post('/login', (req, res) => crypto.createHash('md5'));
    """)
    assert [(n, k) for _, _, n, k in found] == [
        ("module.exports", "function"),
        ("handlers.digest", "function"),
        ("Store.key", "method"),
        ("arrow", "function"),
        ("app.post(/login)", "function"),
    ]


def test_typescript_and_tsx_use_the_javascript_rules(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("verify", "[typescript]", "{call: jose.jwtVerify}")])
    source = """
        import { jwtVerify } from 'jose';
        export async function read(token: string): Promise<string> { return (await jwtVerify(token, key)).payload.sub; }
    """
    assert _analyze(pack, "a.ts", source) == [("verify", 2, "read", "function")]
    assert _analyze(pack, "a.tsx", source) == [("verify", 2, "read", "function")]


def test_go_receiver_method_and_versioned_import(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [
        ("parse", "[go]", "{call: github.com/golang-jwt/jwt.Parse}"),
        ("insecure", "[go]", "{argument: {name: ^InsecureSkipVerify$, value: ^true$}}"),
    ])
    found = _analyze(pack, "a.go", """
        package auth
        import (
            jwtlib "github.com/golang-jwt/jwt/v5"
            "crypto/tls"
        )
        func (s *Server) Login(token string) { jwtlib.Parse(token, nil) }
        var cfg = &tls.Config{InsecureSkipVerify: true}
    """)
    assert found == [("parse", 6, "Server.Login", "method"), ("insecure", 7, "<module>", "module")]


def test_go_import_used_by_its_package_name_not_its_path(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [
        ("parse", "[go]", "{call: github.com/dgrijalva/jwt-go.Parse}"),
        ("verify", "[go]", "{call: github.com/coreos/go-oidc.NewVerifier}"),
        ("jose", "[go]", "{call: gopkg.in/square/go-jose.v2.ParseSigned}"),
        ("basic", "[go]", "{call: github.com/abbot/go-http-auth.NewBasicAuthenticator}"),
        ("csrf", "[go]", "{call: github.com/labstack/echo/middleware.CSRF}"),
    ])
    found = _analyze(pack, "a.go", """
        package auth
        import (
            "github.com/dgrijalva/jwt-go"
            "github.com/coreos/go-oidc"
            "gopkg.in/square/go-jose.v2"
            "github.com/abbot/go-http-auth"
            "github.com/labstack/echo/v4/middleware"
        )
        func Check(t string) {
            jwt.Parse(t, nil)
            oidc.NewVerifier(issuer, keys, cfg)
            jose.ParseSigned(t)
            auth.NewBasicAuthenticator("realm", secrets)
            middleware.CSRF()
        }
    """)
    assert [(rule, line) for rule, line, _, _ in found] == [
        ("parse", 10), ("verify", 11), ("jose", 12), ("basic", 13), ("csrf", 14)
    ]


def test_go_guessed_package_name_never_hides_a_real_import(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("parse", "[go]", "{call: github.com/dgrijalva/jwt-go.Parse}")])
    found = _analyze(pack, "a.go", """
        package auth
        import (
            "example.com/tokens/jwt"
            "github.com/dgrijalva/jwt-go"
        )
        func Check(t string) { jwt.Parse(t) }
    """)
    assert found == []


def test_java_annotations_and_static_calls(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [
        ("digest", "[java]", "{call: java.security.MessageDigest.getInstance}"),
        ("preauth", "[java]", "{decorator: org.springframework.security.access.prepost.PreAuthorize}"),
    ])
    found = _analyze(pack, "A.java", """
        import java.security.MessageDigest;
        import org.springframework.security.access.prepost.PreAuthorize;
        class Outer {
            static class Hasher {
                @PreAuthorize("hasRole('ADMIN')")
                byte[] sha(byte[] d) throws Exception { return MessageDigest.getInstance("SHA-256").digest(d); }
            }
        }
    """)
    assert found == [("preauth", 5, "Outer.Hasher.sha", "method"), ("digest", 6, "Outer.Hasher.sha", "method")]


def test_secret_is_masked_and_placeholders_ignored(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("secret", "[python]", "{secret: true}", "critical", "credentials")])
    folder = pack
    loaded, _ = load_pack(folder)
    assert loaded is not None
    project = Project(folder.parent, ProjectOptions(trusted=False))
    project.rules = CompiledRules(loaded.rules)
    report = project.analyze_text(Path("s.py"), textwrap.dedent("""\
        AWS_KEY = "AKIAIOSFODNN7EXAMPLE"
        password = "changeme"
        api_token = "q8Zr2LmX9vT4pW7nKc3YbE6s"
        token_type = "bearer"
    """))
    assert report is not None
    messages = [f.message for f in report.findings]
    assert len(messages) == 2
    assert all("AKIAIOSFODNN7EXAMPLE" not in m and "q8Zr2LmX9vT4pW7nKc3YbE6s" not in m for m in messages)
    assert "AKIA" in messages[0] and "*" in messages[0]


def test_comparison_either_order(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("owner", "[python]", "{comparison: {left: 'owner(_id)?$', right: 'user\\.(id|pk)$'}}", "high", "authorization")])
    found = _analyze(pack, "v.py", """
        def can_edit(obj, request):
            return request.user.id == obj.owner_id
        def same(a, b):
            return a.owner_id < request.user.id
    """)
    assert found == [("owner", 2, "can_edit", "function")]


def test_comparison_with_ordering_operators(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [
        ("expiry", "[python, javascript, go]", "{comparison: {left: '(?i)exp', right: '(?i)now', operators: ['<', '<=', '>', '>=']}}"),
        ("owner", "[python, javascript, go]", "{comparison: {left: '(?i)owner', right: '(?i)user'}}"),
    ])
    python = _analyze(pack, "a.py", """
        def expired(claims, now):
            return claims["exp"] < now
        def later(exp, now):
            return now >= exp
        def same(exp, now):
            return exp == now
        def mine(obj, user):
            return obj.owner < user.id
    """)
    assert [(rule, line) for rule, line, _, _ in python] == [("expiry", 2), ("expiry", 4)]
    javascript = _analyze(pack, "a.js", """
        const fresh = (t) => t.expiresAt > Date.now();
        const mine = (o, user) => o.owner === user.id;
        const shift = (exp, now) => exp << now;
    """)
    assert [(rule, line) for rule, line, _, _ in javascript] == [("expiry", 1), ("owner", 2)]
    go = _analyze(pack, "a.go", """
        package a
        func Valid(c Claims, now int64) bool { return c.ExpiresAt > now && c.Owner == user.ID }
    """)
    assert sorted(rule for rule, _, _, _ in go) == ["expiry", "owner"]


def test_comparison_rejects_an_unknown_operator(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("bad", "[python]", "{comparison: {left: a, right: b, operators: ['<>']}}")])
    _pack, errors = load_pack(pack)
    assert errors and "operators" in errors[0].render() and "use some of" in errors[0].render()


def test_raw_query_rule(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("debug", "[python]", "{query: '((assignment left: (identifier) @n right: (true)) @match (#eq? @n \"DEBUG\"))'}", "elevated", "security-config")])
    found = _analyze(pack, "settings.py", "DEBUG = True\nVERBOSE = True\n")
    assert found == [("debug", 1, "<module>", "module")]


def test_query_inside_any_reports_nodes_of_other_types(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("env", "[javascript]", "{any: [{call: crypto.createHash}, {query: '((member_expression object: (member_expression object: (identifier) @p property: (property_identifier) @e) property: (property_identifier) @match) (#eq? @p process) (#eq? @e env))'}]}", "high", "credentials")])
    found = _analyze(pack, "a.js", """
        const crypto = require('crypto');
        const key = process.env.SIGNING_KEY;
        const h = crypto.createHash('sha256');
    """)
    assert [(line, name) for _, line, name, _ in found] == [(2, "<module>"), (3, "<module>")]


def test_query_nested_in_a_relation_is_evaluated(make_pack: Callable[..., Path]) -> None:
    # ``not-inside`` / ``has`` with an ``any`` that holds a raw query must test nodes of every type
    # the query can report, not only the types of the other alternatives.
    uuid_call = '((call function: (attribute attribute: (identifier) @f)) @match (#eq? @f "uuid5"))'
    rules = [
        ("weak", "[python]", "{call: hashlib.md5, not-inside: {any: [{definition: '^cache_'}, {query: '" + uuid_call + "'}]}}"),
        ("ns", "[python]", "{definition: '^make_', has: {any: [{call: hmac.new}, {query: '" + uuid_call + "'}]}}"),
    ]
    pack = make_pack("t", rules)
    found = _analyze(pack, "a.py", """
        import hashlib, hmac, uuid
        def fingerprint(data):
            return hashlib.md5(data)
        def cache_key(data):
            return hashlib.md5(data)
        def name_id(ns, data):
            return uuid.uuid5(ns, hashlib.md5(data).hexdigest())
        def make_id(ns):
            return uuid.uuid5(ns, "x")
        def make_plain():
            return 1
    """)
    assert sorted((rule, line) for rule, line, _, _ in found) == [("ns", 8), ("weak", 3)]


def test_inside_a_decorator_means_inside_the_decorated_definition(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [
        ("py", "[python]", "{call: '*.save', not-inside: {decorator: '*.exception_handler'}}"),
        ("java", "[java]", "{call: '*.sendError', inside: {decorator: PreAuthorize}}"),
        ("ts", "[typescript]", "{call: '*.save', inside: {decorator: Authorized}}"),
    ])
    python = _analyze(pack, "a.py", """
        @app.exception_handler(Error)
        def on_error(request, exc):
            request.save()
        def view(request):
            request.save()
    """)
    assert [(rule, line) for rule, line, _, _ in python] == [("py", 5)]
    java = _analyze(pack, "A.java", """
        class A {
            @PreAuthorize("hasRole('ADMIN')")
            void admin(HttpServletResponse r) { r.sendError(403); }
            void open(HttpServletResponse r) { r.sendError(404); }
        }
    """)
    assert [(rule, line) for rule, line, _, _ in java] == [("java", 3)]
    typescript = _analyze(pack, "a.ts", """
        class Orders {
            @Authorized()
            update(repo: Repo) { repo.save(); }
            list(repo: Repo) { repo.save(); }
        }
    """)
    assert [(rule, line) for rule, line, _, _ in typescript] == [("ts", 3)]


def test_query_with_a_relation_inside_any(make_pack: Callable[..., Path]) -> None:
    verify = '(call_expression function: (identifier) @f (#match? @f "(?i)verify")) @match'
    pack = make_pack("t", [
        ("v", "[javascript]", "{any: [{call: jws.verify}, {query: '" + verify + "', not-inside: {definition: '(?i)lexer'}}]}"),
    ])
    found = _analyze(pack, "a.js", """
        function check(t) { return jwsVerify(t); }
        function lexer(t) { return verifyToken(t); }
    """)
    assert [(rule, line, name) for rule, line, name, _ in found] == [("v", 1, "check")]


def test_has_keeps_the_relations_of_a_query(make_pack: Callable[..., Path]) -> None:
    callback = "(object_creation_expression (class_body)) @match"
    pack = make_pack("t", [
        ("cb", "[java]", "{definition: {name: '.', kind: method}, has: {query: '" + callback + "', has: {call: '*.authenticate'}}}"),
    ])
    found = _analyze(pack, "A.java", """
        class A {
            void prompt() { run(new Runnable() { public void run() { prompt.authenticate(info); } }); }
            void warm() { run(new Runnable() { public void run() { tab.warmup(0); } }); }
        }
    """)
    assert [(rule, name) for rule, _, name, _ in found] == [("cb", "A.prompt")]


def test_shorthand_property_is_an_argument(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("secret", "[javascript, typescript]", "{argument: {name: ^secret$}}")])
    found = _analyze(pack, "a.ts", """
        app.use(jwt({ secret, algorithms: ['HS256'] }));
        const { secret: other } = config;
        const options = { secret };
    """)
    assert [(rule, line) for rule, line, _, _ in found] == [("secret", 1)]


def test_call_patterns_ending_in_a_glob_are_indexed_by_their_first_segment(
    make_pack: Callable[..., Path],
) -> None:
    from stakes.engine.patterns import compile_names

    assert compile_names(["stripe.**", "hashlib.md5"]).keys == {"stripe.", "md5"}
    assert compile_names(["**csrf*"]).keys is None  # neither end is fixed: every call is tried
    pack = make_pack("t", [("pay", "[python]", "{call: stripe.**}"), ("any", "[python]", "{call: '**.charge*'}")])
    found = _analyze(pack, "a.py", """
        import stripe as s
        from stripe import Charge
        def pay():
            s.PaymentIntent.create(amount=1)
            Charge.create(amount=2)
            other.charges()
    """)
    assert [(rule, line) for rule, line, _, _ in found] == [("pay", 4), ("pay", 5), ("any", 6)]


def test_chained_calls_are_reported_at_the_method(make_pack: Callable[..., Path]) -> None:
    pack = make_pack("t", [("sign", "[java]", "{call: '*.signWith'}")])
    found = _analyze(pack, "T.java", """
        class T {
            String issue() {
                return Jwts.builder()
                    .subject("a")
                    .signWith(key)
                    .compact();
            }
        }
    """)
    assert found == [("sign", 5, "T.issue", "method")]

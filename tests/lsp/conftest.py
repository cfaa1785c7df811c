"""End-to-end fixtures: a temporary workspace with a small rule pack, and a real LSP client
(pytest-lsp) talking to ``stakes serve`` over stdio with a chosen editor's capabilities."""

from __future__ import annotations

import asyncio
import sys
import textwrap
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Union

import pytest
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

PACK = "lsptest"

PACK_YAML = """\
name: lsptest
version: 1.0.0
description: rules for the language server tests
licence: Apache-2.0
"""

RULES_YAML = """\
rules:
  - id: weak-hash
    title: MD5 hashing
    category: cryptography
    stakes: high
    languages: [python, javascript]
    message: "{match} computes a broken hash"
    match:
      call: [hashlib.md5, crypto.createHash]
    docs:
      why: MD5 has practical collisions. Anything it protects can be forged.
      check:
        - The digest protects nothing.
      references: [CWE-328]
  - id: password-check
    title: Password verification
    category: authentication
    stakes: critical
    languages: [python]
    message: "{match} verifies a password"
    match:
      call: [check_password]
    docs:
      why: Verifying passwords decides who gets in.
      check:
        - Comparison is constant-time.
        - Failures are rate-limited.
      references: [OWASP ASVS V2.4]
"""

APP_PY = """\
import hashlib


def digest(data):
    return hashlib.md5(data).hexdigest()


class Auth:
    def login(self, user, password):
        ok = check_password(user, password)
        token = hashlib.md5(password).hexdigest()
        return ok, token


def plain(x):
    return x + 1
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def config_yaml(extra: str = "") -> str:
    """A config that turns the built-in packs off, so only the test pack's rules fire."""
    import yaml

    from stakes.engine.rules import builtin_pack_dirs

    names = [yaml.safe_load((d / "pack.yaml").read_text(encoding="utf-8"))["name"] for d in builtin_pack_dirs()]
    lines = ["profile: production", "zones: []", "rules:"]
    lines += [f'  "{name}/*": false' for name in names]
    return "\n".join(lines) + "\n" + extra


def make_workspace(root: Path) -> Path:
    """A project with ``.git``, the ``lsptest`` pack in ``.stakes/rules`` and one Python file."""
    (root / ".git").mkdir(parents=True)
    write(root / ".stakes" / "config.yaml", config_yaml())
    write(root / ".stakes" / "rules" / "pack.yaml", PACK_YAML)
    write(root / ".stakes" / "rules" / "rules.yaml", RULES_YAML)
    write(root / "app.py", APP_PY)
    return root


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def ours(diagnostics: Any) -> list[types.Diagnostic]:
    """Only the test pack's diagnostics (built-in packs grow independently of these tests)."""
    return [d for d in diagnostics or [] if isinstance(d.code, str) and d.code.startswith(PACK + "/")]


async def wait_for(predicate: Callable[[], Any], timeout: float = 10.0, interval: float = 0.02) -> Any:
    """Poll until ``predicate()`` is truthy; fail the test with a clear message otherwise."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError("timed out waiting for the server")
        await asyncio.sleep(interval)


class Session:
    """A started client plus helpers the tests share."""

    def __init__(self, client: LanguageClient, root: Path, result: types.InitializeResult) -> None:
        self.client = client
        self.root = root
        self.result = result
        self.notifications: list[tuple[str, Any]] = []
        self.versions: dict[str, int] = {}

    def uri(self, relative: str) -> str:
        return (self.root / relative).as_uri()

    def open(self, relative: str, text: str | None = None, language: str = "python") -> str:
        uri = self.uri(relative)
        if text is None:
            text = (self.root / relative).read_text(encoding="utf-8")
        self.versions[uri] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text))
        )
        return uri

    def change(self, uri: str, changes: list[types.TextDocumentContentChangeEvent]) -> int:
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                content_changes=changes,
            )
        )
        return self.versions[uri]

    def published(self, uri: str) -> list[types.PublishDiagnosticsParams]:
        return [p for m, p in self.notifications if m == types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS and p.uri == uri]

    async def pushed(self, uri: str, version: int | None = None, timeout: float = 10.0) -> list[types.Diagnostic]:
        """Wait for a publishDiagnostics for ``uri`` (at ``version`` when given); return ours."""

        def latest() -> types.PublishDiagnosticsParams | None:
            found = [p for p in self.published(uri) if version is None or p.version == version]
            return found[-1] if found else None

        params = await wait_for(latest, timeout)
        return ours(params.diagnostics)

    async def pulled(self, uri: str) -> list[types.Diagnostic]:
        report = await self.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
        return ours(report.items)


PULL_CLIENT = "pull-client"


def editor_capabilities(editor: str) -> types.ClientCapabilities:
    """A recorded editor's capabilities, or ``pull-client``: Neovim 0.11's plus diagnostic
    refresh support, i.e. a client that pulls and can be told to pull again (as VS Code)."""
    if editor != PULL_CLIENT:
        return client_capabilities(editor)
    caps = client_capabilities("neovim@0.11.0")
    assert caps.workspace is not None
    caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    return caps


def _fix_code_action_parsing(client: LanguageClient) -> None:
    """lsprotocol's client-side hook reads any object with a ``command`` key as a ``Command``,
    which turns a CodeAction carrying a command into garbage; tell the two apart by the type of
    ``command`` (a string in a Command, an object in a CodeAction), as the LSP spec does."""
    converter = client.protocol._converter

    def structure(obj: Any, _: Any) -> types.Command | types.CodeAction:
        if isinstance(obj.get("command"), str):
            return converter.structure(obj, types.Command)
        return converter.structure(obj, types.CodeAction)

    converter.register_structure_hook(Union[types.Command, types.CodeAction], structure)  # noqa: UP007 - the hook is keyed by this exact type


def _recording_client(notifications: list[tuple[str, Any]]) -> Callable[[], LanguageClient]:
    from pygls.protocol import default_converter
    from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

    def factory() -> LanguageClient:
        client = LanguageClient(converter_factory=default_converter)
        defaults = {k: v for k, v in DEFAULT_CLIENT_FEATURES.items() if k != types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS}
        register_lsp_features(client, defaults)
        _fix_code_action_parsing(client)

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_publish(params: types.PublishDiagnosticsParams) -> None:
            client.diagnostics[params.uri] = params.diagnostics
            notifications.append((types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, params))

        @client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def on_register(params: types.RegistrationParams) -> None:
            notifications.append((types.CLIENT_REGISTER_CAPABILITY, params))

        @client.feature(types.CLIENT_UNREGISTER_CAPABILITY)
        def on_unregister(params: types.UnregistrationParams) -> None:
            notifications.append((types.CLIENT_UNREGISTER_CAPABILITY, params))

        @client.feature("stakes/regionsChanged")
        def on_regions(params: Any) -> None:
            notifications.append(("stakes/regionsChanged", params))

        return client

    return factory


@asynccontextmanager
async def session(
    root: Path,
    editor: str = PULL_CLIENT,
    init_options: Any = None,
    configuration: dict[str, Any] | None = None,
    capabilities: types.ClientCapabilities | None = None,
    folders: list[Path] | None = None,
) -> AsyncIterator[Session]:
    """Start ``stakes serve``, initialize it as ``editor`` would, and shut it down afterwards."""
    notifications: list[tuple[str, Any]] = []
    config = ClientServerConfig(
        server_command=[sys.executable, "-m", "stakes", "serve"],
        client_factory=_recording_client(notifications),
    )
    client = await config.start()
    assert isinstance(client, LanguageClient)
    for scope, item in (configuration or {}).items():  # {scope URI or "": settings object}
        client.set_configuration(item, scope_uri=scope or None)
    caps = capabilities or editor_capabilities(editor)
    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=caps,
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=f.as_uri(), name=f.name) for f in folders or [root]],
            initialization_options=init_options,
        )
    )
    s = Session(client, root, result)
    s.notifications = notifications
    try:
        yield s
    finally:
        await client.shutdown_session()
        await client.stop()

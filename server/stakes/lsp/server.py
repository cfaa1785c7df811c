"""The ``StakesServer``: typed state on a pygls ``LanguageServer`` subclass, feature modules
registered on it, and ``run_server`` for ``stakes serve``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine, Generator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method

from stakes import __version__
from stakes.lsp.logs import redirect_stdout, setup_logging
from stakes.lsp.projects import ProjectRegistry
from stakes.lsp.settings import unwrap
from stakes.lsp.state import OpenDocument, WorkspaceCache

log = logging.getLogger(__name__)

DEBOUNCE_SECONDS = 0.15

# The work-done token of the ``workspace/executeCommand`` being handled: pygls passes command
# handlers their arguments only, and the scan command reports progress on the client's token.
COMMAND_PROGRESS_TOKEN: ContextVar[types.ProgressToken | None] = ContextVar("command_progress_token", default=None)


def choose_encoding(capabilities: types.ClientCapabilities, init_options: Any = None) -> str:
    """UTF-8 when the client lists it first (Neovim 0.11 does), else the mandatory UTF-16.

    UTF-8 is what tree-sitter counts, so it costs nothing; clients that merely *accept* UTF-8
    after another preference get UTF-16, which every client must support. A client that counts
    bytes without negotiating (Vim's ALE) is configured with initializationOptions
    ``positionEncoding: "utf-8"``.
    """
    forced = unwrap(init_options).get("positionEncoding")
    if forced in (types.PositionEncodingKind.Utf8.value, types.PositionEncodingKind.Utf16.value):
        return str(forced)
    general = capabilities.general
    offered = list(general.position_encodings or []) if general is not None else []
    if offered and offered[0] == types.PositionEncodingKind.Utf8:
        return types.PositionEncodingKind.Utf8.value
    return types.PositionEncodingKind.Utf16.value


def can_pull(capabilities: types.ClientCapabilities) -> bool:
    """Pull diagnostics only for clients that can pull *and* be told to pull again.

    A client that pulls only after its own edits (Neovim 0.10 and 0.11 declare no
    ``workspace.diagnostics.refreshSupport``) would keep showing old results after a rule pack,
    the config or the review ledger changes, with no way for the server to say so. Such clients
    get pushed diagnostics instead, which they also handle; nobody gets both.
    """
    text_document = capabilities.text_document
    workspace = capabilities.workspace
    declares_pull = text_document is not None and text_document.diagnostic is not None
    refreshable = workspace is not None and workspace.diagnostics is not None and bool(workspace.diagnostics.refresh_support)
    return declares_pull and refreshable


class StakesProtocol(LanguageServerProtocol):
    """pygls' protocol with Stakes' encoding choice and diagnostics mode in ``initialize``."""

    _server: StakesServer

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(self, params: types.InitializeParams) -> Generator[Any, Any, types.InitializeResult]:
        encoding = choose_encoding(params.capabilities, params.initialization_options)
        # pygls picks the client's first supported encoding; narrow the offer to our choice.
        if params.capabilities.general is None:
            params.capabilities.general = types.GeneralClientCapabilities()
        params.capabilities.general.position_encodings = [types.PositionEncodingKind(encoding)]
        server = self._server
        server.encoding = encoding
        server.pull = can_pull(params.capabilities)
        result: types.InitializeResult = yield from super().lsp_initialize(params)
        if not server.pull:
            # A client that cannot pull must not be told we offer pull diagnostics.
            result.capabilities.diagnostic_provider = None
        server.connected = True
        log.info("initialized: position encoding %s, %s diagnostics", encoding, "pull" if server.pull else "push")
        return result

    @lsp_method(types.WORKSPACE_EXECUTE_COMMAND)
    def lsp_workspace__execute_command(self, params: types.ExecuteCommandParams) -> Generator[Any, Any, Any]:
        COMMAND_PROGRESS_TOKEN.set(params.work_done_token)
        return (yield from super().lsp_workspace__execute_command(params))


class StakesServer(LanguageServer):
    """Everything the feature modules share, typed."""

    def __init__(self) -> None:
        super().__init__("stakes", __version__, protocol_cls=StakesProtocol, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.projects = ProjectRegistry()
        self.documents: dict[str, OpenDocument] = {}
        self.encoding = types.PositionEncodingKind.Utf16.value
        self.pull = False
        self.connected = False
        self.debounce = DEBOUNCE_SECONDS
        self.cache = WorkspaceCache()
        self.error_uris: set[str] = set()  # YAML files we pushed error diagnostics to
        self.reported_errors: frozenset[str] = frozenset()
        self.watching = False
        self.background: set[asyncio.Future[Any]] = set()  # strong references to running tasks

    def spawn(self, work: Coroutine[Any, Any, Any]) -> None:
        """Run ``work`` in the background, keeping a reference until it finishes."""
        task = asyncio.ensure_future(work)
        self.background.add(task)
        task.add_done_callback(self.background.discard)

    def capability(self, dotted: str) -> Any:
        """A client capability by dotted snake_case path, or ``None``."""
        value: Any = self.client_capabilities
        for part in dotted.split("."):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value

    def document_for_path(self, path: Path) -> OpenDocument | None:
        resolved = path.resolve()
        for doc in self.documents.values():
            if doc.path == resolved:
                return doc
        return None


def create_server() -> StakesServer:
    """Build the server and register every feature module (thin handlers over the engine)."""
    from stakes.lsp import (
        codeactions,
        codelens,
        commands,
        configuration,
        hover,
        live,
        pull,
        regions,
        scan,
        sync,
    )

    server = StakesServer()
    for module in (configuration, sync, live, pull, hover, codelens, codeactions, commands, regions, scan):
        module.register(server)
    return server


def run_server(tcp: str | None = None) -> int:
    """Serve over stdio, or over TCP when ``tcp`` is ``HOST:PORT``."""
    server = create_server()
    setup_logging(server)
    if tcp:
        host, _, port = tcp.rpartition(":")
        if not port.isdigit():
            log.error("--tcp needs HOST:PORT, got %r", tcp)
            return 2
        server.start_tcp(host or "127.0.0.1", int(port))
        return 0
    stdin, stdout = redirect_stdout()
    server.start_io(stdin, stdout)
    return 0

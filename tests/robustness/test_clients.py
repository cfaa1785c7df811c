"""Misbehaving clients over raw JSON-RPC: the server answers with protocol errors where due,
keeps serving, and exits cleanly when told to."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import write
from tests.lspwire import WireClient

SOURCE = "import hashlib\n\ndef sign(d):\n    return hashlib.md5(d)\n"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "app.py", SOURCE)
    return tmp_path


@pytest.fixture
def client(workspace: Path) -> Iterator[WireClient]:
    wire = WireClient([sys.executable, "-m", "stakes", "serve"], cwd=workspace)
    wire.initialize(workspace)
    yield wire
    if wire.process.poll() is None:
        wire.close()


def _open(client: WireClient, workspace: Path, text: str = SOURCE, version: int = 1) -> str:
    uri = (workspace / "app.py").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": version, "text": text}})
    return uri


def _latest(client: WireClient, uri: str, predicate=lambda d: True, timeout: float = 20.0) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    message = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri and predicate(p["diagnostics"]), timeout)
    return message["params"]["diagnostics"]  # type: ignore[no-any-return]


def _still_serving(client: WireClient, uri: str) -> None:
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 13}})
    assert hover is None or "contents" in hover


def test_positions_past_the_end(client: WireClient, workspace: Path) -> None:
    uri = _open(client, workspace)
    _latest(client, uri, bool)
    for position in ({"line": 3, "character": 500}, {"line": 500, "character": 0}):
        client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position})
        client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {"start": position, "end": position},
                                                    "context": {"diagnostics": []}})
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 900, "character": 3}, "end": {"line": 901, "character": 0}}, "text": "# appended\n"}]})
    _still_serving(client, uri)


def test_change_for_unopened_document_and_versions_going_backwards(client: WireClient, workspace: Path) -> None:
    ghost = (workspace / "ghost.py").as_uri()
    client.notify("textDocument/didChange", {"textDocument": {"uri": ghost, "version": 3}, "contentChanges": [{"text": "x = 1\n"}]})
    uri = _open(client, workspace, version=10)
    _latest(client, uri, bool)
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": "x = 1\n"}]})
    _still_serving(client, uri)


def test_a_thousand_changes_in_one_notification(client: WireClient, workspace: Path) -> None:
    uri = _open(client, workspace, text="")
    changes = [{"range": {"start": {"line": i, "character": 0}, "end": {"line": i, "character": 0}}, "text": f"x{i} = {i}\n"} for i in range(1000)]
    changes.append({"range": {"start": {"line": 1000, "character": 0}, "end": {"line": 1000, "character": 0}}, "text": SOURCE})
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": changes})
    diagnostics = _latest(client, uri, bool)
    assert any(d["range"]["start"]["line"] == 1003 for d in diagnostics)


def test_cancelled_requests_and_unknown_methods(client: WireClient, workspace: Path) -> None:
    uri = _open(client, workspace)
    _latest(client, uri, bool)
    client.send({"jsonrpc": "2.0", "id": 999, "method": "textDocument/hover",
                 "params": {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 13}}})
    client.notify("$/cancelRequest", {"id": 999})
    with pytest.raises(RuntimeError, match=r"-32601|not found|Method"):
        client.request("stakes/noSuchMethod", {})
    _still_serving(client, uri)


def test_garbage_bytes_on_stdin_do_not_kill_the_server(client: WireClient, workspace: Path) -> None:
    assert client.process.stdin is not None
    client.process.stdin.write(b"this is not json-rpc\r\n\r\n")
    client.process.stdin.write(b"Content-Length: 12\r\n\r\n{not json!!}")
    client.process.stdin.flush()
    time.sleep(0.3)
    uri = _open(client, workspace)
    assert _latest(client, uri, bool)


def test_exit_without_shutdown_ends_the_process(workspace: Path) -> None:
    wire = WireClient([sys.executable, "-m", "stakes", "serve"], cwd=workspace)
    wire.initialize(workspace)
    wire.notify("exit", None)
    assert wire.process.wait(timeout=15) in (0, 1)


def test_shutdown_then_exit_is_clean(workspace: Path) -> None:
    wire = WireClient([sys.executable, "-m", "stakes", "serve"], cwd=workspace)
    wire.initialize(workspace)
    wire.request("shutdown", None)
    wire.notify("exit", None)
    assert wire.process.wait(timeout=15) == 0


PULL_CAPABILITIES = {"textDocument": {"diagnostic": {"dynamicRegistration": False}},
                     "workspace": {"diagnostics": {"refreshSupport": True}}}


def test_workspace_pull_with_nothing_new_is_held_until_a_change(workspace: Path) -> None:
    wire = WireClient([sys.executable, "-m", "stakes", "serve"], cwd=workspace)
    try:
        wire.initialize(workspace, PULL_CAPABILITIES)
        uri = _open(wire, workspace)
        first = wire.request("workspace/diagnostic", {"previousResultIds": []})
        ids = [{"uri": item["uri"], "value": item["resultId"]} for item in first["items"] if item.get("resultId")]
        assert any(i["uri"] == uri for i in ids)
        wire.send({"jsonrpc": "2.0", "id": 4242, "method": "workspace/diagnostic", "params": {"previousResultIds": ids}})
        time.sleep(1.5)
        assert all(m.get("id") != 4242 for m in list(wire.messages.queue))  # held: nothing new yet
        began = time.monotonic()
        wire.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": SOURCE + "x = 1\n"}]})
        deadline = time.monotonic() + 20
        answer = None
        while time.monotonic() < deadline and answer is None:
            message = wire._take(deadline)
            if message.get("id") == 4242:
                answer = message
        assert answer is not None and time.monotonic() - began < 10
        changed = [i for i in answer["result"]["items"] if i["uri"] == uri]
        assert changed and changed[0]["kind"] == "full"
    finally:
        wire.close()


def test_info_logs_go_to_the_client_not_to_stderr(workspace: Path) -> None:
    wire = WireClient([sys.executable, "-m", "stakes", "serve"], cwd=workspace)
    try:
        wire.initialize(workspace)
        uri = _open(wire, workspace)
        _latest(wire, uri, bool)
        wire.wait_for("window/logMessage")
    finally:
        wire.close()
    assert " INFO " not in wire.stderr.decode("utf-8", "replace")

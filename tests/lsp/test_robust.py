"""Robustness: a failing feature is logged and the server keeps serving; stdout carries only
protocol; ``--tcp`` serves the same protocol over a socket."""

from __future__ import annotations

import asyncio
import json
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types

from tests.lsp.conftest import PULL_CLIENT, session


async def test_bad_requests_do_not_stop_the_server(workspace: Path) -> None:
    async with session(workspace, editor=PULL_CLIENT) as s:
        uri = s.open("app.py")
        # Positions far outside the document, a document that was never opened, malformed
        # custom params: each answered, none fatal.
        far = types.Position(10_000, 10_000)
        assert await s.client.text_document_hover_async(types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=far)) is None
        assert not await s.client.text_document_code_lens_async(types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=s.uri("nope.py"))))
        assert await s.client.protocol.send_request_async("stakes/regions", {"bogus": 1}) == []
        # An edit with a range past the end of the document is clamped, and the text resynchronised.
        far_range = types.Range(start=far, end=far)
        s.change(uri, [types.TextDocumentContentChangePartial(range=far_range, text="\n")])
        assert len(await s.pulled(uri)) == 3
        assert s.client.error is None


async def test_tcp_mode_speaks_lsp(workspace: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "stakes", "serve", "--tcp", f"127.0.0.1:{port}",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        for _ in range(200):
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                break
            except OSError:
                await asyncio.sleep(0.05)
        else:
            raise AssertionError("the TCP server did not start")
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": workspace.as_uri(), "capabilities": {}}}).encode()
        writer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        await writer.drain()
        reply: dict[str, Any] = {}
        while reply.get("id") != 1:  # log notifications may come first
            header = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 20)
            length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
            reply = json.loads(await reader.readexactly(length))
        assert reply["result"]["serverInfo"]["name"] == "stakes"
        assert reply["result"]["capabilities"]["positionEncoding"] == "utf-16"
        writer.close()
    finally:
        server.kill()
        await server.wait()
    assert (await server.stdout.read()) == b""  # stdout is never used in TCP mode


async def test_stdio_carries_only_protocol(workspace: Path) -> None:
    server = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "stakes", "serve",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    assert server.stdin is not None and server.stdout is not None

    def frame(message: dict[str, object]) -> bytes:
        body = json.dumps(message).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    text = (workspace / "app.py").read_text(encoding="utf-8")
    server.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": workspace.as_uri(), "capabilities": {}}}))
    server.stdin.write(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    server.stdin.write(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": (workspace / "app.py").as_uri(), "languageId": "python", "version": 1, "text": text}}}))
    await server.stdin.drain()
    messages: list[dict[str, Any]] = []

    async def read_until(done: Callable[[dict[str, Any]], bool]) -> None:
        assert server.stdout is not None
        while True:
            header = await asyncio.wait_for(server.stdout.readuntil(b"\r\n\r\n"), 30)
            assert header.startswith(b"Content-Length: "), header  # nothing but framed JSON-RPC
            length = int(header[len(b"Content-Length: "):].split(b"\r\n")[0])
            message = json.loads(await server.stdout.readexactly(length))
            messages.append(message)
            if done(message):
                return

    await read_until(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    server.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    await server.stdin.drain()
    await read_until(lambda m: m.get("id") == 2)
    server.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
    await server.stdin.drain()
    await asyncio.wait_for(server.wait(), 20)
    assert server.returncode == 0
    assert [m["id"] for m in messages if "id" in m] == [1, 2]

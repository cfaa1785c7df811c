"""The per-feature guard: an exception is logged with its traceback and a fallback returned;
deliberate JSON-RPC errors pass through to the client."""

from __future__ import annotations

import logging

import pytest
from pygls.exceptions import JsonRpcInvalidParams

from stakes.lsp.guard import guarded


def test_sync_handler_failure_is_logged_with_traceback(caplog: pytest.LogCaptureFixture) -> None:
    @guarded("textDocument/hover", fallback=[])
    def handler(ls: object, params: object) -> list[int]:
        raise ValueError("boom")

    with caplog.at_level(logging.ERROR, logger="stakes.lsp"):
        assert handler(None, None) == []
    record = caplog.records[-1]
    assert "textDocument/hover failed" in record.getMessage()
    assert record.exc_info is not None and "boom" in str(record.exc_info[1])


async def test_async_handler_failure_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    @guarded("workspace/diagnostic")
    async def handler(ls: object) -> int:
        raise RuntimeError("async boom")

    with caplog.at_level(logging.ERROR, logger="stakes.lsp"):
        assert await handler(None) is None
    assert "async boom" in caplog.text


def test_json_rpc_errors_pass_through() -> None:
    @guarded("stakes.markReviewed")
    def handler(ls: object) -> None:
        raise JsonRpcInvalidParams("no such region")

    with pytest.raises(JsonRpcInvalidParams, match="no such region"):
        handler(None)


def test_guard_keeps_the_signature_pygls_inspects() -> None:
    import inspect

    @guarded("x")
    def handler(ls: object, params: int) -> int:
        return params

    assert list(inspect.signature(handler).parameters) == ["ls", "params"]
    assert handler(None, 3) == 3

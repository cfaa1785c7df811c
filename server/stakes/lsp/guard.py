"""Per-feature isolation: an exception in one handler is logged with its traceback and the
server keeps serving (esbonio's habit). A hover that fails returns nothing; it must never take
diagnostics down with it.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

from pygls.exceptions import JsonRpcException

log = logging.getLogger("stakes.lsp")

F = TypeVar("F", bound=Callable[..., Any])


def guarded(feature: str, fallback: Any = None) -> Callable[[F], F]:
    """Wrap a handler (sync or async) so that exceptions become a log entry and ``fallback``.

    ``JsonRpcException`` passes through: handlers raise it on purpose to send an error reply.
    """

    def decorate(handler: F) -> F:
        if inspect.iscoroutinefunction(handler):
            async_handler = cast(Callable[..., Awaitable[Any]], handler)

            @functools.wraps(handler)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                try:
                    return await async_handler(*args, **kwargs)
                except JsonRpcException:
                    raise  # a deliberate error reply (bad arguments, ledger refused)
                except Exception:
                    log.exception("%s failed; the server keeps serving", feature)
                    return fallback

            return cast(F, run_async)

        @functools.wraps(handler)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return handler(*args, **kwargs)
            except JsonRpcException:
                raise
            except Exception:
                log.exception("%s failed; the server keeps serving", feature)
                return fallback

        return cast(F, run)

    return decorate

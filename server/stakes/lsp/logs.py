"""Logging: stderr always, and ``window/logMessage`` once a client is connected.

The protocol owns stdout. ``redirect_stdout`` hands the real stdout to pygls and points
``sys.stdout`` at stderr, so a stray ``print`` anywhere (ours or a dependency's) cannot corrupt
the JSON-RPC stream.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, BinaryIO

from lsprotocol import types

if TYPE_CHECKING:
    from stakes.lsp.server import StakesServer

LEVELS = {
    logging.CRITICAL: types.MessageType.Error,
    logging.ERROR: types.MessageType.Error,
    logging.WARNING: types.MessageType.Warning,
    logging.INFO: types.MessageType.Info,
}


class ClientLogHandler(logging.Handler):
    """Forward Stakes' own log records to the client's log (window/logMessage)."""

    def __init__(self, server: StakesServer) -> None:
        super().__init__(logging.INFO)
        self.server = server
        self._sending = False

    def emit(self, record: logging.LogRecord) -> None:
        if self._sending or not self.server.connected:
            return
        self._sending = True  # a failure while sending must not log → send → fail forever
        try:
            kind = LEVELS.get(record.levelno, types.MessageType.Log)
            self.server.window_log_message(types.LogMessageParams(type=kind, message=self.format(record)))
        except Exception:
            pass
        finally:
            self._sending = False


def setup_logging(server: StakesServer, level: int = logging.INFO) -> None:
    """Stakes logs to stderr and the client; pygls' chatter goes to stderr at WARNING only."""
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    root = logging.getLogger()
    # Editors show a server's stderr as errors (VS Code marks each line "[error]"), and info
    # already reaches them through window/logMessage: stderr gets warnings and worse, unless
    # ``stakes --log-level`` asked for more.
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setLevel(min(root.level, logging.WARNING) if root.level != logging.NOTSET else logging.WARNING)
    stderr.setFormatter(formatter)
    root.handlers[:] = [stderr]
    root.setLevel(logging.WARNING)
    stakes = logging.getLogger("stakes")
    stakes.setLevel(level)
    client = ClientLogHandler(server)
    client.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    stakes.addHandler(client)


def redirect_stdout() -> tuple[BinaryIO, BinaryIO]:
    """Return (stdin, stdout) binary streams for the protocol; make ``sys.stdout`` go to stderr."""
    stdin = sys.stdin.buffer
    stdout = sys.stdout.buffer
    sys.stdout = sys.stderr
    return stdin, stdout

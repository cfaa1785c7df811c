"""Stakes: marks the high-stakes parts of a codebase so that a person writes or reviews them.

The engine (``stakes.engine``) knows nothing of LSP; the language server (``stakes.lsp``) and the
command line (``stakes.cli``) are thin presenters over the same assessment, so both always agree.
"""

__version__ = "0.1.0"

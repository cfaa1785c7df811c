"""Supported languages: file extensions, grammars (loaded lazily) and comment syntax.

Grammars come from the official per-language wheels; each is loaded the first time a file of
that language is seen, so starting the server costs nothing for languages a project lacks.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import PurePath

import tree_sitter


@dataclass(frozen=True)
class LanguageInfo:
    """What the engine needs to know about a language before any syntax is involved."""

    id: str
    extensions: tuple[str, ...]
    module: str
    function: str = "language"
    line_comment: str = "//"
    family: str = ""  # the syntax adapter to use; defaults to ``id``
    aliases: tuple[str, ...] = field(default_factory=tuple)

    @property
    def syntax(self) -> str:
        return self.family or self.id


LANGUAGES: dict[str, LanguageInfo] = {
    info.id: info
    for info in (
        LanguageInfo("python", (".py", ".pyi"), "tree_sitter_python", line_comment="#"),
        LanguageInfo(
            "javascript",
            (".js", ".mjs", ".cjs", ".jsx"),
            "tree_sitter_javascript",
            aliases=("javascriptreact", "js", "jsx"),
        ),
        LanguageInfo(
            "typescript",
            (".ts", ".mts", ".cts"),
            "tree_sitter_typescript",
            function="language_typescript",
            family="javascript",
            aliases=("ts",),
        ),
        LanguageInfo(
            "tsx",
            (".tsx",),
            "tree_sitter_typescript",
            function="language_tsx",
            family="javascript",
            aliases=("typescriptreact",),
        ),
        LanguageInfo("go", (".go",), "tree_sitter_go"),
        LanguageInfo("java", (".java",), "tree_sitter_java"),
    )
}

_BY_EXTENSION = {ext: info for info in LANGUAGES.values() for ext in info.extensions}
_BY_NAME = {name: info for info in LANGUAGES.values() for name in (info.id, *info.aliases)}

# What a rule author may write in ``languages:``; ``typescript`` covers ``tsx`` too.
RULE_LANGUAGE_NAMES: dict[str, tuple[str, ...]] = {
    "python": ("python",),
    "javascript": ("javascript", "typescript", "tsx"),
    "typescript": ("typescript", "tsx"),
    "go": ("go",),
    "java": ("java",),
}


def language_for_path(path: str | PurePath) -> LanguageInfo | None:
    """The language of a file by its extension, or ``None`` when Stakes does not support it."""
    return _BY_EXTENSION.get(PurePath(path).suffix.lower())


def language_by_name(name: str) -> LanguageInfo | None:
    """Look a language up by id or LSP language id (``typescriptreact`` → tsx)."""
    return _BY_NAME.get(name)


@cache
def grammar(language_id: str) -> tree_sitter.Language:
    """Load a grammar from its wheel on first use."""
    info = LANGUAGES[language_id]
    module = importlib.import_module(info.module)
    return tree_sitter.Language(getattr(module, info.function)())


def new_parser(language_id: str) -> tree_sitter.Parser:
    """A parser for one language; parsers are cheap but not thread-safe, so each user has its own."""
    return tree_sitter.Parser(grammar(language_id))

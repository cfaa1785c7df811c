"""Shared fixtures: temporary projects with their own small rule packs."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


PACK_YAML = """
name: {name}
version: 1.0.0
description: test pack
licence: Apache-2.0
"""

RULE_TEMPLATE = """
  - id: {id}
    title: {title}
    category: {category}
    stakes: {stakes}
    languages: {languages}
    message: "{message}"
    match: {match}
    docs:
      why: Because it matters.
      check: [Check it.]
      references: [CWE-1]
"""


@pytest.fixture
def make_pack(tmp_path: Path) -> Callable[..., Path]:
    """Write a pack with rules given as (id, languages, match-flow-yaml[, stakes, category])."""

    def factory(name: str, rules: list[tuple[str, ...]], where: Path | None = None) -> Path:
        folder = (where or tmp_path / "packs") / name
        write(folder / "pack.yaml", PACK_YAML.format(name=name))
        body = "rules:\n"
        for spec in rules:
            rule_id, languages, match = spec[:3]
            stakes = spec[3] if len(spec) > 3 else "high"
            category = spec[4] if len(spec) > 4 else "cryptography"
            body += RULE_TEMPLATE.format(
                id=rule_id, title=rule_id, category=category, stakes=stakes,
                languages=languages, message=f"{rule_id}: {{match}}", match=match,
            )
        (folder / "rules.yaml").write_text(body, encoding="utf-8")
        return folder

    return factory

"""The quality benchmark's label files load strictly, so a typo cannot silently change a score.

These tests need no download: they check the label and source declarations, not the scanner.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO

QUALITY = REPO / "bench" / "quality"


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(QUALITY))
    try:
        spec = importlib.util.spec_from_file_location(f"quality_{name}", QUALITY / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up while being built
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(QUALITY))


score = _load("score")
fetch = _load("fetch")

SOURCE = """\
  - name: demo-pkg
    registry: npm
    spec: demo-pkg@1.0.0
    filename: demo-pkg-1.0.0.tgz
    sha256: "00"
    strip: package/
    include: ["lib/*.js"]
"""
LABEL = """\
  - path: demo-pkg/lib/index.js
    function: verify
    label: high
    why: checks a signature
"""


def test_every_shipped_label_set_loads() -> None:
    for name, (file, _prefix) in score.LABEL_SETS.items():
        path = QUALITY / file
        if path.is_dir() and not any(path.glob("*.yaml")):
            continue  # a set being labelled has no files yet
        labels = score.load_labels(path)
        assert labels, name
        assert {label.path.split("/", 1)[0] for label in labels}


def test_no_label_lies_where_the_scanner_never_looks() -> None:
    # A label under dist/, vendor/ or a minified file would count as "not flagged" without ever
    # being scanned: a free true negative for a low, a certain miss for a high.
    from stakes.engine.files import MINIFIED_SUFFIXES, VENDORED_DIRS

    for name, (file, _prefix) in score.LABEL_SETS.items():
        path = QUALITY / file
        if path.is_dir() and not any(path.glob("*.yaml")):
            continue
        for label in score.load_labels(path):
            folders = set(label.path.split("/")[1:-1])
            assert not folders & VENDORED_DIRS, (name, label.path)
            assert not label.path.endswith(MINIFIED_SUFFIXES), (name, label.path)


def test_folder_set_reads_labels_and_sources(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(f"sources:\n{SOURCE}labels:\n{LABEL}", encoding="utf-8")
    labels = score.load_labels(tmp_path)
    assert [(label.path, label.function, label.high) for label in labels] == [
        ("demo-pkg/lib/index.js", "verify", True)
    ]
    (source,) = fetch.sources_in(tmp_path)
    assert (source.name, source.registry, source.include) == ("demo-pkg", "npm", ("lib/*.js",))


def test_folder_set_rejects_an_unknown_top_level_key(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        f"sources:\n{SOURCE}labels:\n{LABEL}notes: x\n", encoding="utf-8"
    )
    with pytest.raises(score.LabelError, match="exactly 'sources' and 'labels'"):
        score.load_labels(tmp_path)


def test_folder_set_rejects_a_label_repeated_across_files(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(
            f"sources: []\nlabels:\n{LABEL}", encoding="utf-8"
        )
    with pytest.raises(score.LabelError, match="repeats"):
        score.load_labels(tmp_path)


def test_source_with_an_unknown_key_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        f"sources:\n{SOURCE}    registry_url: x\nlabels: []\n", encoding="utf-8"
    )
    with pytest.raises(SystemExit, match=r"a\.yaml: sources\[0\].*registry_url"):
        fetch.sources_in(tmp_path)


def test_source_name_may_not_reuse_an_existing_package(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        f"sources:\n{SOURCE.replace('demo-pkg', 'django')}labels: []\n", encoding="utf-8"
    )
    with pytest.raises(SystemExit, match="used twice"):
        fetch.sources_in(tmp_path)

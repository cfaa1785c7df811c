"""The benchmark corpus: real code from the package registries, pinned, cached in bench/.cache.

Python: the Django wheel. JavaScript/TypeScript: four large npm packages. Fetched with the
registries' own clients (pip, npm); nothing else is contacted.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

CACHE = Path(__file__).resolve().parent.parent / ".cache" / "perf"
DJANGO = "Django==5.2.19"
NPM_PACKAGES = ("eslint@10.15.0", "webpack@5.112.2", "rxjs@7.8.2", "date-fns@4.4.0")
SOURCE_SUFFIXES = {".py", ".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx"}


def _run(command: list[str], cwd: Path) -> None:
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch() -> dict[str, Path]:
    """Download and unpack the corpus once; returns {"python": dir, "javascript": dir}."""
    downloads = CACHE / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    python_dir = CACHE / "corpus" / "python"
    js_dir = CACHE / "corpus" / "javascript"
    if not python_dir.is_dir():
        _run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--only-binary",
                ":all:",
                DJANGO,
                "-d",
                str(downloads),
            ],
            downloads,
        )
        wheel = next(downloads.glob("django-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(python_dir)
    if not js_dir.is_dir():
        for spec in NPM_PACKAGES:
            _run(["npm", "pack", "--silent", spec], downloads)
        for tarball in sorted(downloads.glob("*.tgz")):
            with tarfile.open(tarball) as archive:
                archive.extractall(js_dir / tarball.stem, filter="data")
    return {"python": python_dir, "javascript": js_dir}


def source_files(root: Path, max_size: int = 1_000_000) -> list[Path]:
    """The files Stakes would scan under ``root`` (same size limit), for the parse floor."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.suffix in SOURCE_SUFFIXES
        and p.is_file()
        and p.stat().st_size <= max_size
        and ".min." not in p.name
    )


def replicate(source: Path, target: Path, times: int) -> Path:
    """``times`` copies of a corpus side by side, for the scaling measurement."""
    if target.is_dir():
        return target
    for index in range(times):
        shutil.copytree(source, target / f"copy{index}")
    return target


def line_count(files: list[Path]) -> int:
    return sum(p.read_bytes().count(b"\n") for p in files)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.parse_args()
    for name, path in fetch().items():
        files = source_files(path)
        print(f"{name}: {len(files)} files, {line_count(files):,} lines in {path}")

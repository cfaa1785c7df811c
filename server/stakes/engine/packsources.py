"""Where packs come from: built-in, config folders, editor settings, ``.stakes/rules/`` and
installed distributions that declare an entry point in the group ``stakes.packs``.

An entry point's name is the pack's name and its value names the Python package whose folder
holds ``pack.yaml`` (``acme-payments = acme_stakes_rules``). The package is located, never
imported: installing a pack must not mean running its code. A workspace may only name pack folders
inside itself; anything else must come from an installed distribution.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from stakes import __version__
from stakes.errors import Location, PackError

ENTRY_POINT_GROUP = "stakes.packs"
_SPEC = re.compile(r"^\s*(==|!=|>=|<=|>|<|~=)?\s*([0-9][0-9A-Za-z.+-]*)\s*$")


@dataclass(frozen=True)
class InstalledPack:
    """A pack provided by an installed distribution."""

    name: str
    path: Path
    distribution: str


def _version_tuple(text: str) -> tuple[int, ...]:
    parts: list[int] = []
    for piece in text.split("."):
        digits = re.match(r"\d+", piece)
        parts.append(int(digits.group()) if digits else 0)
    return tuple(parts)


def version_satisfies(version: str, requirement: str) -> bool | None:
    """Check a ``>=0.1,<1`` style range; ``None`` when the range cannot be parsed."""
    if not requirement.strip():
        return True
    have = _version_tuple(version)
    for clause in requirement.split(","):
        match = _SPEC.match(clause)
        if match is None:
            return None
        op, wanted_text = match.group(1) or "==", match.group(2)
        wanted = _version_tuple(wanted_text)
        width = max(len(have), len(wanted))
        a, b = have + (0,) * (width - len(have)), wanted + (0,) * (width - len(wanted))
        ok = {
            "==": a == b,
            "!=": a != b,
            ">=": a >= b,
            "<=": a <= b,
            ">": a > b,
            "<": a < b,
            "~=": a >= b and a[: max(1, len(wanted) - 1)] == b[: max(1, len(wanted) - 1)],
        }[op]
        if not ok:
            return False
    return True


def check_requires(path: Path, requirement: str) -> PackError | None:
    """An error when a pack needs another Stakes version than this one."""
    verdict = version_satisfies(__version__, requirement)
    if verdict is None:
        return PackError(Location(path), f"cannot read requires-stakes {requirement!r}", "write a range such as '>=0.1,<1'")
    if not verdict:
        return PackError(
            Location(path),
            f"pack needs Stakes {requirement} but this is Stakes {__version__}",
            "upgrade Stakes or use a version of the pack made for this one",
        )
    return None


def _package_dir(module: str) -> Path | None:
    """The folder of a top-level package, found without importing it."""
    top = module.split(":")[0].strip()
    if "." in top:
        head, _, rest = top.partition(".")
        base = _package_dir(head)
        return base.joinpath(*rest.split(".")) if base is not None else None
    spec = importlib.util.find_spec(top)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def installed_packs() -> dict[str, InstalledPack]:
    """Every pack an installed distribution declares, by pack name."""
    found: dict[str, InstalledPack] = {}
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        folder = _package_dir(entry.value)
        if folder is None:
            continue
        distribution = entry.dist.name if entry.dist is not None else "?"
        found[entry.name] = InstalledPack(entry.name, folder, distribution)
    return found


def inside(path: Path, root: Path) -> bool:
    """Whether ``path`` (symlinks resolved) lies inside ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True

"""``stakes guard PATH``: a pre-edit check for AI agents' hooks.

Reads the proposed new content of PATH (or a unified diff, or a Claude Code hook event) on stdin
and exits 2 with a short explanation on stderr when the edit would change, remove or add a
high-stakes region; 0 otherwise. Exit 2 is what agent hook systems treat as "blocked, show the
reason to the agent".
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from stakes.commands.common import add_project_arguments, project_from_args
from stakes.engine.agents import PatchError, apply_unified_diff, guard_edit, read_if_exists
from stakes.engine.model import LEVEL_NAMES, Level
from stakes.errors import UsageError

BLOCKED = 2


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("guard", help="pre-edit hook for AI agents: block edits to high-stakes code")
    parser.add_argument("path", nargs="?", type=Path, help="the file being edited (not needed with --hook)")
    parser.add_argument("--input", choices=("content", "diff", "auto"), default="auto",
                        help="what stdin holds: the new content, a unified diff, or detect (default)")
    parser.add_argument("--hook", choices=("claude-code",), help="stdin is an agent hook event (JSON)")
    parser.add_argument("--min-level", choices=LEVEL_NAMES, default="elevated",
                        help="lowest level that blocks (default: elevated)")
    add_project_arguments(parser)
    parser.set_defaults(handler=run)


def _from_claude_hook(event: dict[str, object]) -> tuple[Path, str | None]:
    """Rebuild the proposed content from a Claude Code PreToolUse event (Write, Edit, MultiEdit)."""
    tool_input = event.get("tool_input")
    if not isinstance(tool_input, dict) or "file_path" not in tool_input:
        return Path(), None
    path = Path(str(tool_input["file_path"]))
    if "content" in tool_input:
        return path, str(tool_input["content"])
    current = read_if_exists(path) or ""
    edits = tool_input.get("edits") if isinstance(tool_input.get("edits"), list) else [tool_input]
    for edit in edits or []:
        if not isinstance(edit, dict) or "old_string" not in edit:
            continue
        old, new = str(edit["old_string"]), str(edit.get("new_string", ""))
        current = current.replace(old, new) if edit.get("replace_all") else current.replace(old, new, 1)
    return path, current


def run(args: argparse.Namespace) -> int:
    data = sys.stdin.read()
    if args.hook == "claude-code":
        try:
            path, proposed = _from_claude_hook(json.loads(data))
        except json.JSONDecodeError as exc:
            raise UsageError(f"stdin is not a hook event: {exc}") from exc
        if proposed is None:
            return 0  # not a file edit
    else:
        if args.path is None:
            raise UsageError("give the path of the file being edited")
        path = args.path
        original = read_if_exists(path) or ""
        is_diff = args.input == "diff" or (
            args.input == "auto" and data.lstrip().startswith(("--- ", "diff --git", "@@ "))
        )
        try:
            proposed = apply_unified_diff(original, data) if is_diff else data
        except PatchError as exc:
            raise UsageError(f"the diff does not apply to {path}: {exc}") from exc
    project = project_from_args(args, [path])
    original_text = read_if_exists(path)
    before = project.analyze_text(path, original_text) if original_text is not None else None
    after = project.analyze_text(path, proposed)
    if before is None and after is None:
        return 0  # a language Stakes does not read
    verdict = guard_edit(before, after, Level.parse(args.min_level))
    if verdict.ok:
        return 0
    relative = project.relative(path)
    sys.stderr.write(
        f"Stakes: this edit to {relative} touches high-stakes code that a person must write or review:\n"
        + "".join(f"  - {line}\n" for line in verdict.blocked)
        + "Stop and ask a person to make or approve this change (NCSC vibe coding spectrum advice).\n"
    )
    return BLOCKED

"""Authoring tools for rule packs: scaffolding, linting and reference pages.

Kept apart from loading so that the server never pays for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from stakes import __version__
from stakes.engine.compiled import CompiledRules
from stakes.engine.model import ADVICE
from stakes.engine.rules import PACK_FILE, Pack, load_pack
from stakes.engine.ruletests import test_pack

SCHEMA_BASE = "https://stakes.dev/schemas"
# Rule ids name what a rule recognises; these prefixes name a fix instead (ruff's naming rule).
_FIX_PREFIXES = ("use-", "avoid-", "no-", "dont-", "do-not-", "prefer-", "never-", "always-", "fix-")


def find_pack_dirs(start: Path) -> list[Path]:
    """``start`` itself when it holds ``pack.yaml``, else its subfolders (two levels) that do."""
    if (start / PACK_FILE).is_file():
        return [start]
    found = sorted(p.parent for p in start.glob(f"*/{PACK_FILE}"))
    return found or sorted(p.parent for p in start.glob(f"*/*/{PACK_FILE}"))


@dataclass
class LintProblem:
    """One thing a pack author should fix."""

    where: str
    message: str

    def render(self) -> str:
        return f"{self.where}: {self.message}"


def lint_pack(directory: Path, min_examples: int = 2) -> list[LintProblem]:
    """Schema and shape (via the loader), naming, docs headings, and that every rule is tested."""
    pack, errors = load_pack(directory, "lint")
    problems = [LintProblem(str(e.location), f"{e.problem}" + (f" (fix: {e.fix})" if e.fix else "")) for e in errors]
    if pack is None:
        return problems
    if not pack.description.strip():
        problems.append(LintProblem(str(directory / PACK_FILE), "pack has no description"))
    if not pack.licence.strip():
        problems.append(LintProblem(str(directory / PACK_FILE), "pack has no licence; say under which terms teams may share it"))
    if not pack.requires_stakes.strip():
        problems.append(LintProblem(str(directory / PACK_FILE), "pack has no requires-stakes range, e.g. '>=0.1,<1'"))
    for rule in pack.rules:
        where = str(rule.location)
        if rule.local_id.startswith(_FIX_PREFIXES):
            problems.append(LintProblem(where, f"rule id '{rule.local_id}' names a fix; name it after what it recognises (e.g. 'md5-call')"))
        if "\n" in rule.message:
            problems.append(LintProblem(where, "message must be one line"))
        if not rule.docs.references:
            problems.append(LintProblem(where, "docs.references is empty; cite a CWE, OWASP ASVS item or internal standard"))
        if len(rule.docs.check) < 1:
            problems.append(LintProblem(where, "docs.check needs at least one item"))
    compiled = CompiledRules(pack.rules)
    result = test_pack(pack, compiled, min_examples)
    problems += [LintProblem(str(e.location), e.problem) for e in compiled.errors]
    for tally in result.tallies.values():
        problems += [LintProblem(w, f"{tally.rule_id}: expected finding is missing") for w in tally.missing]
        problems += [LintProblem(w, f"{tally.rule_id}: unexpected finding") for w in tally.unexpected]
    problems += [LintProblem(str(pack.examples_dir), line) for line in result.untested]
    problems += [LintProblem(str(pack.examples_dir), line) for line in result.errors]
    return problems


def module_name(pack_name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", pack_name.lower()).strip("_") + "_stakes_pack"


def scaffold(parent: Path, name: str) -> Path:
    """Write a new pack project that passes ``stakes pack test`` and ``stakes pack lint`` as is."""
    if not re.match(r"^[a-z0-9][a-z0-9-]*$", name):
        raise ValueError(f"pack name {name!r} must use lower-case letters, digits and dashes")
    root = parent / name
    if root.exists():
        raise FileExistsError(f"{root} already exists; choose another name or folder")
    module = module_name(name)
    pack_dir = root / module
    (pack_dir / "examples").mkdir(parents=True)
    service = name.split("-")[-1] or "service"
    files = {
        root / "pyproject.toml": f'''[build-system]
requires = ["hatchling>=1.24"]
build-backend = "hatchling.build"

[project]
name = "{name}-stakes-rules"
version = "0.1.0"
description = "Stakes rule pack: {name}"
requires-python = ">=3.10"
license = "Apache-2.0"
dependencies = []  # Stakes loads the pack; the pack needs nothing at run time

[project.entry-points."stakes.packs"]
{name} = "{module}"

[tool.hatch.build.targets.wheel]
packages = ["{module}"]
''',
        root / "README.md": f"""# {name}: a Stakes rule pack

Rules that mark this team's high-stakes code for [Stakes](https://github.com/stakes-dev/stakes).

- Test: `stakes pack test {name}`
- Lint: `stakes pack lint {name}`
- Publish: `python -m build` and upload the wheel to your package index; projects list the pack by
  name in `.stakes/config.yaml` (`packs: [{name}]`) after `pip install {name}-stakes-rules`.
""",
        pack_dir / "__init__.py": f'"""Data-only package: the Stakes rule pack {name!r} (never imported by Stakes)."""\n',
        pack_dir / PACK_FILE: f"""$schema: {SCHEMA_BASE}/pack.schema.json
name: {name}
version: 0.1.0
description: High-stakes code of the {name} team.
licence: Apache-2.0
requires-stakes: ">={__version__.rsplit('.', 1)[0]}"
""",
        pack_dir / "rules.yaml": f"""$schema: {SCHEMA_BASE}/rules.schema.json
rules:
  - id: {service}-refund-call
    title: Issuing a refund through the {service} client
    category: sensitive-data
    stakes: critical
    languages: [python]
    message: "{{match}} moves money back to a customer; a person must write or review this code"
    match:
      call: {module.replace('_stakes_pack', '')}.client.refund
    docs:
      why: Refunds move money out of the business; a wrong amount or a missing authorization check is a direct loss.
      check:
        - The amount comes from the original payment, not from the request.
        - The caller is authorized to refund this payment.
      references: [CWE-840, NCSC vibe coding spectrum (2026)]
""",
        pack_dir / "examples" / f"{service}-refund-call.py": f"""from {module.replace('_stakes_pack', '')} import client
from {module.replace('_stakes_pack', '')}.client import refund as issue_refund


def refund_order(order):
    # expect: {service}-refund-call
    return client.refund(order.payment_id, order.total)


def refund_alias(order):
    # expect: {service}-refund-call
    return issue_refund(order.payment_id, order.total)


def refund_preview(order):
    # ok: {service}-refund-call
    return client.preview_refund(order.payment_id)


def refund_reason_label(order):
    # ok: {service}-refund-call
    return refund_labels.get(order.reason, "refund")
""",
    }
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return root


def reference_page(pack: Pack) -> str:
    """A Markdown reference page for one pack, generated so it never drifts from the rules."""
    lines = [
        f"# Pack `{pack.name}` {pack.version}",
        "",
        "<!-- Generated by `stakes pack docs`; edit the rule files, not this page. -->",
        "",
        pack.description.strip(),
        "",
        "| rule | stakes | category | languages | title |",
        "|---|---|---|---|---|",
    ]
    rules = sorted(pack.rules, key=lambda r: r.id)
    for rule in rules:
        anchor = rule.local_id
        lines.append(f"| [`{rule.id}`](#{anchor}) | {rule.level.label} | {rule.category} | {', '.join(sorted(set(rule.languages)))} | {rule.title} |")
    for rule in rules:
        lines += [
            "",
            f"## {rule.local_id}",
            "",
            f"**{rule.title}** — `{rule.id}`, {rule.level.label}, {rule.category}. Advice: {ADVICE[rule.level]}.",
            "",
            f"Message: {rule.message}",
            "",
            rule.docs.markdown(),
        ]
    return "\n".join(lines).rstrip() + "\n"

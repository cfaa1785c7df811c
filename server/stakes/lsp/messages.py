"""The words Stakes shows: diagnostic messages, region summaries and hover text.

A diagnostic message is one line that a person *and* an AI coding agent reading the editor's
problem list can act on: what the construct is, why it is high-stakes, the spectrum advice for
its level, and an explicit instruction to stop and involve a person.
"""

from __future__ import annotations

from stakes.engine.assessment import AssessedRegion
from stakes.engine.model import ADVICE, Finding, Level
from stakes.engine.rules import Rule


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph, on one line."""
    flat = " ".join(text.split())
    for end in (". ", "? ", "! "):
        cut = flat.find(end)
        if cut != -1:
            return flat[: cut + 1]
    return flat if flat.endswith((".", "?", "!")) else flat + "."


def instruction(level: Level, region_name: str) -> str:
    """What must happen next, phrased so an AI agent knows to stop and ask a person."""
    where = f"this region ({region_name})"
    if level >= Level.HIGH:
        return f"High-stakes: a person must write or review {where}; an AI agent must stop and ask a person before changing it."
    return f"Elevated stakes: a person must review {where} before it is merged."


def diagnostic_message(finding: Finding, rule: Rule | None, region: AssessedRegion | None) -> str:
    """One line: construct, why, spectrum advice, instruction and review state."""
    level = region.level if region is not None else finding.level
    parts = [finding.message.strip().rstrip(".") + "."]
    if rule is not None:
        parts.append("Why: " + first_sentence(rule.docs.why))
    parts.append(f"{level.label.capitalize()} stakes: {ADVICE[level]}.")
    name = region.name if region is not None else finding.region.name
    if region is not None and region.review.current:
        parts.append(
            f"{sentence_case(region.review.describe())}; any change makes the review stale, "
            f"so an AI agent must ask a person before changing {name}."
        )
    else:
        parts.append(instruction(level, name))
        if region is not None and region.review.state != "unreviewed":
            parts.append(sentence_case(region.review.describe()) + ".")
    return " ".join(" ".join(parts).split())


def sentence_case(text: str) -> str:
    """Upper-case the first letter only (``str.capitalize`` would lower-case a reviewer's name)."""
    return text[:1].upper() + text[1:]


def region_title(region: AssessedRegion) -> str:
    """Short text for a code lens: level, categories, review state."""
    categories = ", ".join(region.categories) or "no category"
    return f"Stakes: {region.level.label} · {categories} · {region.review.describe()}"


def region_markdown(region: AssessedRegion) -> str:
    """The region's summary for hover: name, level, categories, advice and review state."""
    lines = [
        f"**Region** `{region.name}` ({region.region.ref.kind}): **{region.level.label}** stakes",
        f"- categories: {', '.join(region.categories) or 'none'}",
        f"- advice: {region.advice}",
        f"- review: {region.review.describe()}",
    ]
    if region.review.note:
        lines.append(f"- review note: {region.review.note}")
    if region.zone is not None:
        lines.append(f"- zone: {region.zone.reason} ({region.zone.level.label})")
    return "\n".join(lines)


def rule_markdown(rule: Rule) -> str:
    """A rule's title, id and docs under the fixed headings (why, checklist, references)."""
    return f"### {rule.title}\n`{rule.id}` · {rule.category} · {rule.level.label}\n\n{rule.docs.markdown()}"

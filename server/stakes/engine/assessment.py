"""Assessment: what a region's findings mean for this project.

Combines the findings of a file with the project's profile, zones, suppressions and review
ledger into the levels, severities, advice and review states both presenters show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from stakes.engine.config import Zone
from stakes.engine.model import ADVICE, Finding, Level, Region, RegionRef, Severity, severity_for
from stakes.engine.suppressions import SuppressionProblem


@dataclass(frozen=True)
class ReviewState:
    """A region's review status: ``unreviewed``, ``reviewed`` (current) or ``stale``."""

    state: str = "unreviewed"
    reviewer: str = ""
    date: str = ""
    note: str = ""
    expired: str = ""  # the expiry date, when the review is stale because it expired

    @property
    def current(self) -> bool:
        return self.state == "reviewed"

    def describe(self) -> str:
        if self.state == "reviewed":
            return f"reviewed by {self.reviewer} on {self.date}"
        if self.state == "stale" and self.expired:
            return f"review by {self.reviewer} on {self.date} expired on {self.expired}"
        if self.state == "stale":
            return f"changed since review by {self.reviewer} on {self.date}"
        return "not reviewed"

    def to_json(self) -> dict[str, str]:
        out = {"state": self.state}
        if self.reviewer:
            out["reviewer"] = self.reviewer
        if self.date:
            out["date"] = self.date
        if self.note:
            out["note"] = self.note
        if self.expired:
            out["expired"] = self.expired
        return out


# (relative path, region name, fingerprint) → review state
ReviewLookup = Callable[[str, str, str], ReviewState]


def no_reviews(_path: str, _region: str, _fingerprint: str) -> ReviewState:
    """The lookup used before a ledger exists: nothing has been reviewed."""
    return ReviewState()


@dataclass
class AssessedRegion:
    """A region with everything a person needs to decide how carefully to treat it."""

    region: Region
    level: Level
    severity: Severity
    review: ReviewState
    zone: Zone | None = None

    @property
    def advice(self) -> str:
        return ADVICE[self.level]

    @property
    def name(self) -> str:
        return self.region.ref.name

    @property
    def categories(self) -> list[str]:
        return self.region.categories


@dataclass
class FileReport:
    """The assessment of one file, shared by the CLI and the language server."""

    path: Path
    relative: str
    language: str
    profile: str
    findings: list[Finding] = field(default_factory=list)
    regions: list[AssessedRegion] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # malformed, expired, unknown and unused suppression comments, for the editor and the CLI
    suppression_problems: list[SuppressionProblem] = field(default_factory=list)
    _index: tuple[int, int, dict[RegionRef, AssessedRegion]] = field(default=(0, -1, {}), repr=False, compare=False)

    def region_of(self, finding: Finding) -> AssessedRegion | None:
        """The assessed region a finding lies in (a dict lookup: files can hold thousands)."""
        key = (id(self.regions), len(self.regions))
        if self._index[:2] != key:
            self._index = (*key, {region.region.ref: region for region in self.regions})
        return self._index[2].get(finding.region)

    def severity_of(self, finding: Finding) -> Severity:
        """A finding's severity: its level (raised by its zone) × profile; Hint once reviewed."""
        region = self.region_of(finding)
        level = finding.level
        if region is not None:
            if region.review.current:
                return Severity.HINT
            if region.zone is not None:
                level = max(level, region.zone.level)
        return severity_for(level, self.profile)

    @property
    def active_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.suppressed is None]


def assess(
    path: Path,
    relative: str,
    language: str,
    profile: str,
    findings: list[Finding],
    regions: list[Region],
    zone: Zone | None,
    reviews: ReviewLookup = no_reviews,
    notes: list[str] | None = None,
    suppression_problems: list[SuppressionProblem] | None = None,
) -> FileReport:
    """Build the file report: region levels with zones, severities, review states."""
    report = FileReport(path, relative, language, profile, findings, [], list(notes or []), list(suppression_problems or []))
    for region in regions:
        if zone is not None:
            region.zone_level = zone.level
            region.zone_reason = zone.reason
        level = region.level
        if level == Level.LOW:
            continue  # every finding suppressed and no zone: nothing to show
        review = reviews(relative, region.ref.name, region.fingerprint)
        severity = Severity.HINT if review.current else severity_for(level, profile)
        report.regions.append(AssessedRegion(region, level, severity, review, zone))
    return report

/**
 * What the status bar, its tooltip and the region picker say about a file.
 *
 * Pure functions over region summaries, so that the wording (which is the point of
 * the extension: telling a developer where to slow down) is unit-tested without VS Code.
 */
import { LEVELS, type RegionReview, type RegionSummary, type StakesLevel } from './protocol';

/** Advice per level, as in the design notes' spectrum table; `short` fits a status bar. */
export const ADVICE: Record<StakesLevel, { short: string; full: string }> = {
  critical: {
    short: 'write by hand + second reviewer',
    full: 'write by hand; a second person reviews',
  },
  high: {
    short: 'hand-write / review every line',
    full: 'hand-write, or review every line an AI wrote and understand it',
  },
  elevated: {
    short: 'AI may draft, review before merge',
    full: 'AI may draft; review the result before merging',
  },
};

export const NO_REGIONS_TEXT = 'Stakes: vibe-coding OK';

/** Lower rank = more serious. */
export function levelRank(level: StakesLevel): number {
  return LEVELS.indexOf(level);
}

/** The most serious level among the regions, or undefined for a file without any. */
export function highestLevel(regions: readonly RegionSummary[]): StakesLevel | undefined {
  let best: StakesLevel | undefined;
  for (const region of regions) {
    if (best === undefined || levelRank(region.level) < levelRank(best)) {
      best = region.level;
    }
  }
  return best;
}

/** Regions in the order a reviewer should look at them: most serious first, then by position. */
export function sortRegions(regions: readonly RegionSummary[]): RegionSummary[] {
  return [...regions].sort(
    (a, b) =>
      levelRank(a.level) - levelRank(b.level) ||
      a.range.start.line - b.range.start.line ||
      a.name.localeCompare(b.name),
  );
}

export interface StatusSummary {
  /** Status bar text, with a codicon. */
  text: string;
  level: StakesLevel | undefined;
  /** Number of regions that still need a person's attention (unreviewed or stale). */
  open: number;
}

/**
 * Status bar text: the advice for the file's highest level, and how many regions still need a
 * review, so "all reviewed" is visible without opening the tooltip.
 */
export function statusSummary(regions: readonly RegionSummary[]): StatusSummary {
  const level = highestLevel(regions);
  if (level === undefined) {
    return { text: `$(pass) ${NO_REGIONS_TEXT}`, level, open: 0 };
  }
  const open = regions.filter((r) => r.review.state !== 'reviewed').length;
  const icon = open === 0 ? '$(verified)' : level === 'elevated' ? '$(eye)' : '$(shield)';
  const progress = open === 0 ? 'all reviewed' : `${open}/${regions.length} to review`;
  return { text: `${icon} Stakes: ${ADVICE[level].short} (${progress})`, level, open };
}

/** "unreviewed", "reviewed by Ann on 2026-01-02", "changed since review by Ann on 2026-01-02". */
export function reviewLabel(review: RegionReview): string {
  if (review.state === 'unreviewed') {
    return 'unreviewed';
  }
  const by = review.reviewer ? ` by ${review.reviewer}` : '';
  const on = review.date ? ` on ${review.date}` : '';
  return review.state === 'reviewed' ? `reviewed${by}${on}` : `changed since review${by}${on}`;
}

/** 1-based, inclusive line span for people ("lines 3–9"). */
export function lineSpan(region: RegionSummary): string {
  const first = region.range.start.line + 1;
  // An LSP range that ends at column 0 does not include that line.
  const endLine = region.range.end.character === 0 && region.range.end.line > region.range.start.line
    ? region.range.end.line
    : region.range.end.line + 1;
  return first === endLine ? `line ${first}` : `lines ${first}–${endLine}`;
}

/** Escapes text for inclusion in Markdown (names can contain `_` and `*`). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

/** Markdown tooltip listing each region with its level, categories and review state. */
export function tooltipMarkdown(regions: readonly RegionSummary[], fileLabel: string): string {
  const level = highestLevel(regions);
  if (level === undefined) {
    return [
      `**Stakes** — no high-stakes code in ${escapeMarkdown(fileLabel)}.`,
      '',
      'Nothing here handles credentials, authentication, authorization, sessions, cryptography, sensitive data or security configuration, so the usual review is enough.',
    ].join('\n');
  }
  const lines = [
    `**Stakes** — ${escapeMarkdown(ADVICE[level].full)}`,
    '',
    `${regions.length} high-stakes region${regions.length === 1 ? '' : 's'} in ${escapeMarkdown(fileLabel)}:`,
    '',
  ];
  for (const region of sortRegions(regions)) {
    const categories = region.categories.length > 0 ? ` · ${region.categories.map(escapeMarkdown).join(', ')}` : '';
    lines.push(
      `- ${stateIcon(region.review.state)} \`${region.name.replace(/`/g, "'")}\` (${escapeMarkdown(region.kind)}, ${lineSpan(region)}) — **${region.level}**${categories} — ${escapeMarkdown(reviewLabel(region.review))}`,
    );
  }
  lines.push('', 'Click to go to a region.');
  return lines.join('\n');
}

/** Codicon for a review state, shared by the tooltip and the picker. */
export function stateIcon(state: RegionReview['state']): string {
  switch (state) {
    case 'reviewed':
      return '$(verified)';
    case 'stale':
      return '$(history)';
    default:
      return '$(circle-large-outline)';
  }
}

export interface RegionPickItem {
  label: string;
  description: string;
  detail: string;
  region: RegionSummary;
}

/** Quick pick entries for the regions of one file, most serious first. */
export function regionPickItems(regions: readonly RegionSummary[]): RegionPickItem[] {
  return sortRegions(regions).map((region) => ({
    label: `${stateIcon(region.review.state)} ${region.name}`,
    description: `${region.level} · ${region.kind} · ${lineSpan(region)}`,
    detail: [region.categories.join(', '), reviewLabel(region.review), region.advice || ADVICE[region.level].full]
      .filter((part) => part !== '')
      .join(' — '),
    region,
  }));
}

/** The innermost region containing a (0-based) line, for commands run from the cursor. */
export function regionAtLine(regions: readonly RegionSummary[], line: number): RegionSummary | undefined {
  let best: RegionSummary | undefined;
  for (const region of regions) {
    if (region.range.start.line <= line && line <= region.range.end.line) {
      const size = region.range.end.line - region.range.start.line;
      if (!best || size < best.range.end.line - best.range.start.line) {
        best = region;
      }
    }
  }
  return best;
}

/** Splits regions by review state; each group gets its own decoration style. */
export function groupByReviewState(regions: readonly RegionSummary[]): Record<RegionReview['state'], RegionSummary[]> {
  const groups: Record<RegionReview['state'], RegionSummary[]> = { unreviewed: [], reviewed: [], stale: [] };
  for (const region of regions) {
    groups[region.review.state].push(region);
  }
  return groups;
}

/**
 * Whether a region gets a background. A module-level region spans the whole file, and tinting
 * every line would drown out the functions that matter, so it gets only its gutter mark.
 */
export function hasBackground(region: RegionSummary): boolean {
  return region.kind !== 'module' && region.kind !== 'file';
}

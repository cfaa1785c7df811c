/**
 * Decisions behind the commands that do not need VS Code: which rule to explain, how the
 * review status is grouped, what a mark-reviewed request carries. Unit-tested on their own.
 */
import { lineSpan, sortRegions } from './advice';
import type { RegionSummary, ReviewState } from './protocol';

export interface DiagnosticLike {
  source?: string;
  code?: string | number | { value: string | number };
  range: { start: { line: number }; end: { line: number } };
}

function codeOf(diagnostic: DiagnosticLike): string | undefined {
  const code = typeof diagnostic.code === 'object' && diagnostic.code !== null ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

/**
 * Rule ids of Stakes diagnostics, those on the cursor line first, then by position, without
 * duplicates: "Explain Rule" from the palette should offer the rule the user is looking at.
 */
export function ruleIdsFromDiagnostics(diagnostics: readonly DiagnosticLike[], cursorLine?: number): string[] {
  const ours = diagnostics.filter((d) => d.source === 'stakes' && codeOf(d) !== undefined);
  const atCursor = (d: DiagnosticLike): boolean =>
    cursorLine !== undefined && d.range.start.line <= cursorLine && cursorLine <= d.range.end.line;
  const ordered = [...ours].sort(
    (a, b) => Number(atCursor(b)) - Number(atCursor(a)) || a.range.start.line - b.range.start.line,
  );
  return [...new Set(ordered.map((d) => codeOf(d) as string))];
}

/** Review status grouped for display: what needs attention (stale, then unreviewed) first. */
export const STATUS_ORDER: readonly ReviewState[] = ['stale', 'unreviewed', 'reviewed'];

export const STATUS_HEADINGS: Record<ReviewState, string> = {
  stale: 'Changed since review',
  unreviewed: 'Not reviewed',
  reviewed: 'Reviewed',
};

export function groupStatus(summaries: readonly RegionSummary[]): { state: ReviewState; regions: RegionSummary[] }[] {
  return STATUS_ORDER.map((state) => ({ state, regions: sortRegions(summaries.filter((s) => s.review.state === state)) })).filter(
    (group) => group.regions.length > 0,
  );
}

/** One line per region for the output channel / plain-text report. */
export function statusReport(summaries: readonly RegionSummary[], fallbackUri?: string): string {
  if (summaries.length === 0) {
    return 'Stakes: no high-stakes regions found.';
  }
  const lines: string[] = [];
  for (const group of groupStatus(summaries)) {
    lines.push(`${STATUS_HEADINGS[group.state]} (${group.regions.length}):`);
    for (const region of group.regions) {
      const where = region.uri ?? fallbackUri ?? '';
      lines.push(`  ${region.level.padEnd(8)} ${region.name} — ${where}${where ? ' ' : ''}${lineSpan(region)}`);
    }
  }
  return lines.join('\n');
}

export interface MarkReviewedArgument {
  uri: string;
  region: string;
  note?: string;
}

/**
 * Normalises a `stakes.markReviewed` argument list, adding the note if one was given. Returns
 * undefined when the arguments do not name a region (so the caller asks the user instead).
 */
export function markReviewedArgument(args: readonly unknown[] | undefined, note?: string): MarkReviewedArgument | undefined {
  const first = args?.[0];
  if (typeof first !== 'object' || first === null) {
    return undefined;
  }
  const { uri, region } = first as Record<string, unknown>;
  if (typeof uri !== 'string' || typeof region !== 'string') {
    return undefined;
  }
  const existing = (first as Record<string, unknown>).note;
  const argument: MarkReviewedArgument = { uri, region };
  const finalNote = note !== undefined && note.trim() !== '' ? note.trim() : typeof existing === 'string' ? existing : undefined;
  if (finalNote !== undefined && finalNote !== '') {
    argument.note = finalNote;
  }
  return argument;
}

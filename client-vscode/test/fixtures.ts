/** Builders for region summaries used across the unit tests. */
import type { RegionSummary, ReviewState, StakesLevel } from '../src/protocol';

export function region(
  name: string,
  level: StakesLevel,
  startLine: number,
  endLine: number,
  state: ReviewState = 'unreviewed',
  extra: Partial<RegionSummary> = {},
): RegionSummary {
  return {
    name,
    kind: 'function',
    range: { start: { line: startLine, character: 0 }, end: { line: endLine, character: 0 } },
    level,
    categories: ['credentials'],
    advice: '',
    review: state === 'unreviewed' ? { state } : { state, reviewer: 'Ann', date: '2026-11-01' },
    ...extra,
  };
}

/**
 * The client's view of Stakes' LSP contract (docs/protocol.md).
 *
 * Kept free of `vscode` imports so that the parsing can be unit-tested under
 * plain Node. The server is a separate program that may be older or newer than
 * this extension, so everything that arrives from it is validated here and
 * malformed entries are dropped instead of crashing the UI.
 */

/** Stakes levels, from most to least serious. Anything unmatched is "low" and has no region. */
export const LEVELS = ['critical', 'high', 'elevated'] as const;
export type StakesLevel = (typeof LEVELS)[number];

export const REVIEW_STATES = ['unreviewed', 'reviewed', 'stale'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export interface RegionReview {
  state: ReviewState;
  reviewer?: string;
  date?: string;
}

/** One high-stakes region as returned by `stakes/regions` and `stakes.reviewStatus`. */
export interface RegionSummary {
  name: string;
  kind: string;
  range: LspRange;
  level: StakesLevel;
  categories: string[];
  advice: string;
  review: RegionReview;
  /** Present when the summary comes from a workspace-wide listing. */
  uri?: string;
}

/** Custom request: params `{textDocument: {uri}}`, result `RegionSummary[]`. */
export const REGIONS_REQUEST = 'stakes/regions';
/** Notification from the server after it re-assessed a document: `{uri}`. */
export const REGIONS_CHANGED_NOTIFICATION = 'stakes/regionsChanged';

/**
 * Commands the server executes (`workspace/executeCommand`). vscode-languageclient
 * registers VS Code commands under these ids, so the extension's own commands use
 * different ids (see package.json) to avoid a clash.
 */
export const ServerCommand = {
  scanWorkspace: 'stakes.scanWorkspace',
  markReviewed: 'stakes.markReviewed',
  explainRule: 'stakes.explainRule',
  reviewStatus: 'stakes.reviewStatus',
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function parsePosition(value: unknown): LspPosition | undefined {
  if (!isRecord(value) || !isNonNegativeInteger(value.line) || !isNonNegativeInteger(value.character)) {
    return undefined;
  }
  return { line: value.line, character: value.character };
}

/** Validates an LSP range; returns undefined when it is not one. */
export function parseRange(value: unknown): LspRange | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const start = parsePosition(value.start);
  const end = parsePosition(value.end);
  return start && end ? { start, end } : undefined;
}

export function isLevel(value: unknown): value is StakesLevel {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

function parseReview(value: unknown): RegionReview {
  if (!isRecord(value)) {
    return { state: 'unreviewed' };
  }
  const state = typeof value.state === 'string' && (REVIEW_STATES as readonly string[]).includes(value.state)
    ? (value.state as ReviewState)
    : 'unreviewed';
  const review: RegionReview = { state };
  if (typeof value.reviewer === 'string' && value.reviewer !== '') {
    review.reviewer = value.reviewer;
  }
  if (typeof value.date === 'string' && value.date !== '') {
    review.date = value.date;
  }
  return review;
}

/** Validates one region summary; returns undefined when a required field is missing or wrong. */
export function parseRegionSummary(value: unknown): RegionSummary | undefined {
  if (!isRecord(value) || typeof value.name !== 'string' || !isLevel(value.level)) {
    return undefined;
  }
  const range = parseRange(value.range);
  if (!range) {
    return undefined;
  }
  const categories = Array.isArray(value.categories)
    ? value.categories.filter((c): c is string => typeof c === 'string')
    : [];
  const summary: RegionSummary = {
    name: value.name,
    kind: typeof value.kind === 'string' ? value.kind : 'region',
    range,
    level: value.level,
    categories,
    advice: typeof value.advice === 'string' ? value.advice : '',
    review: parseReview(value.review),
  };
  if (typeof value.uri === 'string') {
    summary.uri = value.uri;
  }
  return summary;
}

/** Parses a list of region summaries, keeping the valid entries. Non-lists give an empty list. */
export function parseRegionSummaries(value: unknown): RegionSummary[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const out: RegionSummary[] = [];
  for (const item of value) {
    const parsed = parseRegionSummary(item);
    if (parsed) {
      out.push(parsed);
    }
  }
  return out;
}

/** Result of `stakes.scanWorkspace`: `{files, findings}`; undefined when the shape differs. */
export function parseScanResult(value: unknown): { files: number; findings: number } | undefined {
  if (!isRecord(value) || typeof value.files !== 'number' || typeof value.findings !== 'number') {
    return undefined;
  }
  return { files: value.files, findings: value.findings };
}

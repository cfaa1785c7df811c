import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  ADVICE,
  escapeMarkdown,
  groupByReviewState,
  hasBackground,
  highestLevel,
  lineSpan,
  NO_REGIONS_TEXT,
  regionAtLine,
  regionPickItems,
  reviewLabel,
  sortRegions,
  statusSummary,
  tooltipMarkdown,
} from '../src/advice';
import { region } from './fixtures';

describe('highestLevel', () => {
  it('is undefined for a file without regions', () => {
    assert.equal(highestLevel([]), undefined);
  });

  it('picks critical over high over elevated regardless of order', () => {
    assert.equal(highestLevel([region('a', 'elevated', 0, 1), region('b', 'critical', 2, 3), region('c', 'high', 4, 5)]), 'critical');
    assert.equal(highestLevel([region('a', 'elevated', 0, 1), region('c', 'high', 4, 5)]), 'high');
    assert.equal(highestLevel([region('a', 'elevated', 0, 1)]), 'elevated');
  });
});

describe('statusSummary', () => {
  it('says vibe-coding is fine when there are no regions', () => {
    const summary = statusSummary([]);
    assert.equal(summary.text, `$(pass) ${NO_REGIONS_TEXT}`);
    assert.equal(summary.level, undefined);
    assert.equal(summary.open, 0);
  });

  it('shows the advice of the highest level and counts regions still to review', () => {
    const summary = statusSummary([region('a', 'high', 0, 1), region('b', 'elevated', 3, 4, 'reviewed'), region('c', 'high', 6, 9, 'stale')]);
    assert.equal(summary.level, 'high');
    assert.equal(summary.open, 2);
    assert.equal(summary.text, `$(shield) Stakes: ${ADVICE.high.short} (2/3 to review)`);
  });

  it('marks a file whose regions are all reviewed', () => {
    const summary = statusSummary([region('a', 'critical', 0, 1, 'reviewed')]);
    assert.equal(summary.open, 0);
    assert.match(summary.text, /^\$\(verified\) Stakes: write by hand \+ second reviewer \(all reviewed\)$/);
  });

  it('uses the example wording of the issue for high-stakes files', () => {
    assert.match(statusSummary([region('a', 'high', 0, 1)]).text, /Stakes: hand-write \/ review every line/);
  });
});

describe('reviewLabel', () => {
  it('describes each state with reviewer and date when known', () => {
    assert.equal(reviewLabel({ state: 'unreviewed' }), 'unreviewed');
    assert.equal(reviewLabel({ state: 'reviewed', reviewer: 'Ann', date: '2026-11-01' }), 'reviewed by Ann on 2026-11-01');
    assert.equal(reviewLabel({ state: 'stale', reviewer: 'Bo' }), 'changed since review by Bo');
    assert.equal(reviewLabel({ state: 'reviewed' }), 'reviewed');
  });
});

describe('lineSpan', () => {
  it('is 1-based and does not count an end at column 0', () => {
    assert.equal(lineSpan(region('a', 'high', 0, 9)), 'lines 1–9');
  });

  it('counts an end line with content and names single lines', () => {
    const r = region('a', 'high', 4, 4);
    r.range.end.character = 12;
    assert.equal(lineSpan(r), 'line 5');
    r.range.end.line = 6;
    assert.equal(lineSpan(r), 'lines 5–7');
  });
});

describe('tooltipMarkdown', () => {
  it('lists every region, most serious first, with review state', () => {
    const text = tooltipMarkdown(
      [region('load_config', 'elevated', 20, 30), region('AuthService.verify_password', 'critical', 2, 12, 'stale', { categories: ['credentials', 'authentication'] })],
      'auth.py',
    );
    const lines = text.split('\n');
    assert.equal(lines[0], `**Stakes** — ${escapeMarkdown(ADVICE.critical.full)}`);
    assert.ok(text.includes('2 high-stakes regions in auth\\.py'));
    const first = lines.findIndex((l) => l.includes('AuthService.verify_password'));
    const second = lines.findIndex((l) => l.includes('load_config'));
    assert.ok(first > 0 && second > first, 'critical region listed before elevated one');
    assert.ok(lines[first].includes('**critical**'));
    assert.ok(lines[first].includes('credentials, authentication'));
    assert.ok(lines[first].includes('changed since review by Ann on 2026\\-11\\-01'));
    assert.ok(lines[second].includes('unreviewed'));
  });

  it('explains the absence of high-stakes code', () => {
    assert.match(tooltipMarkdown([], 'util.py'), /no high-stakes code in util\\\.py/);
  });

  it('cannot be broken by backticks in a name', () => {
    const text = tooltipMarkdown([region('weird`name', 'high', 0, 1)], 'x.py');
    assert.ok(text.includes("`weird'name`"));
  });
});

describe('escapeMarkdown', () => {
  it('escapes emphasis and code characters', () => {
    assert.equal(escapeMarkdown('__init__ *x* `y`'), '\\_\\_init\\_\\_ \\*x\\* \\`y\\`');
  });
});

describe('sortRegions and regionPickItems', () => {
  it('orders by level, then position', () => {
    const sorted = sortRegions([region('c', 'elevated', 1, 2), region('b', 'high', 9, 10), region('a', 'high', 3, 4)]);
    assert.deepEqual(sorted.map((r) => r.name), ['a', 'b', 'c']);
  });

  it('gives picker entries with level, kind, lines and review state', () => {
    const [item] = regionPickItems([region('Session.rotate', 'high', 4, 8, 'reviewed', { kind: 'method', advice: 'custom advice' })]);
    assert.equal(item.label, '$(verified) Session.rotate');
    assert.equal(item.description, 'high · method · lines 5–8');
    assert.equal(item.detail, 'credentials — reviewed by Ann on 2026-11-01 — custom advice');
  });

  it('falls back to the level advice when the server sends none', () => {
    const [item] = regionPickItems([region('x', 'elevated', 0, 1)]);
    assert.ok(item.detail.endsWith(ADVICE.elevated.full));
  });
});

describe('regionAtLine', () => {
  it('returns the innermost enclosing region', () => {
    const outer = region('Outer', 'high', 0, 20);
    const inner = region('Outer.inner', 'critical', 5, 8);
    assert.equal(regionAtLine([outer, inner], 6), inner);
    assert.equal(regionAtLine([outer, inner], 15), outer);
    assert.equal(regionAtLine([outer, inner], 25), undefined);
  });
});

describe('groupByReviewState', () => {
  it('puts each region in the group of its state', () => {
    const groups = groupByReviewState([region('a', 'high', 0, 1), region('b', 'high', 2, 3, 'stale'), region('c', 'high', 4, 5, 'reviewed'), region('d', 'high', 6, 7)]);
    assert.deepEqual(groups.unreviewed.map((r) => r.name), ['a', 'd']);
    assert.deepEqual(groups.stale.map((r) => r.name), ['b']);
    assert.deepEqual(groups.reviewed.map((r) => r.name), ['c']);
  });
});

describe('hasBackground', () => {
  it('tints functions, methods and classes but not whole modules', () => {
    assert.equal(hasBackground(region('f', 'high', 0, 3)), true);
    assert.equal(hasBackground(region('C.m', 'high', 0, 3, 'unreviewed', { kind: 'method' })), true);
    assert.equal(hasBackground(region('<module>', 'high', 0, 70, 'unreviewed', { kind: 'module' })), false);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseRange, parseRegionSummaries, parseRegionSummary, parseScanResult } from '../src/protocol';

const valid = {
  name: 'AuthService.verify_password',
  kind: 'method',
  range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
  level: 'critical',
  categories: ['credentials', 'authentication'],
  advice: 'write by hand; a second person reviews',
  review: { state: 'reviewed', reviewer: 'Ann', date: '2026-11-01' },
};

describe('parseRegionSummary', () => {
  it('accepts the example from docs/protocol.md', () => {
    assert.deepEqual(parseRegionSummary(valid), valid);
  });

  it('rejects unknown levels, missing names and broken ranges', () => {
    assert.equal(parseRegionSummary({ ...valid, level: 'low' }), undefined);
    assert.equal(parseRegionSummary({ ...valid, name: 3 }), undefined);
    assert.equal(parseRegionSummary({ ...valid, range: { start: { line: -1, character: 0 }, end: { line: 1, character: 0 } } }), undefined);
    assert.equal(parseRegionSummary(null), undefined);
  });

  it('treats a missing or unknown review as unreviewed and keeps a uri', () => {
    const parsed = parseRegionSummary({ ...valid, review: { state: 'maybe' }, uri: 'file:///x.py' });
    assert.deepEqual(parsed?.review, { state: 'unreviewed' });
    assert.equal(parsed?.uri, 'file:///x.py');
    assert.deepEqual(parseRegionSummary({ ...valid, review: undefined })?.review, { state: 'unreviewed' });
  });

  it('fills optional fields with defaults and drops non-string categories', () => {
    const parsed = parseRegionSummary({ name: 'm', level: 'high', range: valid.range, categories: ['a', 1] });
    assert.equal(parsed?.kind, 'region');
    assert.equal(parsed?.advice, '');
    assert.deepEqual(parsed?.categories, ['a']);
  });
});

describe('parseRegionSummaries', () => {
  it('keeps valid entries and ignores the rest', () => {
    const parsed = parseRegionSummaries([valid, { bogus: true }, { ...valid, name: 'second' }]);
    assert.deepEqual(parsed.map((r) => r.name), ['AuthService.verify_password', 'second']);
  });

  it('returns an empty list for null (no regions) and non-lists', () => {
    assert.deepEqual(parseRegionSummaries(null), []);
    assert.deepEqual(parseRegionSummaries({}), []);
  });
});

describe('parseRange and parseScanResult', () => {
  it('validates positions', () => {
    assert.equal(parseRange({ start: { line: 0, character: 0.5 }, end: { line: 1, character: 0 } }), undefined);
    assert.deepEqual(parseRange(valid.range), valid.range);
  });

  it('reads scan counts', () => {
    assert.deepEqual(parseScanResult({ files: 3, findings: 7, extra: 1 }), { files: 3, findings: 7 });
    assert.equal(parseScanResult({ files: '3' }), undefined);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { groupStatus, markReviewedArgument, ruleIdsFromDiagnostics, statusReport } from '../src/commandLogic';
import { region } from './fixtures';

const diag = (line: number, code: unknown, source = 'stakes') => ({
  source,
  code: code as string,
  range: { start: { line }, end: { line } },
});

describe('ruleIdsFromDiagnostics', () => {
  it('lists Stakes rule ids once, those at the cursor first', () => {
    const ids = ruleIdsFromDiagnostics(
      [diag(1, 'credentials/a'), diag(5, 'crypto/b'), diag(9, 'credentials/a'), diag(5, 'E501', 'ruff'), { ...diag(7, undefined) }, diag(3, { value: 'auth/c' })],
      5,
    );
    assert.deepEqual(ids, ['crypto/b', 'credentials/a', 'auth/c']);
  });
});

describe('groupStatus and statusReport', () => {
  it('shows stale first, then unreviewed, then reviewed, skipping empty groups', () => {
    const groups = groupStatus([region('a', 'high', 0, 1, 'reviewed'), region('b', 'critical', 2, 3, 'stale'), region('c', 'elevated', 4, 5, 'stale')]);
    assert.deepEqual(groups.map((g) => [g.state, g.regions.map((r) => r.name)]), [
      ['stale', ['b', 'c']],
      ['reviewed', ['a']],
    ]);
  });

  it('writes a readable report', () => {
    const report = statusReport([region('login', 'critical', 2, 9, 'unreviewed', { uri: 'file:///app/auth.py' })]);
    assert.equal(report, 'Not reviewed (1):\n  critical login — file:///app/auth.py lines 3–9');
    assert.equal(statusReport([]), 'Stakes: no high-stakes regions found.');
  });
});

describe('markReviewedArgument', () => {
  it('takes uri and region, adding a trimmed note', () => {
    assert.deepEqual(markReviewedArgument([{ uri: 'file:///a.py', region: 'f' }], '  checked salts '), { uri: 'file:///a.py', region: 'f', note: 'checked salts' });
  });

  it('keeps an existing note and omits an empty one', () => {
    assert.deepEqual(markReviewedArgument([{ uri: 'u', region: 'r', note: 'n' }]), { uri: 'u', region: 'r', note: 'n' });
    assert.deepEqual(markReviewedArgument([{ uri: 'u', region: 'r' }], '   '), { uri: 'u', region: 'r' });
  });

  it('rejects arguments that do not name a region', () => {
    assert.equal(markReviewedArgument(undefined), undefined);
    assert.equal(markReviewedArgument([]), undefined);
    assert.equal(markReviewedArgument([{ uri: 'u' }]), undefined);
    assert.equal(markReviewedArgument(['u']), undefined);
  });
});

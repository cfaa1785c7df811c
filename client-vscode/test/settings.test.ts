import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildServerOptions, resolvePath } from '../src/settings';

describe('buildServerOptions', () => {
  const settings = {
    profile: 'critical',
    packs: ['team-pack', '/abs/pack', '', 7],
    severityOverrides: { elevated: 'hint', high: 'loud', low: 'error' },
    reviewer: '  Ann Example ',
  };

  it('passes valid values through and drops invalid ones', () => {
    assert.deepEqual(buildServerOptions(settings, true, '/ws'), {
      profile: 'critical',
      packs: ['/ws/team-pack', '/abs/pack'],
      severityOverrides: { elevated: 'hint' },
      reviewer: 'Ann Example',
      trustedWorkspace: true,
    });
  });

  it('withholds extra packs and says so in an untrusted workspace', () => {
    const payload = buildServerOptions(settings, false, '/ws');
    assert.deepEqual(payload.packs, []);
    assert.equal(payload.trustedWorkspace, false);
    assert.equal(payload.profile, 'critical');
  });

  it('uses null for an unset or unknown profile and omits an empty reviewer', () => {
    const payload = buildServerOptions({ profile: 'yolo', packs: undefined, severityOverrides: null, reviewer: '' }, true);
    assert.equal(payload.profile, null);
    assert.deepEqual(payload.packs, []);
    assert.deepEqual(payload.severityOverrides, {});
    assert.equal('reviewer' in payload, false);
  });
});

describe('resolvePath', () => {
  it('expands ~, ${userHome} and ${workspaceFolder}', () => {
    assert.equal(resolvePath('~/bin/stakes', '/ws', { home: '/home/ann' }), '/home/ann/bin/stakes');
    assert.equal(resolvePath('${userHome}/x', '/ws', { home: '/home/ann' }), '/home/ann/x');
    assert.equal(resolvePath('${workspaceFolder}/.venv/bin/stakes', '/ws', { home: '/home/ann' }), '/ws/.venv/bin/stakes');
  });

  it('makes relative paths absolute against the workspace but leaves bare names for PATH', () => {
    assert.equal(resolvePath('.venv/bin/stakes', '/ws', { home: '/h' }), '/ws/.venv/bin/stakes');
    assert.equal(resolvePath('stakes', '/ws', { home: '/h', keepBareNames: true }), 'stakes');
    assert.equal(resolvePath('team-pack', '/ws', { home: '/h' }), '/ws/team-pack');
    assert.equal(resolvePath(' /abs/stakes ', '/ws', { home: '/h' }), '/abs/stakes');
  });
});

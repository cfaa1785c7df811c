import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { describeServer, resolveServer, stakesScriptCandidates, type ResolverDeps } from '../src/serverResolution';

/** A fake world: which files are executable, what the Python extension says, what is managed. */
function deps(overrides: Partial<ResolverDeps> & { files?: string[]; calls?: string[] } = {}): ResolverDeps {
  const files = new Set(overrides.files ?? []);
  const calls = overrides.calls ?? [];
  return {
    settingPath: '',
    pythonExtensionInterpreter: async () => {
      calls.push('python-extension');
      return undefined;
    },
    managedServer: async () => {
      calls.push('managed');
      return undefined;
    },
    isExecutableFile: async (file) => files.has(file),
    which: async (command) => (files.has(`/usr/bin/${command}`) ? `/usr/bin/${command}` : undefined),
    platform: 'linux',
    ...overrides,
  };
}

describe('resolveServer', () => {
  it('uses the setting first and asks nothing else', async () => {
    const calls: string[] = [];
    const result = await resolveServer(
      deps({
        settingPath: '/opt/stakes/bin/stakes',
        files: ['/opt/stakes/bin/stakes', '/venv/bin/stakes'],
        calls,
        pythonExtensionInterpreter: async () => {
          calls.push('python-extension');
          return '/venv/bin/python';
        },
      }),
    );
    assert.deepEqual(result, { kind: 'resolved', server: { source: 'setting', command: '/opt/stakes/bin/stakes', args: ['serve'] } });
    assert.deepEqual(calls, []);
  });

  it('looks a bare command name in the setting up on PATH', async () => {
    const result = await resolveServer(deps({ settingPath: 'stakes', files: ['/usr/bin/stakes'] }));
    assert.equal(result.kind === 'resolved' && result.server.command, '/usr/bin/stakes');
  });

  it('reports a setting that points nowhere instead of falling back silently', async () => {
    const result = await resolveServer(deps({ settingPath: '/nope/stakes', files: ['/venv/bin/stakes'] }));
    assert.deepEqual(result, { kind: 'setting-invalid', path: '/nope/stakes' });
  });

  it('uses stakes beside the Python extension interpreter second', async () => {
    const calls: string[] = [];
    const result = await resolveServer(
      deps({
        calls,
        files: ['/venv/bin/stakes'],
        pythonExtensionInterpreter: async () => '/venv/bin/python',
        managedServer: async () => {
          calls.push('managed');
          return '/storage/server-env/bin/stakes';
        },
      }),
    );
    assert.deepEqual(result, { kind: 'resolved', server: { source: 'python-extension', command: '/venv/bin/stakes', args: ['serve'] } });
    assert.deepEqual(calls, [], 'the managed environment is not consulted');
  });

  it('falls back to the managed environment when the interpreter lacks stakes', async () => {
    const result = await resolveServer(
      deps({ pythonExtensionInterpreter: async () => '/usr/bin/python3', managedServer: async () => '/storage/server-env/bin/stakes' }),
    );
    assert.deepEqual(result, { kind: 'resolved', server: { source: 'managed', command: '/storage/server-env/bin/stakes', args: ['serve'] } });
  });

  it('asks for the managed environment when nothing is installed, passing the interpreter on', async () => {
    assert.deepEqual(await resolveServer(deps({ pythonExtensionInterpreter: async () => '/usr/bin/python3' })), {
      kind: 'needs-managed-env',
      pythonInterpreter: '/usr/bin/python3',
    });
    assert.deepEqual(await resolveServer(deps()), { kind: 'needs-managed-env' });
  });

  it('tries the order setting → Python extension → managed', async () => {
    const calls: string[] = [];
    await resolveServer(deps({ calls }));
    assert.deepEqual(calls, ['python-extension', 'managed']);
  });
});

describe('stakesScriptCandidates', () => {
  it('looks beside the interpreter on POSIX', () => {
    assert.deepEqual(stakesScriptCandidates('/home/a/.venv/bin/python3.11', 'linux'), ['/home/a/.venv/bin/stakes']);
  });

  it('looks beside python.exe and in Scripts on Windows', () => {
    assert.deepEqual(stakesScriptCandidates('C:\\Python311\\python.exe', 'win32'), ['C:\\Python311\\stakes.exe', 'C:\\Python311\\Scripts\\stakes.exe']);
  });
});

describe('describeServer', () => {
  it('names the source', () => {
    assert.match(describeServer({ source: 'managed', command: '/s', args: [] }), /managed by the Stakes extension/);
    assert.match(describeServer({ source: 'setting', command: '/s', args: [] }), /stakes\.server\.path/);
  });
});

import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

import {
  basePythonCandidates,
  compareVersions,
  createEnvironment,
  EnvCreationError,
  findBasePython,
  isEnvCurrent,
  isSupportedPython,
  parsePythonVersion,
  parseWheelName,
  pickWheel,
  pythonMissingMessage,
  runProcess,
  venvLayout,
  type Runner,
} from '../src/managedEnv';

describe('wheels', () => {
  it('parses PEP 427 names', () => {
    assert.deepEqual(parseWheelName('stakes-0.1.0-py3-none-any.whl'), { distribution: 'stakes', version: '0.1.0' });
    assert.deepEqual(parseWheelName('Stakes-1.2.3.dev4-1-py3-none-any.whl'), { distribution: 'stakes', version: '1.2.3.dev4' });
    assert.equal(parseWheelName('stakes.tar.gz'), undefined);
  });

  it('compares versions numerically', () => {
    assert.ok(compareVersions('0.10.0', '0.9.1') > 0);
    assert.ok(compareVersions('1.0', '1.0.1') < 0);
    assert.equal(compareVersions('2.0.0', '2.0'), 0);
  });

  it('picks the newest stakes wheel and ignores other distributions', () => {
    assert.equal(
      pickWheel(['README.md', 'other-9.0-py3-none-any.whl', 'stakes-0.9.0-py3-none-any.whl', 'stakes-0.10.0-py3-none-any.whl']),
      'stakes-0.10.0-py3-none-any.whl',
    );
    assert.equal(pickWheel(['other-1.0-py3-none-any.whl']), undefined);
  });
});

describe('python discovery', () => {
  it('parses and checks versions', () => {
    assert.deepEqual(parsePythonVersion('3.11\n'), [3, 11]);
    assert.equal(parsePythonVersion('garbage'), undefined);
    assert.equal(isSupportedPython([3, 9]), false);
    assert.equal(isSupportedPython([3, 10]), true);
    assert.equal(isSupportedPython([4, 0]), true);
  });

  it('tries the Python extension interpreter first, then the platform defaults', () => {
    assert.deepEqual(basePythonCandidates('linux', '/venv/bin/python').map((c) => c.command), ['/venv/bin/python', 'python3', 'python']);
    assert.deepEqual(basePythonCandidates('win32').map((c) => [c.command, ...c.args].join(' ')), ['py -3', 'python', 'python3']);
  });

  it('skips missing, old and venv-less interpreters and says why', async () => {
    const answers: Record<string, Awaited<ReturnType<Runner>>> = {
      missing: { code: null, output: '', spawnError: 'spawn missing ENOENT' },
      old: { code: 0, output: '3.8\n' },
      novenv: { code: 1, output: "ModuleNotFoundError: No module named 'ensurepip'\n" },
      good: { code: 0, output: '3.12\n' },
    };
    const run: Runner = async (command) => answers[command];
    const probe = await findBasePython(['missing', 'old', 'novenv', 'good'].map((command) => ({ command, args: [] })), run);
    assert.deepEqual(probe, { ok: true, python: { command: 'good', args: [] }, version: [3, 12] });

    const failed = await findBasePython(['missing', 'old', 'novenv'].map((command) => ({ command, args: [] })), run);
    assert.equal(failed.ok, false);
    assert.deepEqual(!failed.ok && failed.problems, [
      'missing: not found',
      'old: Python 3.8 is too old',
      'novenv: cannot create virtual environments (the venv/ensurepip module is missing)',
    ]);
  });

  it('runs a real process and reports a missing one', async () => {
    const ok = await runProcess(process.execPath, ['-e', 'console.log("one"); console.error("two")']);
    assert.equal(ok.code, 0);
    assert.match(ok.output, /one/);
    assert.match(ok.output, /two/);
    const missing = await runProcess('/definitely/not/here', []);
    assert.equal(missing.code, null);
    assert.ok(missing.spawnError);
  });

  it('gives the fix for the platform in the error', () => {
    assert.match(pythonMissingMessage('linux', ['python3: cannot create virtual environments (the venv/ensurepip module is missing)']), /apt install python3-venv/);
    assert.match(pythonMissingMessage('win32', ['py -3: not found']), /python\.org/);
    assert.match(pythonMissingMessage('darwin', []), /brew install python/);
    assert.match(pythonMissingMessage('linux', ['python3: not found']), /Tried: python3: not found\..*stakes\.server\.path/);
  });
});

describe('environment', () => {
  it('lays out venvs per platform', () => {
    assert.deepEqual(venvLayout('/s/env', 'linux'), { root: '/s/env', python: '/s/env/bin/python', stakes: '/s/env/bin/stakes', marker: '/s/env/stakes-wheel.txt' });
    assert.equal(venvLayout('C:\\s\\env', 'win32').stakes, 'C:\\s\\env\\Scripts\\stakes.exe');
  });

  /** A runner that pretends to be `python -m venv` and pip, creating the files they would. */
  function fakeTools(layout: ReturnType<typeof venvLayout>, pipCode = 0, calls: string[][] = []): Runner {
    return async (command, args, options) => {
      calls.push([command, ...args]);
      if (args.includes('venv')) {
        await fs.mkdir(path.dirname(layout.python), { recursive: true });
        await fs.writeFile(layout.python, '');
        return { code: 0, output: '' };
      }
      options?.onLine?.('Successfully installed stakes');
      if (pipCode === 0) {
        await fs.writeFile(layout.stakes, '');
      }
      return { code: pipCode, output: '' };
    };
  }

  it('creates the environment, installs the wheel and writes the marker last', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'stakes-env-'));
    const layout = venvLayout(path.join(root, 'server-env'), 'linux');
    const calls: string[][] = [];
    const steps: string[] = [];
    const lines: string[] = [];
    const wheel = '/ext/bundled/stakes-0.1.0-py3-none-any.whl';
    assert.equal(await isEnvCurrent(layout, 'stakes-0.1.0-py3-none-any.whl'), false);
    await createEnvironment({ layout, basePython: { command: 'python3', args: [] }, wheelPath: wheel, run: fakeTools(layout, 0, calls), onStep: (s) => steps.push(s), onLine: (l) => lines.push(l) });
    assert.deepEqual(calls[0], ['python3', '-m', 'venv', layout.root]);
    assert.equal(calls[1][0], layout.python);
    assert.deepEqual(calls[1].slice(1, 4), ['-m', 'pip', 'install']);
    assert.equal(calls[1].at(-1), wheel);
    assert.equal(steps.length, 2);
    assert.deepEqual(lines, ['Successfully installed stakes']);
    assert.equal(await isEnvCurrent(layout, 'stakes-0.1.0-py3-none-any.whl'), true);
    assert.equal(await isEnvCurrent(layout, 'stakes-0.2.0-py3-none-any.whl'), false, 'a new bundled wheel needs a reinstall');
    await fs.rm(root, { recursive: true, force: true });
  });

  it('fails with a pointer to PyPI when pip fails, and leaves no marker', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'stakes-env-'));
    const layout = venvLayout(path.join(root, 'server-env'), 'linux');
    await assert.rejects(
      createEnvironment({ layout, basePython: { command: 'python3', args: [] }, wheelPath: '/w/stakes-0.1.0-py3-none-any.whl', run: fakeTools(layout, 1), onStep: () => {}, onLine: () => {} }),
      (err: unknown) => err instanceof EnvCreationError && /PyPI/.test(err.message),
    );
    await assert.rejects(fs.access(layout.marker));
    await fs.rm(root, { recursive: true, force: true });
  });
});

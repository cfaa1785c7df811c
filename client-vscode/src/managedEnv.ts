/**
 * The Python environment the extension manages for people who have not installed Stakes.
 *
 * tree-sitter and its grammars ship compiled wheels per platform, so the server cannot be
 * bundled as pure Python inside the .vsix. Instead the .vsix carries the Stakes wheel and, on
 * first run (after asking), a venv is created in the extension's global storage and pip
 * installs that wheel plus its dependencies from PyPI. A marker file names the wheel that was
 * installed, so an extension update (which ships a new wheel) triggers a reinstall.
 *
 * No `vscode` imports: the UI (asking, progress) lives in extension code, and this module is
 * unit-tested under plain Node.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export const MIN_PYTHON: readonly [number, number] = [3, 10];
export const MARKER_FILE = 'stakes-wheel.txt';

export interface VenvLayout {
  root: string;
  python: string;
  stakes: string;
  marker: string;
}

export function venvLayout(root: string, platform: NodeJS.Platform): VenvLayout {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const bin = platform === 'win32' ? p.join(root, 'Scripts') : p.join(root, 'bin');
  const exe = platform === 'win32' ? '.exe' : '';
  return {
    root,
    python: p.join(bin, `python${exe}`),
    stakes: p.join(bin, `stakes${exe}`),
    marker: p.join(root, MARKER_FILE),
  };
}

/** Parses a wheel file name (PEP 427) into its distribution and version. */
export function parseWheelName(fileName: string): { distribution: string; version: string } | undefined {
  const match = /^([A-Za-z0-9_.]+)-([0-9][^-]*)-(?:[0-9][^-]*-)?[^-]+-[^-]+-[^-]+\.whl$/.exec(fileName);
  return match ? { distribution: match[1].toLowerCase().replace(/[-.]/g, '_'), version: match[2] } : undefined;
}

/** Compares dotted versions numerically where possible ("0.10.0" > "0.9.1"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/);
  const pb = b.split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = /^\d+$/.test(x) ? Number(x) : Number.NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : Number.NaN;
    const diff = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y);
    if (diff !== 0) {
      return diff;
    }
  }
  return 0;
}

/** The newest `stakes` wheel among file names, or undefined. */
export function pickWheel(fileNames: readonly string[]): string | undefined {
  let best: { name: string; version: string } | undefined;
  for (const name of fileNames) {
    const parsed = parseWheelName(name);
    if (parsed?.distribution !== 'stakes') {
      continue;
    }
    if (!best || compareVersions(parsed.version, best.version) > 0) {
      best = { name, version: parsed.version };
    }
  }
  return best?.name;
}

/** Parses the "3.11" printed by the version probe. */
export function parsePythonVersion(output: string): [number, number] | undefined {
  const match = /(\d+)\.(\d+)/.exec(output.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

export function isSupportedPython(version: readonly [number, number]): boolean {
  return version[0] > MIN_PYTHON[0] || (version[0] === MIN_PYTHON[0] && version[1] >= MIN_PYTHON[1]);
}

export interface PythonCommand {
  command: string;
  args: string[];
}

/** Base interpreters to try for creating the venv: the Python extension's choice first. */
export function basePythonCandidates(platform: NodeJS.Platform, pythonExtensionInterpreter?: string): PythonCommand[] {
  const candidates: PythonCommand[] = [];
  if (pythonExtensionInterpreter) {
    candidates.push({ command: pythonExtensionInterpreter, args: [] });
  }
  if (platform === 'win32') {
    candidates.push({ command: 'py', args: ['-3'] }, { command: 'python', args: [] }, { command: 'python3', args: [] });
  } else {
    candidates.push({ command: 'python3', args: [] }, { command: 'python', args: [] });
  }
  return candidates;
}

export interface RunResult {
  code: number | null;
  output: string;
  /** Set when the process could not be started at all (e.g. ENOENT). */
  spawnError?: string;
}

export type Runner = (command: string, args: string[], options?: { onLine?: (line: string) => void; signal?: AbortSignal }) => Promise<RunResult>;

/** Runs a process without a shell, collecting stdout+stderr and reporting each line. */
export const runProcess: Runner = (command, args, options = {}) =>
  new Promise((resolve) => {
    let output = '';
    let pending = '';
    const child = spawn(command, args, { shell: false, windowsHide: true, signal: options.signal });
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      output += text;
      pending += text;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) {
        options.onLine?.(line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => resolve({ code: null, output, spawnError: err.message }));
    child.on('close', (code) => {
      if (pending !== '') {
        options.onLine?.(pending);
      }
      resolve({ code, output });
    });
  });

const PROBE = 'import sys, venv, ensurepip; print("%d.%d" % sys.version_info[:2])';

export type PythonProbe =
  | { ok: true; python: PythonCommand; version: [number, number] }
  | { ok: false; problems: string[] };

/**
 * Finds the first candidate that runs, is new enough and can create a venv with pip.
 * Collects why each one failed so the error message can tell the user what to fix.
 */
export async function findBasePython(candidates: readonly PythonCommand[], run: Runner): Promise<PythonProbe> {
  const problems: string[] = [];
  for (const candidate of candidates) {
    const label = [candidate.command, ...candidate.args].join(' ');
    const result = await run(candidate.command, [...candidate.args, '-c', PROBE]);
    if (result.spawnError !== undefined) {
      problems.push(`${label}: not found`);
      continue;
    }
    if (result.code !== 0) {
      const missingVenv = /No module named '?(venv|ensurepip)'?/.test(result.output);
      problems.push(missingVenv ? `${label}: cannot create virtual environments (the venv/ensurepip module is missing)` : `${label}: exited with ${result.code}`);
      continue;
    }
    const version = parsePythonVersion(result.output);
    if (!version) {
      problems.push(`${label}: could not read its version`);
      continue;
    }
    if (!isSupportedPython(version)) {
      problems.push(`${label}: Python ${version.join('.')} is too old`);
      continue;
    }
    return { ok: true, python: candidate, version };
  }
  return { ok: false, problems };
}

/** The error shown when no usable Python exists, with the fix for this platform. */
export function pythonMissingMessage(platform: NodeJS.Platform, problems: readonly string[]): string {
  const need = `Stakes needs Python ${MIN_PYTHON.join('.')} or newer to run its language server`;
  const venvMissing = problems.some((p) => p.includes('venv/ensurepip'));
  let fix: string;
  if (venvMissing && platform === 'linux') {
    fix = 'Install the venv module (Debian/Ubuntu: "sudo apt install python3-venv"), then run "Stakes: Restart Server".';
  } else if (platform === 'win32') {
    fix = 'Install Python from python.org (tick "Add python.exe to PATH") or the Microsoft Store, then run "Stakes: Restart Server".';
  } else if (platform === 'darwin') {
    fix = 'Install Python from python.org or with Homebrew ("brew install python"), then run "Stakes: Restart Server".';
  } else {
    fix = 'Install Python with your package manager (e.g. "sudo apt install python3 python3-venv"), then run "Stakes: Restart Server".';
  }
  const tried = problems.length > 0 ? ` Tried: ${problems.join('; ')}.` : '';
  return `${need}, and none was usable.${tried} ${fix} Alternatively set "stakes.server.path" to an existing stakes executable.`;
}

/** True when the environment exists and was built from exactly this wheel. */
export async function isEnvCurrent(layout: VenvLayout, wheelName: string): Promise<boolean> {
  try {
    const marker = (await fs.readFile(layout.marker, 'utf8')).trim();
    await fs.access(layout.stakes);
    return marker === wheelName;
  } catch {
    return false;
  }
}

export interface CreateEnvOptions {
  layout: VenvLayout;
  basePython: PythonCommand;
  wheelPath: string;
  run: Runner;
  /** Progress for people: one short message per step. */
  onStep(message: string): void;
  /** Every line of the tools' output, for the output channel. */
  onLine(line: string): void;
  signal?: AbortSignal;
}

export class EnvCreationError extends Error {}

/**
 * Creates the venv from scratch and installs the wheel. The marker is written last, so an
 * interrupted install is never mistaken for a finished one and is redone next time.
 */
export async function createEnvironment(options: CreateEnvOptions): Promise<void> {
  const { layout, basePython, run, onStep, onLine, signal } = options;
  await fs.rm(layout.root, { recursive: true, force: true });
  await fs.mkdir(path.dirname(layout.root), { recursive: true });

  onStep('Creating a Python environment…');
  const venv = await run(basePython.command, [...basePython.args, '-m', 'venv', layout.root], { onLine, signal });
  if (venv.code !== 0) {
    throw new EnvCreationError(`Creating the environment failed (${venv.spawnError ?? `exit code ${venv.code}`}). See the Stakes output for details.`);
  }

  onStep('Installing Stakes and its dependencies from PyPI…');
  const pip = await run(
    layout.python,
    ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--progress-bar', 'off', options.wheelPath],
    { onLine, signal },
  );
  if (pip.code !== 0) {
    throw new EnvCreationError(
      `Installing Stakes failed (${pip.spawnError ?? `exit code ${pip.code}`}). Check the network connection to PyPI (or your pip proxy settings) and see the Stakes output for pip's messages.`,
    );
  }
  try {
    await fs.access(layout.stakes);
  } catch {
    throw new EnvCreationError(`The install finished but ${layout.stakes} is missing.`);
  }
  await fs.writeFile(layout.marker, `${path.basename(options.wheelPath)}\n`, 'utf8');
}

/**
 * Finds the `stakes` executable to start, in the documented order:
 *
 *   1. the `stakes.server.path` setting;
 *   2. `stakes` installed in the interpreter selected in the Python extension;
 *   3. the environment this extension manages in its global storage, created from the
 *      wheel shipped inside the .vsix.
 *
 * Why this order: an explicit setting always wins; a project that already installed Stakes
 * (e.g. pinned in its dev requirements) should get exactly that version; only people with
 * neither get the managed environment, which costs a one-time download.
 *
 * The side effects (file checks, asking the Python extension) are injected so that the order
 * itself is unit-tested.
 */
import * as path from 'node:path';

export type ServerSource = 'setting' | 'python-extension' | 'managed';

export interface ResolvedServer {
  source: ServerSource;
  command: string;
  /** Arguments before vscode-languageclient appends `--stdio`. */
  args: string[];
}

export type Resolution =
  | { kind: 'resolved'; server: ResolvedServer }
  /** The setting names a file that is not there: a clear error beats silently falling back. */
  | { kind: 'setting-invalid'; path: string }
  /** Nothing found; the managed environment has to be created (after asking). */
  | { kind: 'needs-managed-env'; pythonInterpreter?: string };

export interface ResolverDeps {
  /** `stakes.server.path`, already expanded; empty when unset. */
  settingPath: string;
  /** The Python extension's interpreter for the resource, or undefined (not installed / none chosen). */
  pythonExtensionInterpreter(): Promise<string | undefined>;
  /** The managed environment's `stakes` when it is installed and current, else undefined. */
  managedServer(): Promise<string | undefined>;
  isExecutableFile(file: string): Promise<boolean>;
  /** Looks a bare command name up on PATH. */
  which(command: string): Promise<string | undefined>;
  platform: NodeJS.Platform;
}

export const SERVE_ARGS = ['serve'];

/** Where pip puts the `stakes` script for an interpreter, most likely first. */
export function stakesScriptCandidates(interpreter: string, platform: NodeJS.Platform): string[] {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const dir = p.dirname(interpreter);
  if (platform === 'win32') {
    // venv: Scripts\python.exe beside Scripts\stakes.exe; a base install: python.exe + Scripts\.
    return [p.join(dir, 'stakes.exe'), p.join(dir, 'Scripts', 'stakes.exe')];
  }
  return [p.join(dir, 'stakes')];
}

export async function resolveServer(deps: ResolverDeps): Promise<Resolution> {
  if (deps.settingPath !== '') {
    const isBareName = !/[\\/]/.test(deps.settingPath);
    const found = isBareName ? await deps.which(deps.settingPath) : deps.settingPath;
    if (found !== undefined && (await deps.isExecutableFile(found))) {
      return { kind: 'resolved', server: { source: 'setting', command: found, args: [...SERVE_ARGS] } };
    }
    return { kind: 'setting-invalid', path: deps.settingPath };
  }
  const interpreter = await deps.pythonExtensionInterpreter();
  if (interpreter !== undefined) {
    for (const candidate of stakesScriptCandidates(interpreter, deps.platform)) {
      if (await deps.isExecutableFile(candidate)) {
        return { kind: 'resolved', server: { source: 'python-extension', command: candidate, args: [...SERVE_ARGS] } };
      }
    }
  }
  const managed = await deps.managedServer();
  if (managed !== undefined) {
    return { kind: 'resolved', server: { source: 'managed', command: managed, args: [...SERVE_ARGS] } };
  }
  return interpreter === undefined ? { kind: 'needs-managed-env' } : { kind: 'needs-managed-env', pythonInterpreter: interpreter };
}

/** A sentence for the output channel saying where the server came from. */
export function describeServer(server: ResolvedServer): string {
  switch (server.source) {
    case 'setting':
      return `Using ${server.command} from the stakes.server.path setting.`;
    case 'python-extension':
      return `Using ${server.command} from the Python extension's selected interpreter.`;
    case 'managed':
      return `Using ${server.command} from the environment managed by the Stakes extension.`;
  }
}

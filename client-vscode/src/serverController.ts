/**
 * Owns the language client: finds the server, creates the managed environment when needed,
 * starts, stops and restarts, and tells the rest of the extension when the client changes.
 *
 * Restarts are serialised through one promise chain because settings changes, the restart
 * command and trust changes can arrive together, and two clients must never run at once.
 */
import { promises as fs, constants as fsConstants } from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';

import {
  basePythonCandidates,
  createEnvironment,
  EnvCreationError,
  findBasePython,
  isEnvCurrent,
  pickWheel,
  pythonMissingMessage,
  runProcess,
  venvLayout,
} from './managedEnv';
import { REGIONS_CHANGED_NOTIFICATION, ServerCommand } from './protocol';
import { selectedInterpreter } from './pythonExtension';
import { describeServer, resolveServer, type ResolvedServer } from './serverResolution';
import { buildServerOptions, resolvePath, type StakesSettings } from './settings';

/** Languages Stakes analyses, and its own YAML files. */
export const DOCUMENT_SELECTOR: { scheme: string; language: string; pattern?: string }[] = [
  ...['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'go', 'java'].map((language) => ({
    scheme: 'file',
    language,
  })),
  { scheme: 'file', language: 'yaml', pattern: '**/.stakes/**' },
];

export type ServerState =
  | { kind: 'stopped' }
  | { kind: 'starting' }
  | { kind: 'running'; server: ResolvedServer }
  | { kind: 'not-installed' }
  | { kind: 'failed'; message: string };

/** Reads the `stakes` section as the server should see it for a scope. */
export function serverSettings(scope: vscode.Uri | undefined): ReturnType<typeof buildServerOptions> {
  const config = vscode.workspace.getConfiguration('stakes', scope);
  const settings: StakesSettings = {
    profile: config.get('profile'),
    packs: config.get('packs'),
    severityOverrides: config.get('severityOverrides'),
    reviewer: config.get('reviewer'),
  };
  const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : vscode.workspace.workspaceFolders?.[0];
  return buildServerOptions(settings, vscode.workspace.isTrusted, folder?.uri.fsPath);
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) {
      return false;
    }
    if (process.platform !== 'win32') {
      await fs.access(file, fsConstants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

async function which(command: string): Promise<string | undefined> {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const ext of extensions) {
      const candidate = path.join(dir, command + ext);
      if (dir !== '' && (await isExecutableFile(candidate))) {
        return candidate;
      }
    }
  }
  return undefined;
}

export interface ControllerHooks {
  /** Extra middleware (command interception) supplied by the command module. */
  middleware: Middleware;
  /** Where `stakes.trace.server` writes (see TraceChannel). */
  traceOutput: vscode.LogOutputChannel;
}

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private chain: Promise<void> = Promise.resolve();
  private stateValue: ServerState = { kind: 'stopped' };
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private readonly regionsChangedEmitter = new vscode.EventEmitter<string>();
  private clientDisposables: vscode.Disposable[] = [];
  /** Set once the user declined the managed install, so we do not ask on every restart. */
  private declinedInstall = false;
  /** Ends a pending install question when a newer restart arrives (e.g. the user set a path meanwhile). */
  private supersedeQuestion: (() => void) | undefined;

  readonly onDidChangeState = this.stateEmitter.event;
  /** Fires with a document URI after the server re-assessed it. */
  readonly onDidChangeRegions = this.regionsChangedEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly hooks: ControllerHooks,
  ) {}

  get state(): ServerState {
    return this.stateValue;
  }

  /** The client when it is running, for requests. */
  get runningClient(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  private setState(state: ServerState): void {
    this.stateValue = state;
    this.stateEmitter.fire(state);
  }

  /** Queues a (re)start; `interactive` means the user asked, so a declined install is asked again. */
  restart(interactive = false): Promise<void> {
    if (interactive) {
      this.declinedInstall = false;
    }
    // Do not let an unanswered install question hold up this restart.
    this.supersedeQuestion?.();
    this.chain = this.chain.then(async () => {
      await this.stopClient();
      await this.startClient();
    });
    return this.chain;
  }

  stop(): Promise<void> {
    this.chain = this.chain.then(() => this.stopClient());
    return this.chain;
  }

  private async stopClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const d of this.clientDisposables) {
      d.dispose();
    }
    this.clientDisposables = [];
    if (client) {
      try {
        await client.dispose(5000);
      } catch (err) {
        this.output.warn(`Stopping the server: ${String(err)}`);
      }
    }
    this.setState({ kind: 'stopped' });
  }

  private async startClient(): Promise<void> {
    this.setState({ kind: 'starting' });
    this.output.info('Looking for the Stakes server…');
    let server: ResolvedServer | undefined;
    try {
      server = await this.findServer();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.output.error(message);
      this.setState({ kind: 'failed', message });
      void this.showError(message);
      return;
    }
    if (!server) {
      this.setState({ kind: 'not-installed' });
      return;
    }
    this.output.info(describeServer(server));
    const trusted = vscode.workspace.isTrusted;
    if (!trusted) {
      this.output.info('Workspace is not trusted: running with the built-in rule packs only.');
    }
    const serverOptions: ServerOptions = {
      command: server.command,
      args: server.args,
      transport: TransportKind.stdio,
      options: { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      initializationOptions: serverSettings(undefined),
      outputChannel: this.output,
      traceOutputChannel: this.hooks.traceOutput,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationFailedHandler: (error) => {
        this.output.error(`The server failed to initialise: ${String(error)}`);
        return false;
      },
      middleware: {
        ...this.hooks.middleware,
        workspace: {
          // The server pulls the `stakes` section; answer with the same filtered payload as
          // initializationOptions so trust restrictions hold on both paths.
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (!Array.isArray(result)) {
              return result;
            }
            return params.items.map((item, i) =>
              item.section === 'stakes' ? serverSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : result[i],
            );
          },
        },
      },
    };
    const client = new LanguageClient('stakes', 'Stakes', serverOptions, clientOptions);
    this.client = client;
    this.clientDisposables.push(
      client.onNotification(REGIONS_CHANGED_NOTIFICATION, (params: { uri?: unknown }) => {
        if (typeof params?.uri === 'string') {
          this.regionsChangedEmitter.fire(params.uri);
        }
      }),
      client.onDidChangeState((event) => {
        if (event.newState === State.Stopped && this.client === client && this.stateValue.kind === 'running') {
          this.setState({ kind: 'failed', message: 'The Stakes server stopped. See the Stakes output.' });
        }
      }),
    );
    try {
      await client.start();
    } catch (err) {
      const message = `Could not start the Stakes server (${server.command}): ${err instanceof Error ? err.message : String(err)}`;
      this.output.error(message);
      this.setState({ kind: 'failed', message });
      void this.showError(message);
      return;
    }
    const missing = Object.values(ServerCommand).filter(
      (command) => !(client.initializeResult?.capabilities.executeCommandProvider?.commands ?? []).includes(command),
    );
    if (missing.length > 0) {
      this.output.warn(`The server does not offer these commands: ${missing.join(', ')}`);
    }
    this.setState({ kind: 'running', server });
  }

  private async showError(message: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(message, 'Show Output', 'Open Settings');
    if (choice === 'Show Output') {
      this.output.show(true);
    } else if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'stakes.server.path');
    }
  }

  /** Resolution order: setting → Python extension's interpreter → managed environment. */
  private async findServer(): Promise<ResolvedServer | undefined> {
    const config = vscode.workspace.getConfiguration('stakes');
    const rawPath = (config.get<string>('server.path') ?? '').trim();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const wheelDir = this.context.asAbsolutePath('bundled');
    const layout = venvLayout(path.join(this.context.globalStorageUri.fsPath, 'server-env'), process.platform);
    const wheel = pickWheel(await fs.readdir(wheelDir).catch(() => [] as string[]));

    const resolution = await resolveServer({
      settingPath: rawPath === '' ? '' : resolvePath(rawPath, folder, { keepBareNames: true }),
      pythonExtensionInterpreter: () => selectedInterpreter(vscode.workspace.workspaceFolders?.[0]?.uri, (m) => this.output.warn(m)),
      managedServer: async () => (wheel !== undefined && (await isEnvCurrent(layout, wheel)) ? layout.stakes : undefined),
      isExecutableFile,
      which,
      platform: process.platform,
    });
    this.output.debug(`Server resolution (stakes.server.path = ${JSON.stringify(rawPath)}): ${JSON.stringify(resolution)}`);
    if (resolution.kind === 'resolved') {
      return resolution.server;
    }
    if (resolution.kind === 'setting-invalid') {
      throw new Error(`The stakes.server.path setting names "${resolution.path}", which is not an executable file. Fix the path or clear the setting to let Stakes find or install the server.`);
    }
    if (wheel === undefined) {
      throw new Error('This build of the extension ships no Stakes wheel, and no stakes executable was found. Install Stakes ("pip install stakes") and set stakes.server.path, or select an interpreter that has it.');
    }
    if (this.declinedInstall) {
      return undefined;
    }
    const installed = await this.installManagedEnvironment(layout, path.join(wheelDir, wheel), resolution.pythonInterpreter);
    return installed ? { source: 'managed', command: layout.stakes, args: ['serve'] } : undefined;
  }

  /** Asks, then creates the managed environment with progress. Returns false when declined. */
  private async installManagedEnvironment(
    layout: ReturnType<typeof venvLayout>,
    wheelPath: string,
    pythonInterpreter: string | undefined,
  ): Promise<boolean> {
    this.output.info('No Stakes server found; asking whether to install one.');
    const superseded = new Promise<'superseded'>((resolve) => {
      this.supersedeQuestion = () => resolve('superseded');
    });
    const choice = await Promise.race([
      vscode.window.showInformationMessage(
        'Stakes needs its language server. Install it into a private Python environment? This downloads Stakes\' dependencies (tree-sitter grammars, pygls, PyYAML) from PyPI once.',
        'Install',
        'Set Server Path',
        'Not Now',
      ),
      superseded,
    ]);
    this.supersedeQuestion = undefined;
    if (choice === 'superseded') {
      this.output.info('The install question was superseded by a restart (settings changed).');
      return false;
    }
    if (choice === 'Set Server Path') {
      this.declinedInstall = true;
      await vscode.commands.executeCommand('workbench.action.openSettings', 'stakes.server.path');
      return false;
    }
    if (choice !== 'Install') {
      this.declinedInstall = true;
      this.output.info('Server install declined; run "Stakes: Restart Server" to be asked again.');
      return false;
    }
    const probe = await findBasePython(basePythonCandidates(process.platform, pythonInterpreter), runProcess);
    if (!probe.ok) {
      throw new Error(pythonMissingMessage(process.platform, probe.problems));
    }
    this.output.info(`Creating the managed environment at ${layout.root} with ${probe.python.command} (Python ${probe.version.join('.')}).`);
    const aborter = new AbortController();
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Stakes', cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => aborter.abort());
        try {
          await createEnvironment({
            layout,
            basePython: probe.python,
            wheelPath,
            run: runProcess,
            onStep: (message) => {
              this.output.info(message);
              progress.report({ message });
            },
            onLine: (line) => this.output.info(line),
            signal: aborter.signal,
          });
        } catch (err) {
          if (aborter.signal.aborted) {
            throw new Error('The Stakes server install was cancelled; run "Stakes: Restart Server" to try again.');
          }
          throw err instanceof EnvCreationError ? err : new Error(`Installing the Stakes server failed: ${String(err)}`);
        }
      },
    );
    void vscode.window.showInformationMessage('Stakes: the language server is installed.');
    return true;
  }

  dispose(): void {
    void this.stop();
    this.stateEmitter.dispose();
    this.regionsChangedEmitter.dispose();
  }
}

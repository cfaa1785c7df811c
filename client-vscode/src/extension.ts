/**
 * Entry point: wires the server controller, the region views and the commands together, and
 * restarts the server when its settings, the workspace trust or the Python interpreter change.
 */
import * as vscode from 'vscode';

import { Commands } from './commands';
import { Decorations } from './decorations';
import { onInterpreterChanged } from './pythonExtension';
import { RegionService } from './regions';
import { ServerController } from './serverController';
import { RESTART_SETTINGS } from './settings';
import { StatusBar } from './statusBar';
import { TraceChannel } from './traceChannel';

let controller: ServerController | undefined;

const RESTART_DEBOUNCE_MS = 400;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Stakes', { log: true });
  const traceOutput = new TraceChannel(vscode.window.createOutputChannel('Stakes Trace', { log: true }));
  context.subscriptions.push(output, traceOutput);
  output.info(`Stakes extension ${String(context.extension.packageJSON.version)} activating.`);

  // The controller needs the commands' middleware and the commands need the controller.
  let commands: Commands | undefined;
  const ctl = new ServerController(context, output, {
    traceOutput,
    middleware: {
      executeCommand: (command, args, next) => (commands ? commands.middleware.executeCommand!(command, args, next) : next(command, args)),
    },
  });
  controller = ctl;
  const regions = new RegionService(ctl, output);
  commands = new Commands(() => ctl, regions, output);
  context.subscriptions.push(ctl, regions, commands, new StatusBar(ctl, regions), new Decorations(context, regions));

  let restartTimer: NodeJS.Timeout | undefined;
  const scheduleRestart = (reason: string): void => {
    if (restartTimer) {
      clearTimeout(restartTimer);
    }
    restartTimer = setTimeout(() => {
      output.info(`Restarting the server: ${reason}.`);
      void ctl.restart();
    }, RESTART_DEBOUNCE_MS);
  };
  context.subscriptions.push(
    { dispose: () => restartTimer && clearTimeout(restartTimer) },
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (RESTART_SETTINGS.some((key) => event.affectsConfiguration(key))) {
        scheduleRestart('settings changed');
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => scheduleRestart('the workspace is now trusted')),
  );
  const interpreterListener = await onInterpreterChanged(() => {
    if (ctl.state.kind !== 'running' || ctl.state.server.source !== 'setting') {
      scheduleRestart('the Python interpreter changed');
    }
  });
  if (interpreterListener) {
    context.subscriptions.push(interpreterListener);
  }

  if (!vscode.workspace.isTrusted) {
    void vscode.window
      .showInformationMessage(
        'Stakes runs in restricted mode: this workspace is not trusted, so only the built-in rule packs are used (its .stakes/rules and extra packs are ignored).',
        'Manage Workspace Trust',
      )
      .then((choice) => {
        if (choice) {
          void vscode.commands.executeCommand('workbench.trust.manage');
        }
      });
  }

  await ctl.restart();
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}

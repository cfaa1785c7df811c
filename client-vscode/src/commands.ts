/**
 * The extension's commands (Stakes: …) and the middleware that improves the server's own
 * commands when they are run from code actions and code lenses.
 *
 * The server's command ids (`stakes.markReviewed`, …) are registered by vscode-languageclient;
 * the palette commands here have their own ids, ask the user for what is missing (which
 * region, a note, which rule) and then call the server.
 */
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  WorkDoneProgress,
  type LanguageClient,
  type Middleware,
  type WorkDoneProgressBegin,
  type WorkDoneProgressReport,
} from 'vscode-languageclient/node';

import { regionAtLine, regionPickItems } from './advice';
import {
  groupStatus,
  markReviewedArgument,
  ruleIdsFromDiagnostics,
  statusReport,
  STATUS_HEADINGS,
  type MarkReviewedArgument,
} from './commandLogic';
import { parseRegionSummaries, parseScanResult, ServerCommand, type RegionSummary } from './protocol';
import type { RegionService } from './regions';
import type { ServerController } from './serverController';

export const EXPLAIN_SCHEME = 'stakes-rule';

/** Serves the Markdown returned by `stakes.explainRule` as read-only documents. */
class ExplanationProvider implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.emitter.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

export class Commands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly explanations = new ExplanationProvider();
  private progressCounter = 0;

  constructor(
    private readonly controllerRef: () => ServerController,
    private readonly regions: RegionService,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, this.explanations),
      vscode.commands.registerCommand('stakes.scan', () => this.scanWorkspace()),
      vscode.commands.registerCommand('stakes.markRegionReviewed', (arg?: unknown) => this.markRegionReviewed(arg)),
      vscode.commands.registerCommand('stakes.showReviewStatus', () => this.showReviewStatus()),
      vscode.commands.registerCommand('stakes.explain', (ruleId?: unknown) => this.explainRule(ruleId)),
      vscode.commands.registerCommand('stakes.restartServer', () => this.controllerRef().restart(true)),
      vscode.commands.registerCommand('stakes.showRegions', () => this.showRegions()),
    );
  }

  /** Middleware for the server's own commands run from code actions / lenses. */
  readonly middleware: Middleware = {
    executeCommand: async (command, args, next) => {
      if (command === ServerCommand.markReviewed) {
        const target = markReviewedArgument(args);
        if (target && target.note === undefined) {
          const note = await this.askNote(target.region);
          if (note === undefined) {
            return undefined;
          }
          return this.sendMarkReviewed({ ...target, note });
        }
      }
      const result: unknown = await next(command, args);
      if (command === ServerCommand.explainRule && typeof result === 'string' && typeof args[0] === 'string') {
        await this.showExplanation(args[0], result);
      }
      return result;
    },
  };

  private client(): LanguageClient | undefined {
    const client = this.controllerRef().runningClient;
    if (!client) {
      void vscode.window.showWarningMessage('The Stakes server is not running.', 'Restart Server').then((choice) => {
        if (choice) {
          void vscode.commands.executeCommand('stakes.restartServer');
        }
      });
    }
    return client;
  }

  private async execute(client: LanguageClient, command: string, args: unknown[], workDoneToken?: string): Promise<unknown> {
    return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args, workDoneToken });
  }

  async scanWorkspace(): Promise<void> {
    const client = this.client();
    if (!client) {
      return;
    }
    const token = `stakes-scan-${Date.now()}-${++this.progressCounter}`;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Stakes: scanning the workspace', cancellable: false },
      async (progress) => {
        let last = 0;
        const listener = client.onProgress(WorkDoneProgress.type, token, (value) => {
          if (value.kind === 'end') {
            return;
          }
          const update = value as WorkDoneProgressBegin | WorkDoneProgressReport;
          const percentage = update.percentage ?? last;
          progress.report({ message: update.message, increment: Math.max(0, percentage - last) });
          last = percentage;
        });
        try {
          return await this.execute(client, ServerCommand.scanWorkspace, [], token);
        } finally {
          listener.dispose();
        }
      },
    ).then(
      (value) => value,
      (err: unknown) => {
        this.output.error(`Scan failed: ${String(err)}`);
        void vscode.window.showErrorMessage(`Stakes: the workspace scan failed: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      },
    );
    const counts = parseScanResult(result);
    if (counts) {
      const choice = await vscode.window.showInformationMessage(
        `Stakes scanned ${counts.files} file${counts.files === 1 ? '' : 's'}: ${counts.findings} finding${counts.findings === 1 ? '' : 's'}.`,
        'Show Problems',
        'Show Review Status',
      );
      if (choice === 'Show Problems') {
        await vscode.commands.executeCommand('workbench.actions.view.problems');
      } else if (choice === 'Show Review Status') {
        await this.showReviewStatus();
      }
    }
  }

  /** Lets the user pick a region of the active file; the one under the cursor is offered first. */
  private async pickRegion(placeHolder: string): Promise<{ uri: vscode.Uri; region: RegionSummary } | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Stakes: open a file first.');
      return undefined;
    }
    const regions = await this.regions.get(editor.document.uri);
    if (!regions || regions.length === 0) {
      void vscode.window.showInformationMessage('Stakes: this file has no high-stakes regions.');
      return undefined;
    }
    const atCursor = regionAtLine(regions, editor.selection.active.line);
    const items = regionPickItems(regions);
    if (atCursor) {
      items.sort((a, b) => Number(b.region === atCursor) - Number(a.region === atCursor));
    }
    const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
    return picked ? { uri: editor.document.uri, region: picked.region } : undefined;
  }

  private askNote(regionName: string): Thenable<string | undefined> {
    return vscode.window.showInputBox({
      title: `Mark ${regionName} reviewed`,
      prompt: 'A note for the review ledger: what you checked (optional). Press Enter to confirm, Escape to cancel.',
      placeHolder: 'e.g. checked constant-time comparison and salt handling',
    });
  }

  async markRegionReviewed(arg?: unknown): Promise<void> {
    let target = markReviewedArgument(arg === undefined ? undefined : [arg]);
    if (!target) {
      const picked = await this.pickRegion('Which region did you review?');
      if (!picked) {
        return;
      }
      target = { uri: picked.uri.toString(), region: picked.region.name };
    }
    const note = await this.askNote(target.region);
    if (note === undefined) {
      return;
    }
    await this.sendMarkReviewed(markReviewedArgument([target], note) ?? target);
  }

  private async sendMarkReviewed(argument: MarkReviewedArgument): Promise<unknown> {
    const client = this.client();
    if (!client) {
      return undefined;
    }
    try {
      const result = await this.execute(client, ServerCommand.markReviewed, [argument]);
      // A light confirmation: the gutter mark and status bar change show the effect already.
      vscode.window.setStatusBarMessage(`$(verified) Stakes: ${argument.region} marked reviewed`, 5000);
      this.regions.forget(vscode.Uri.parse(argument.uri));
      return result;
    } catch (err) {
      void vscode.window.showErrorMessage(`Stakes: could not mark ${argument.region} reviewed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  async showReviewStatus(): Promise<void> {
    const client = this.client();
    if (!client) {
      return;
    }
    let summaries: RegionSummary[];
    try {
      summaries = parseRegionSummaries(await this.execute(client, ServerCommand.reviewStatus, []));
    } catch (err) {
      void vscode.window.showErrorMessage(`Stakes: could not read the review status: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    this.output.info(statusReport(summaries));
    if (summaries.length === 0) {
      void vscode.window.showInformationMessage('Stakes: no high-stakes regions found in the workspace.');
      return;
    }
    type Item = vscode.QuickPickItem & { region?: RegionSummary };
    const items: Item[] = [];
    for (const group of groupStatus(summaries)) {
      items.push({ label: `${STATUS_HEADINGS[group.state]} (${group.regions.length})`, kind: vscode.QuickPickItemKind.Separator });
      for (const item of regionPickItems(group.regions)) {
        const where = item.region.uri ? vscode.workspace.asRelativePath(vscode.Uri.parse(item.region.uri)) : '';
        items.push({ label: item.label, description: [where, item.description].filter(Boolean).join(' · '), detail: item.detail, region: item.region });
      }
    }
    const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Stakes review status — pick a region to open it', matchOnDescription: true });
    if (picked?.region) {
      const uri = picked.region.uri ? vscode.Uri.parse(picked.region.uri) : vscode.window.activeTextEditor?.document.uri;
      if (uri) {
        await this.reveal(uri, picked.region);
      }
    }
  }

  async explainRule(ruleIdArg?: unknown): Promise<void> {
    let ruleId = typeof ruleIdArg === 'string' ? ruleIdArg : undefined;
    if (ruleId === undefined) {
      const editor = vscode.window.activeTextEditor;
      const ids = editor ? ruleIdsFromDiagnostics(vscode.languages.getDiagnostics(editor.document.uri), editor.selection.active.line) : [];
      ruleId =
        ids.length > 0
          ? await vscode.window.showQuickPick(ids, { placeHolder: 'Which rule should Stakes explain?' })
          : await vscode.window.showInputBox({ prompt: 'Rule id to explain', placeHolder: 'pack/rule, e.g. credentials/hardcoded-secret' });
    }
    if (!ruleId) {
      return;
    }
    const client = this.client();
    if (!client) {
      return;
    }
    try {
      const markdown = await this.execute(client, ServerCommand.explainRule, [ruleId]);
      await this.showExplanation(ruleId, typeof markdown === 'string' ? markdown : JSON.stringify(markdown, null, 2));
    } catch (err) {
      void vscode.window.showErrorMessage(`Stakes: could not explain ${ruleId}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async showExplanation(ruleId: string, markdown: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${ruleId}.md` });
    this.explanations.set(uri, markdown);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      // Without the built-in Markdown extension show the source instead.
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
  }

  async showRegions(): Promise<void> {
    const picked = await this.pickRegion('High-stakes regions in this file — pick one to go there');
    if (picked) {
      await this.reveal(picked.uri, picked.region);
    }
  }

  private async reveal(uri: vscode.Uri, region: RegionSummary): Promise<void> {
    const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
    const range = this.regions.toRange(region);
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}

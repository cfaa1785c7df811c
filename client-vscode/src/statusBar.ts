/**
 * The status bar item: the current file's spectrum advice at a glance.
 *
 * Shown only for documents Stakes analyses. Clicking opens the region picker. When the
 * server is not running the item says so and clicking restarts it, so a broken setup is
 * visible instead of silently showing nothing.
 */
import * as path from 'node:path';

import * as vscode from 'vscode';

import { statusSummary, tooltipMarkdown } from './advice';
import type { RegionService } from './regions';
import { DOCUMENT_SELECTOR, type ServerController } from './serverController';

export const STATUS_ITEM_ID = 'stakes.advice';

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private generation = 0;

  constructor(private readonly controller: ServerController, private readonly regions: RegionService) {
    this.item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Stakes';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      regions.onDidChange((uri) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri === undefined || uri === active) {
          void this.update();
        }
      }),
      controller.onDidChangeState(() => void this.update()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.update()),
    );
    void this.update();
  }

  async update(): Promise<void> {
    const generation = ++this.generation;
    const editor = vscode.window.activeTextEditor;
    if (!editor || vscode.languages.match(DOCUMENT_SELECTOR, editor.document) === 0) {
      this.item.hide();
      return;
    }
    const state = this.controller.state;
    if (state.kind !== 'running') {
      this.showServerState(state.kind);
      return;
    }
    const regions = await this.regions.get(editor.document.uri);
    if (generation !== this.generation) {
      return; // A newer update started while we waited.
    }
    if (regions === undefined) {
      this.item.text = '$(warning) Stakes: regions unavailable';
      this.item.tooltip = 'The Stakes server did not answer the stakes/regions request. See the Stakes output.';
      this.item.command = 'stakes.restartServer';
      this.item.backgroundColor = undefined;
      this.item.show();
      return;
    }
    const summary = statusSummary(regions);
    const fileLabel = path.basename(editor.document.uri.fsPath);
    let tooltip = tooltipMarkdown(regions, fileLabel);
    if (!vscode.workspace.isTrusted) {
      tooltip += '\n\n_Restricted mode: built-in rule packs only._';
    }
    const markdown = new vscode.MarkdownString(tooltip, true);
    this.item.text = summary.text;
    this.item.tooltip = markdown;
    this.item.command = regions.length > 0 ? 'stakes.showRegions' : undefined;
    this.item.backgroundColor =
      summary.open > 0 && summary.level === 'critical'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : summary.open > 0 && summary.level === 'high'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    this.item.accessibilityInformation = { label: summary.text.replace(/\$\([a-z-]+\)\s*/g, ''), role: 'button' };
    this.item.show();
  }

  private showServerState(kind: 'stopped' | 'starting' | 'not-installed' | 'failed'): void {
    const texts = {
      stopped: ['$(circle-slash) Stakes: stopped', 'The Stakes server is not running. Click to start it.'],
      starting: ['$(sync~spin) Stakes: starting', 'Starting the Stakes server…'],
      'not-installed': ['$(cloud-download) Stakes: server not installed', 'Click to install or locate the Stakes server.'],
      failed: ['$(error) Stakes: server failed', 'The Stakes server could not start. Click to restart; see the Stakes output for details.'],
    } as const;
    const [text, tooltip] = texts[kind];
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = kind === 'starting' ? undefined : 'stakes.restartServer';
    this.item.backgroundColor = kind === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}

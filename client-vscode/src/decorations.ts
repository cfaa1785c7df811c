/**
 * Region decorations: a gutter mark on a region's first line and a subtle background over
 * the whole region, in three styles (unreviewed, reviewed, stale) so that review progress is
 * visible while scrolling. Colours are theme-contributable (`stakes.*Background`).
 */
import * as vscode from 'vscode';

import { ADVICE, groupByReviewState, hasBackground, reviewLabel } from './advice';
import type { ReviewState, RegionSummary } from './protocol';
import type { RegionService } from './regions';
import { DOCUMENT_SELECTOR } from './serverController';

interface StyleTypes {
  background: vscode.TextEditorDecorationType;
  gutter: vscode.TextEditorDecorationType;
}

const RULER_COLORS: Record<ReviewState, string> = {
  unreviewed: '#e5393599',
  reviewed: '#43a04766',
  stale: '#ffa000aa',
};

export class Decorations implements vscode.Disposable {
  private readonly types: Record<ReviewState, StyleTypes>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(context: vscode.ExtensionContext, private readonly regions: RegionService) {
    const make = (state: ReviewState): StyleTypes => ({
      background: vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        backgroundColor: new vscode.ThemeColor(`stakes.${state}Background`),
        overviewRulerColor: RULER_COLORS[state],
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
      gutter: vscode.window.createTextEditorDecorationType({
        gutterIconPath: context.asAbsolutePath(`images/gutter-${state}.svg`),
        gutterIconSize: 'contain',
      }),
    });
    this.types = { unreviewed: make('unreviewed'), reviewed: make('reviewed'), stale: make('stale') };
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors(() => void this.refreshAll()),
      regions.onDidChange(() => void this.refreshAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('stakes.decorations.enabled')) {
          void this.refreshAll();
        }
      }),
    );
    void this.refreshAll();
  }

  private enabled(): boolean {
    return vscode.workspace.getConfiguration('stakes').get<boolean>('decorations.enabled', true);
  }

  async refreshAll(): Promise<void> {
    await Promise.all(vscode.window.visibleTextEditors.map((editor) => this.refresh(editor)));
  }

  private async refresh(editor: vscode.TextEditor): Promise<void> {
    const relevant = vscode.languages.match(DOCUMENT_SELECTOR, editor.document) > 0;
    const regions = relevant && this.enabled() ? ((await this.regions.get(editor.document.uri)) ?? []) : [];
    const groups = groupByReviewState(regions);
    for (const state of Object.keys(this.types) as ReviewState[]) {
      const group = groups[state];
      editor.setDecorations(this.types[state].background, group.filter(hasBackground).map((r) => this.regions.toRange(r)));
      editor.setDecorations(this.types[state].gutter, group.map((r) => this.gutterOption(r)));
    }
  }

  private gutterOption(region: RegionSummary): vscode.DecorationOptions {
    const line = region.range.start.line;
    const hover = new vscode.MarkdownString(
      `**Stakes:** \`${region.name.replace(/`/g, "'")}\` is **${region.level}**-stakes — ${region.advice || ADVICE[region.level].full}. ${reviewLabel(region.review)}.`,
    );
    return { range: new vscode.Range(line, 0, line, 0), hoverMessage: hover };
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
    for (const t of Object.values(this.types)) {
      t.background.dispose();
      t.gutter.dispose();
    }
  }
}

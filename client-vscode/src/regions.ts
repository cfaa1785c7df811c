/**
 * Fetches and caches the high-stakes regions of open documents (`stakes/regions`).
 *
 * The status bar and the decorations both need the same list; caching it per URI means one
 * request per change, and the server's `stakes/regionsChanged` notification invalidates it.
 */
import * as vscode from 'vscode';

import { parseRegionSummaries, REGIONS_REQUEST, type RegionSummary } from './protocol';
import type { ServerController } from './serverController';

const REQUEST_TIMEOUT_MS = 15000;

export class RegionService implements vscode.Disposable {
  private readonly cache = new Map<string, RegionSummary[]>();
  private readonly inflight = new Map<string, Promise<RegionSummary[] | undefined>>();
  private readonly changeEmitter = new vscode.EventEmitter<string | undefined>();
  private readonly disposables: vscode.Disposable[] = [];

  /** Fires with a URI whose regions changed, or undefined when all did (server restart). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly controller: ServerController, private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(
      controller.onDidChangeRegions((uri) => this.invalidate(uri)),
      controller.onDidChangeState(() => this.invalidate(undefined)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.cache.delete(doc.uri.toString())),
    );
  }

  /** Cached regions, or undefined when not fetched yet. */
  peek(uri: vscode.Uri): RegionSummary[] | undefined {
    return this.cache.get(uri.toString());
  }

  /** Regions of a document; undefined when the server is not running or the request failed. */
  get(uri: vscode.Uri): Promise<RegionSummary[] | undefined> {
    const key = uri.toString();
    const cached = this.cache.get(key);
    if (cached) {
      return Promise.resolve(cached);
    }
    const pending = this.inflight.get(key);
    if (pending) {
      return pending;
    }
    const request = this.fetch(uri).finally(() => this.inflight.delete(key));
    this.inflight.set(key, request);
    return request;
  }

  private async fetch(uri: vscode.Uri): Promise<RegionSummary[] | undefined> {
    const client = this.controller.runningClient;
    if (!client) {
      return undefined;
    }
    const key = uri.toString();
    // A server stuck on one file must not freeze the status bar: give up after a while.
    const cancel = new vscode.CancellationTokenSource();
    const timer = setTimeout(() => cancel.cancel(), REQUEST_TIMEOUT_MS);
    try {
      const raw: unknown = await client.sendRequest(
        REGIONS_REQUEST,
        { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) } },
        cancel.token,
      );
      const regions = parseRegionSummaries(raw);
      if (Array.isArray(raw) && regions.length !== raw.length) {
        this.output.warn(`Ignored ${raw.length - regions.length} malformed region(s) from ${REGIONS_REQUEST} for ${key}.`);
      }
      // Only cache if the client is still the same one (no restart meanwhile).
      if (this.controller.runningClient === client) {
        this.cache.set(key, regions);
      }
      return regions;
    } catch (err) {
      this.output.warn(`${REGIONS_REQUEST} failed for ${key}: ${String(err)}`);
      return undefined;
    } finally {
      clearTimeout(timer);
      cancel.dispose();
    }
  }

  /** Drops a document's cached regions and refreshes the views (e.g. after marking a review). */
  forget(uri: vscode.Uri): void {
    this.invalidate(uri.toString());
  }

  private invalidate(uri: string | undefined): void {
    if (uri === undefined) {
      this.cache.clear();
    } else {
      // The server sends its own URI spelling; normalise through vscode.Uri.
      this.cache.delete(vscode.Uri.parse(uri).toString());
      this.cache.delete(uri);
    }
    this.changeEmitter.fire(uri === undefined ? undefined : vscode.Uri.parse(uri).toString());
  }

  /** Converts a server range to an editor range. */
  toRange(region: RegionSummary): vscode.Range {
    const { start, end } = region.range;
    return new vscode.Range(start.line, start.character, end.line, end.character);
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
    this.changeEmitter.dispose();
  }
}

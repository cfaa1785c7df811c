/**
 * Makes `stakes.trace.server` work on its own.
 *
 * vscode-languageclient 11 traces only while its trace channel's log level is "Trace", and then
 * writes at that level, so the setting alone shows nothing until the user also changes the
 * channel's level by hand. This wrapper around a log channel reports level Trace whenever the
 * setting asks for a trace, and writes trace lines at info level so they are visible.
 */
import * as vscode from 'vscode';

export class TraceChannel implements vscode.LogOutputChannel {
  private readonly levelEmitter = new vscode.EventEmitter<vscode.LogLevel>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidChangeLogLevel = this.levelEmitter.event;

  constructor(private readonly channel: vscode.LogOutputChannel, private readonly section = 'stakes') {
    this.disposables.push(
      channel.onDidChangeLogLevel(() => this.levelEmitter.fire(this.logLevel)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${section}.trace.server`)) {
          this.levelEmitter.fire(this.logLevel);
        }
      }),
    );
  }

  private traceRequested(): boolean {
    const value = vscode.workspace.getConfiguration(this.section).get<string>('trace.server', 'off');
    return value === 'messages' || value === 'verbose' || value === 'compact';
  }

  get logLevel(): vscode.LogLevel {
    return this.traceRequested() ? vscode.LogLevel.Trace : this.channel.logLevel;
  }

  get name(): string {
    return this.channel.name;
  }

  trace(message: string, ...args: unknown[]): void {
    if (this.traceRequested()) {
      this.channel.info(message, ...args);
    } else {
      this.channel.trace(message, ...args);
    }
  }

  debug(message: string, ...args: unknown[]): void {
    this.channel.debug(message, ...args);
  }

  info(message: string, ...args: unknown[]): void {
    this.channel.info(message, ...args);
  }

  warn(message: string, ...args: unknown[]): void {
    this.channel.warn(message, ...args);
  }

  error(error: string | Error, ...args: unknown[]): void {
    this.channel.error(error, ...args);
  }

  append(value: string): void {
    this.channel.append(value);
  }

  appendLine(value: string): void {
    this.channel.appendLine(value);
  }

  replace(value: string): void {
    this.channel.replace(value);
  }

  clear(): void {
    this.channel.clear();
  }

  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean' || columnOrPreserveFocus === undefined) {
      this.channel.show(columnOrPreserveFocus);
    } else {
      this.channel.show(columnOrPreserveFocus, preserveFocus);
    }
  }

  hide(): void {
    this.channel.hide();
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
    this.levelEmitter.dispose();
    this.channel.dispose();
  }
}

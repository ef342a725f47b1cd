// Keeps the last finished command of each terminal, as shell integration reports it (VS Code's API reference,
// window.onDidStartTerminalShellExecution / onDidEndTerminalShellExecution): its command line, its output without
// control sequences, and its exit code. Only the tail of a long output is kept. Nothing is read from a terminal
// without shell integration; the terminal source says so on its chip.
import * as vscode from 'vscode';
import { tailWithin } from './budgetText';
import { stripTerminalControls } from './stripTerminalControls';

export interface TerminalCommandOutput {
  commandLine: string;
  /** Without control sequences; the tail when the output was longer than the tracker keeps. */
  output: string;
  /** Set when the start of the output was dropped. */
  cut: boolean;
  exitCode: number | undefined;
}

/** Raw characters kept of one command's output (its tail): more than any context budget needs. */
const maxRawChars = 400_000;

export class TerminalOutputTracker implements vscode.Disposable {
  private readonly last = new Map<vscode.Terminal, TerminalCommandOutput>();
  private readonly reading = new Map<vscode.TerminalShellExecution, Promise<{ raw: string; cut: boolean }>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.window.onDidStartTerminalShellExecution((event) => {
        // The stream has to be read from the start event on, or its beginning is lost (API reference, read()).
        this.reading.set(event.execution, readAll(event.execution));
      }),
      vscode.window.onDidEndTerminalShellExecution((event) => {
        void this.finish(event);
      }),
      vscode.window.onDidCloseTerminal((terminal) => this.last.delete(terminal)),
    ];
  }

  /** The last command that finished in `terminal` since the tracker started, if any. */
  lastCommand(terminal: vscode.Terminal): TerminalCommandOutput | undefined {
    return this.last.get(terminal);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.last.clear();
    this.reading.clear();
  }

  private async finish(event: vscode.TerminalShellExecutionEndEvent): Promise<void> {
    const reading = this.reading.get(event.execution);
    this.reading.delete(event.execution);
    // The stream ends with the execution; a command that started before the tracker has no stream to wait for.
    const { raw, cut } = reading ? await reading : { raw: '', cut: false };
    this.last.set(event.terminal, {
      commandLine: event.execution.commandLine.value,
      output: stripTerminalControls(raw).replace(/^\n+|\n+$/g, ''),
      cut,
      exitCode: event.exitCode,
    });
  }
}

async function readAll(execution: vscode.TerminalShellExecution): Promise<{ raw: string; cut: boolean }> {
  let raw = '';
  let cut = false;
  try {
    for await (const chunk of execution.read()) {
      raw += chunk;
      if (raw.length > 2 * maxRawChars) {
        raw = tailWithin(raw, maxRawChars);
        cut = true;
      }
    }
  } catch {
    // The terminal went away mid-stream: keep what arrived.
  }
  if (raw.length > maxRawChars) {
    raw = tailWithin(raw, maxRawChars);
    cut = true;
  }
  return { raw, cut };
}

import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface HostTestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number | undefined;
  error?: string;
}

interface BridgeInfo {
  port: number;
  pid: number;
  at: number;
}

/** Talks to the runner extension inside the extension host (test/e2e/runner-extension). */
export class HostBridge {
  private constructor(private readonly info: BridgeInfo) {}

  get extensionHostPid(): number {
    return this.info.pid;
  }

  /**
   * Waits for the runner extension of a (new) extension host to announce itself. `exceptPids` skips hosts that
   * were already seen, which is how a test waits for the host that a window reload starts.
   */
  static async connect(bridgeDir: string, options: { timeoutMs: number; exceptPids?: number[] }): Promise<HostBridge> {
    const deadline = Date.now() + options.timeoutMs;
    while (Date.now() < deadline) {
      const candidates = readBridgeFiles(bridgeDir)
        .filter((info) => !options.exceptPids?.includes(info.pid) && isAlive(info.pid))
        .sort((a, b) => b.at - a.at);
      const newest = candidates[0];
      if (newest) return new HostBridge(newest);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the test runner extension did not start within ${options.timeoutMs} ms (no bridge file in ${bridgeDir})`);
  }

  /** Runs `test/e2e/host/<suite>.host.ts` inside the extension host and returns every test's result. */
  async runSuite(suite: string, timeoutMs = 120_000): Promise<HostTestResult[]> {
    const body = await this.post('/mocha', { suite }, timeoutMs);
    return (body as { results: HostTestResult[] }).results;
  }

  /** `vscode.commands.executeCommand` inside the extension host; URIs in the result come back as strings. */
  async executeCommand<T = unknown>(command: string, ...args: unknown[]): Promise<T> {
    const body = await this.post('/command', { command, args }, 60_000);
    return (body as { result: T }).result;
  }

  /** The text of a workspace file as the editor has it (unsaved edits included). */
  async documentText(relativePath: string): Promise<{ text: string; isDirty: boolean; version: number }> {
    return (await this.post('/document', { path: relativePath }, 30_000)) as { text: string; isDirty: boolean; version: number };
  }

  /** Opens a workspace file and selects whole lines (0-based, inclusive). */
  async select(relativePath: string, startLine: number, endLine: number): Promise<void> {
    await this.post('/select', { path: relativePath, startLine, endLine }, 30_000);
  }

  /** Opens a workspace file and puts the cursor on an empty last line, as a person clicking below the code would. */
  async cursorAtEnd(relativePath: string): Promise<void> {
    await this.post('/cursor', { path: relativePath }, 30_000);
  }

  /** Inserts text at the start of a line of a workspace file. */
  async insertText(relativePath: string, line: number, text: string): Promise<void> {
    await this.post('/edit', { path: relativePath, line, text }, 30_000);
  }

  /** Undo in the editor of a workspace file. */
  async undo(relativePath: string): Promise<void> {
    await this.post('/undo', { path: relativePath }, 30_000);
  }

  /** Sets error diagnostics on a workspace file, as a linter would. */
  async setDiagnostics(relativePath: string, items: { line: number; message: string }[]): Promise<void> {
    await this.post('/diagnostics', { path: relativePath, items }, 30_000);
  }

  /** Changes a user setting from inside the extension host (code-server may miss an outside edit of the file). */
  async setUserSetting(key: string, value: unknown): Promise<void> {
    await this.post('/setting', { key, value }, 30_000);
  }

  private async post(endpoint: string, payload: unknown, timeoutMs: number): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${this.info.port}${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { error?: string };
    if (!response.ok) throw new Error(`extension host ${endpoint} failed: ${body.error ?? response.status}`);
    return body;
  }
}

function readBridgeFiles(dir: string): BridgeInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith('bridge-') && name.endsWith('.json'))
    .flatMap((name) => {
      try {
        return [JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as BridgeInfo];
      } catch {
        return []; // Being written right now; the next poll reads it.
      }
    });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Turns host results into one assertion message, and prints them like mocha would. */
export function reportHostResults(suite: string, results: HostTestResult[]): void {
  for (const result of results) {
    const mark = result.state === 'passed' ? '✔' : result.state === 'failed' ? '✘' : '-';
    console.log(`      ${mark} [host] ${result.title}${result.durationMs !== undefined ? ` (${result.durationMs} ms)` : ''}`);
  }
  const failed = results.filter((r) => r.state !== 'passed');
  if (results.length === 0) throw new Error(`host suite ${suite} ran no test`);
  if (failed.length > 0) {
    throw new Error(
      `host suite ${suite}: ${failed.length} of ${results.length} did not pass:\n` +
        failed.map((r) => `  ${r.state}: ${r.title}\n${r.error ?? ''}`).join('\n'),
    );
  }
}

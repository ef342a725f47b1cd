import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { CodeServerInstall } from './codeServerInstall';

export interface CodeServerOptions {
  install: CodeServerInstall;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  /** The folder to open. */
  workspace: string;
  /** Where code-server's own stdout/stderr go. */
  logFile: string;
  /** Extra environment for code-server; it reaches the extension host's `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** VS Code's display language (`--locale`), e.g. `ru`. */
  locale?: string;
  /** How long to wait for code-server to answer HTTP. */
  startTimeoutMs?: number;
}

export interface RunningCodeServer {
  url: string;
  /** URL that opens the workspace folder. */
  workspaceUrl: string;
  process: ChildProcess;
  /** Stops code-server and every process it started (the whole process group). Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts code-server on a loopback port with a throw-away profile and waits until it answers. */
export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const args = [
    options.install.entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${options.port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    options.userDataDir,
    '--extensions-dir',
    options.extensionsDir,
    ...(options.locale ? ['--locale', options.locale] : []),
    options.workspace,
  ];
  // detached: code-server gets its own process group, so stop() can end the extension host and file watchers
  // it spawns along with it, and nothing outlives the test run.
  const child = spawn(options.install.nodeBin, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  let exited = false;
  const exitPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async (): Promise<void> => {
    if (exited || child.pid === undefined) return;
    killGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid as number, 'SIGKILL'), 5000);
    await exitPromise;
    clearTimeout(timer);
    // Children that ignored SIGTERM (watchers, the extension host) go too.
    killGroup(child.pid, 'SIGKILL');
    liveGroups.delete(child.pid);
    log.end();
  };
  if (child.pid !== undefined) registerExitCleanup(child.pid);

  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHttp(`${url}/healthz`, options.startTimeoutMs ?? 60_000, () => exited);
  } catch (error) {
    await stop();
    throw new Error(`code-server did not start: ${(error as Error).message}. Its log: ${options.logFile}`, { cause: error });
  }
  return { url, workspaceUrl: `${url}/?folder=${encodeURIComponent(options.workspace)}`, process: child, stop };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

async function waitForHttp(url: string, timeoutMs: number, hasExited: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('the process exited');
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms (${lastError})`);
}

const liveGroups = new Set<number>();
let exitHooksInstalled = false;

/** Makes sure code-server's process group is killed even when the test process is interrupted or crashes. */
function registerExitCleanup(pid: number): void {
  liveGroups.add(pid);
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  const killAll = (): void => {
    for (const group of liveGroups) killGroup(group, 'SIGKILL');
  };
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

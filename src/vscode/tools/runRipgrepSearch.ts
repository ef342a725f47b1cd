// search_text on the extension's side (docs/chat.md "Tools"): the editor's ripgrep (ripgrepPath.ts) run once per
// workspace folder, without a shell, with `cwd` at the folder and the engine's command line (ripgrepArgs.ts), its
// `--json` output fed to the engine's RipgrepJsonReader as it arrives. ripgrep is killed when the reader reaches a
// cap, and on Stop, when the search rejects with the abort reason once ripgrep has exited (the tool loop does not
// wait for it; src/vscode/tools/toolExecutor.ts). Without ripgrep, or when it cannot be started, the engine's plain
// search (searchWorkspaceText.ts) gives the same result. No other process is ever started here.
import { spawn } from 'node:child_process';
import type { SearchTextInput } from '../../core/tools/searchTextTool';
import type { ToolLimits } from '../../core/tools/toolLimits';
import type { ToolOutcome } from '../../core/tools/toolTypes';
import type { ToolFolder, ToolWorkspace } from '../../core/tools/toolWorkspace';
import type { EngineModule } from '../engine/providerEngineHost';

type SearchEngine = Pick<EngineModule, 'ripgrepArgs' | 'RipgrepJsonReader' | 'searchWorkspaceText' | 'defaultToolLimits'>;
type RipgrepJsonReader = InstanceType<EngineModule['RipgrepJsonReader']>;

export interface RipgrepSearchOptions {
  engine: SearchEngine;
  workspace: ToolWorkspace;
  /** `switchboard.context.exclude` as written (the reader checks every path against `workspace.exclusion` besides). */
  excludePatterns: readonly string[];
  /** The ripgrep to run (editorRipgrepPath), or undefined for the plain search. */
  ripgrep: string | undefined;
  limits?: Partial<ToolLimits>;
  signal?: AbortSignal;
  /** Told which search ran, once per change of it (so the log says it without a line per call). */
  log?: { info(message: string): void };
}

/** Which search gave the result. */
export type SearchBackend =
  | { kind: 'ripgrep'; path: string }
  /** `detail`: why ripgrep could not start (its spawn error's code). */
  | { kind: 'plain'; reason: 'no-ripgrep' | 'spawn-failed'; detail?: string };

export interface TextSearchResult {
  outcome: ToolOutcome;
  used: SearchBackend;
}

/** How much of ripgrep's stderr is kept, for the error of a failed run. */
const maxStderrChars = 8 * 1024;
/** How long ripgrep has to exit after Stop before it is killed outright. */
const killGraceMs = 2_000;

export async function runRipgrepSearch(input: SearchTextInput, options: RipgrepSearchOptions): Promise<TextSearchResult> {
  const { engine, workspace, signal } = options;
  signal?.throwIfAborted();
  const limits = { ...engine.defaultToolLimits, ...options.limits };
  const plain = async (used: SearchBackend): Promise<TextSearchResult> => {
    announce(options.log, used);
    return { outcome: await engine.searchWorkspaceText(input, workspace, { limits, ...(signal ? { signal } : {}) }), used };
  };
  const rg = options.ripgrep;
  // No folder: the plain search says so.
  if (rg === undefined || workspace.folders.length === 0) return plain({ kind: 'plain', reason: 'no-ripgrep' });

  const args = engine.ripgrepArgs(input, { excludePatterns: options.excludePatterns, limits });
  const reader = new engine.RipgrepJsonReader(input, workspace, limits);
  for (const folder of workspace.folders) {
    const run = await runIn(rg, args, folder, reader, signal);
    if (run.kind === 'spawn-failed') return plain({ kind: 'plain', reason: 'spawn-failed', detail: run.detail });
    reader.endRun(folder, { exitCode: run.exitCode, stderr: run.stderr });
    if (reader.full) break;
  }
  const used: SearchBackend = { kind: 'ripgrep', path: rg };
  announce(options.log, used);
  return { outcome: reader.finish(), used };
}

type Run = { kind: 'exited'; exitCode: number | null; stderr: string } | { kind: 'spawn-failed'; detail: string };

/** ripgrep in one folder, its output into `reader`; rejects with the abort reason after Stop, once ripgrep is gone. */
function runIn(rg: string, args: readonly string[], folder: ToolFolder, reader: RipgrepJsonReader, signal?: AbortSignal): Promise<Run> {
  return new Promise<Run>((resolve, reject) => {
    let settled = false;
    let spawned = false;
    let stderr = '';
    let escalation: ReturnType<typeof setTimeout> | undefined;
    const child = spawn(rg, args, { cwd: folder.path, shell: false, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const running = (): boolean => child.exitCode === null && child.signalCode === null;
    const stop = (): void => {
      if (running()) child.kill();
    };
    const onAbort = (): void => {
      stop();
      // ripgrep ends on SIGTERM at once; should it not, it is not left running.
      escalation ??= setTimeout(() => {
        if (running()) child.kill('SIGKILL');
      }, killGraceMs);
    };
    const finish = (run: Run | { kind: 'aborted' }): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (escalation !== undefined) clearTimeout(escalation);
      if (run.kind === 'aborted') reject(signal?.reason as Error);
      else resolve(run);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.once('spawn', () => {
      spawned = true;
      if (signal?.aborted === true) onAbort();
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (!reader.pushChunk(chunk, folder)) stop();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < maxStderrChars) stderr += chunk.slice(0, maxStderrChars - stderr.length);
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      // Not started (ENOENT, EACCES…): the plain search takes over. Once started, `close` follows any error.
      if (!spawned) finish({ kind: 'spawn-failed', detail: error.code ?? error.message });
    });
    child.once('close', (exitCode: number | null) => {
      if (signal?.aborted === true) finish({ kind: 'aborted' });
      else finish({ kind: 'exited', exitCode, stderr });
    });
  });
}

const announced = new WeakMap<object, string>();

/** Logs which search runs, when it is not the one logged last. */
function announce(log: RipgrepSearchOptions['log'], used: SearchBackend): void {
  if (!log) return;
  const line =
    used.kind === 'ripgrep'
      ? `search_text runs the editor's ripgrep: ${used.path}`
      : used.reason === 'no-ripgrep'
        ? "search_text runs the plain search: the editor's ripgrep was not found"
        : `search_text runs the plain search: the editor's ripgrep could not be started (${used.detail ?? 'unknown error'})`;
  if (announced.get(log) === line) return;
  announced.set(log, line);
  log.info(line);
}

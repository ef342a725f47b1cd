// Reads what `rg --json` prints (ripgrep's JSON Lines format, grep-printer's `JSON` documentation: one message per
// line, `{"type": "begin" | "match" | "context" | "end" | "summary", "data": {…}}`; a path or line that is not UTF-8
// comes as `{"bytes": "<base64>"}` instead of `{"text": "…"}`; submatch offsets are bytes into the line) into
// search_text's result. The extension spawns ripgrep with ripgrepArgs.ts in each workspace folder in turn and feeds
// its stdout here as it arrives, naming the folder (ripgrep prints paths relative to where it ran); when a push
// returns false a cap is reached and it kills ripgrep and runs it in no further folder. Every reported path is
// checked again: outside the workspace folders, inside `.git`, excluded, or not matching the glob, a match is
// dropped. A line that is not UTF-8 is decoded with replacement characters (the plain search skips such files).
//
//   const reader = new RipgrepJsonReader(input, workspace, limits);
//   for (const folder of workspace.folders) {
//     const rg = spawn(rgPath, ripgrepArgs(input, { excludePatterns, limits }), { cwd: folder.path });
//     rg.stdout.setEncoding('utf8').on('data', (chunk) => { if (!reader.pushChunk(chunk, folder)) rg.kill(); });
//     reader.endRun(folder, { exitCode: await exitOf(rg), stderr });
//     if (reader.full) break;
//   }
//   return reader.finish();
import * as path from 'node:path';
import { isInGitFolder, placeOf, type ToolFolder, type ToolWorkspace } from './toolWorkspace';
import { SearchCollector } from './searchResults';
import type { SearchTextInput } from './searchTextTool';
import { toolError } from './toolError';
import { compileToolGlob, type GlobMatcher } from './toolGlob';
import { defaultToolLimits, type ToolLimits } from './toolLimits';
import type { ToolOutcome } from './toolTypes';

/** The longest output line kept whole (a match's JSON holds its whole line; files over maxFileBytes are skipped). */
const maxJsonLine = 8 * 1024 * 1024;

export interface RipgrepEnd {
  /** ripgrep's exit code: 0 matches, 1 none, 2 an error; null when it was killed (after a cap, or on Stop). */
  exitCode: number | null;
  /** What it wrote to stderr, for the error of a failed run. */
  stderr?: string;
}

export class RipgrepJsonReader {
  private readonly collector: SearchCollector;
  private readonly limits: ToolLimits;
  private readonly glob: GlobMatcher | undefined;
  private pending = '';
  /** The pending line grew past maxJsonLine: the rest of it is dropped. */
  private skippingLine = false;
  private received = 0;
  private failure: string | undefined;

  constructor(
    input: SearchTextInput,
    private readonly workspace: ToolWorkspace,
    limits: Partial<ToolLimits> = {},
  ) {
    this.limits = { ...defaultToolLimits, ...limits };
    this.collector = new SearchCollector(input, this.limits);
    const glob = input.glob !== undefined ? compileToolGlob(input.glob) : undefined;
    this.glob = glob?.ok === true ? glob.matches : undefined;
  }

  /**
   * A piece of the stdout of ripgrep run in `folder`, as it came (lines may be split across pieces). False once a cap
   * is reached: stop ripgrep.
   */
  pushChunk(chunk: string, folder: ToolFolder): boolean {
    if (this.collector.full) return false;
    this.received += chunk.length;
    if (this.received > this.limits.maxSearchBytes) return this.collector.stopFor('bytes');
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline >= 0; newline = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, newline);
      start = newline + 1;
      if (this.skippingLine) {
        this.skippingLine = false;
        this.pending = '';
        continue;
      }
      const line = this.pending + piece;
      this.pending = '';
      if (!this.pushLine(line, folder)) return false;
    }
    if (!this.skippingLine) {
      this.pending += chunk.slice(start);
      if (this.pending.length > maxJsonLine) {
        this.pending = '';
        this.skippingLine = true;
      }
    }
    return true;
  }

  /** One line of the stdout of ripgrep run in `folder` (one JSON message). False once a cap is reached: stop ripgrep. */
  pushLine(line: string, folder: ToolFolder): boolean {
    if (this.collector.full) return false;
    if (line.trim() === '') return true;
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      // Not a message (ripgrep only prints JSON with --json): nothing to take from it.
      return true;
    }
    if (!isRecord(message) || message['type'] !== 'match' || !isRecord(message['data'])) return true;
    const data = message['data'];
    const reported = textOf(data['path']);
    const lineText = textOf(data['lines']);
    const lineNumber = data['line_number'];
    if (reported === undefined || lineText === undefined || typeof lineNumber !== 'number') return true;
    const place = placeOf(this.workspace, path.resolve(folder.path, reported));
    if (place === undefined || isInGitFolder(place.relativePath) || this.workspace.exclusion.isExcluded(place.relativePath)) return true;
    if (this.glob !== undefined && !this.glob(place.relativePath)) return true;
    const text = lineText.replace(/\r?\n$/, '');
    return this.collector.add({ displayPath: place.displayPath, line: lineNumber, text, column: firstColumn(text, data['submatches']) });
  }

  /** ripgrep has exited in `folder`: its last line (without a final line break) is read, and a failure noted. */
  endRun(folder: ToolFolder, end: RipgrepEnd): void {
    if (this.pending !== '' && !this.skippingLine) this.pushLine(this.pending, folder);
    this.pending = '';
    this.skippingLine = false;
    // 2: an error (a bad regular expression, an unreadable folder); killed after a cap is no failure.
    if (end.exitCode === 2 && this.failure === undefined) {
      const detail = (end.stderr ?? '').trim().split('\n')[0]?.trim() ?? '';
      this.failure = detail === '' ? 'ripgrep exited with code 2' : detail.slice(0, 300);
    }
  }

  /** The result, once every run has ended: the matches, or the failure when a run failed and nothing matched. */
  finish(): ToolOutcome {
    if (this.failure !== undefined && this.collector.count === 0) return toolError('tool.search.failed', { detail: this.failure });
    return this.collector.result();
  }

  /** Whether a cap was reached (ripgrep should be stopped). */
  get full(): boolean {
    return this.collector.full;
  }
}

/** ripgrep's arbitrary data: `{text}` as it is, `{bytes}` (base64 of what is not UTF-8) decoded with replacements. */
function textOf(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value['text'] === 'string') return value['text'];
  if (typeof value['bytes'] === 'string') return Buffer.from(value['bytes'], 'base64').toString('utf8');
  return undefined;
}

/** The UTF-16 index of the first submatch (ripgrep gives byte offsets into the line). */
function firstColumn(line: string, submatches: unknown): number {
  if (!Array.isArray(submatches)) return 0;
  const first: unknown = submatches[0];
  if (!isRecord(first) || typeof first['start'] !== 'number') return 0;
  return Buffer.from(line, 'utf8').subarray(0, first['start']).toString('utf8').length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

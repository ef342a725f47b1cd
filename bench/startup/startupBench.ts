// Sizes and activation (docs/performance.md):
//   - the production bundles (dist/extension.js and dist/zod.js are what activation loads, dist/engine.js loads on first use,
//     dist/webview.js + .css + the codicon font), all JavaScript the VSIX ships, and the VSIX itself, from a fresh
//     `vsce package --no-dependencies` (which runs the production build), each as a ratio to its budget;
//   - activate() in the real extension host: the real-editor harness (test/e2e/harness/editorSession.ts) packages
//     and installs the VSIX into code-server and opens it in Chromium; Switchboard logs "Switchboard <version>
//     activated in N ms" to <userData>/logs/**/Switchboard.log. A few fresh editors, median and min–max.
//   - the engine's first load ("Provider engine loaded in N ms"), triggered without any UI by
//     `switchboard.removeApiKey { provider: 'openai' }` (it resolves the provider through the engine; in the
//     throw-away profile there is no key to remove, so nothing changes but a notification).
//
//   npm run bench:startup         BENCH_STARTUP_ROUNDS (default 3), BENCH_QUICK=1, BENCH_SKIP_BUILD=1 (test bundles)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startEditorSession, type EditorSession } from '../../test/e2e/harness/editorSession';
import { markdownTable, repoRoot, row, writeResult, type SummaryRow } from '../lib/report';
import { fmt, spread } from '../lib/stats';

const quick = process.env['BENCH_QUICK'] === '1';
const rounds = Number(process.env['BENCH_STARTUP_ROUNDS'] ?? (quick ? 1 : 3));
const KiB = 1024;

/** docs/performance.md, in KiB (1 KB = 1024 bytes here, as esbuild.js prints sizes). */
const budgets = { activationCodeKB: 150, allJsKB: 1.2 * 1024, webviewKB: 300, vsixKB: 600, activateMs: 25 };

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** The first number a line matching `pattern` carries in any Switchboard.log under `logsDir`, waiting up to `timeoutMs`. */
async function waitForLogNumber(logsDir: string, pattern: RegExp, timeoutMs: number): Promise<number | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const file of walk(logsDir).filter((f) => path.basename(f) === 'Switchboard.log')) {
      const match = pattern.exec(readFileSync(file, 'utf8'));
      if (match) return Number(match[1]);
    }
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface VsixEntry {
  name: string;
  bytes: number;
}

function vsixEntries(vsix: string): VsixEntry[] {
  const listing = execFileSync('unzip', ['-l', vsix], { encoding: 'utf8' });
  const entries: VsixEntry[] = [];
  for (const line of listing.split('\n')) {
    const match = /^\s*(\d+)\s+\S+\s+\S+\s+(\S.*)$/.exec(line);
    if (match && !match[2]!.endsWith('/') && match[2] !== 'Name') entries.push({ name: match[2]!, bytes: Number(match[1]) });
  }
  return entries;
}

/** `vsce package --no-dependencies` into a temporary folder (vsce runs vscode:prepublish, the production build). */
function packageVsix(): { vsixBytes: number; entries: VsixEntry[] } {
  const tmp = mkdtempSync(path.join(tmpdir(), 'switchboard-bench-'));
  const vsix = path.join(tmp, 'switchboard.vsix');
  try {
    execFileSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'ignore', 'inherit'],
        timeout: 180_000,
      },
    );
    return { vsixBytes: statSync(vsix).size, entries: vsixEntries(vsix) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

interface EditorRound {
  activateMs?: number;
  engineLoadMs?: number;
  sessionSeconds: number;
  error?: string;
}

async function measureEditor(): Promise<EditorRound> {
  const started = Date.now();
  let session: EditorSession | undefined;
  try {
    session = await startEditorSession();
    const logs = path.join(session.dirs.userData, 'logs');
    const activateMs = await waitForLogNumber(logs, /Switchboard \S+ activated in ([\d.]+) ms/, 30_000);
    let engineLoadMs: number | undefined;
    let error: string | undefined;
    try {
      await session.bridge.executeCommand('switchboard.removeApiKey', { provider: 'openai' });
      engineLoadMs = await waitForLogNumber(logs, /Provider engine loaded in ([\d.]+) ms/, 15_000);
      if (engineLoadMs === undefined) error = 'switchboard.removeApiKey ran but no "Provider engine loaded in N ms" line appeared';
    } catch (e) {
      error = `switchboard.removeApiKey failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    return {
      ...(activateMs !== undefined ? { activateMs } : {}),
      ...(engineLoadMs !== undefined ? { engineLoadMs } : {}),
      sessionSeconds: (Date.now() - started) / 1000,
      ...(activateMs === undefined ? { error: 'no "activated in N ms" line in any Switchboard.log' } : error ? { error } : {}),
    };
  } catch (e) {
    return { sessionSeconds: (Date.now() - started) / 1000, error: e instanceof Error ? e.message : String(e) };
  } finally {
    await session?.stop();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  if (process.env['BENCH_SKIP_BUILD'] !== '1') {
    // The runner extension the real-editor harness installs beside Switchboard.
    execFileSync(process.execPath, ['esbuild.js', '--tests'], { cwd: repoRoot, stdio: 'inherit' });
  }

  // Sizes: package once (vsce runs vscode:prepublish, the production build).
  const { vsixBytes, entries } = packageVsix();
  const dist = (name: string): number => statSync(path.join(repoRoot, 'dist', name)).size;
  const ttf = readdirSync(path.join(repoRoot, 'dist')).filter((f) => f.endsWith('.ttf'));
  const sizes = {
    // Activation loads dist/extension.js and the zod it shares with the engine (dist/zod.js).
    extensionJs: dist('extension.js') + dist('zod.js'),
    engineJs: dist('engine.js'),
    webviewJs: dist('webview.js'),
    webviewCss: dist('webview.css'),
    fonts: ttf.reduce((sum, f) => sum + dist(f), 0),
    shippedJs: entries.filter((e) => e.name.endsWith('.js')).reduce((sum, e) => sum + e.bytes, 0),
    shippedJsFiles: entries.filter((e) => e.name.endsWith('.js')).map((e) => `${e.name} ${(e.bytes / KiB).toFixed(1)} KB`),
    vsix: vsixBytes,
    vsixFiles: entries.length,
  };
  const kb = (bytes: number): string => `${(bytes / KiB).toFixed(1)} KB`;
  const one = (value: number): ReturnType<typeof spread> => spread([value]);

  // Activation in the real editor.
  const editorRounds: EditorRound[] = [];
  for (let round = 0; round < rounds; round++) {
    const result = await measureEditor();
    editorRounds.push(result);
    console.log(
      `editor ${round + 1}/${rounds}: activate() ${result.activateMs ?? '—'} ms, engine loaded in ${result.engineLoadMs ?? '—'} ms (${result.sessionSeconds.toFixed(0)} s)${result.error ? `; ${result.error}` : ''}`,
    );
  }
  const activations = editorRounds.flatMap((r) => (r.activateMs !== undefined ? [r.activateMs] : []));
  const engineLoads = editorRounds.flatMap((r) => (r.engineLoadMs !== undefined ? [r.engineLoadMs] : []));

  const rows: SummaryRow[] = [
    row({
      bench: 'startup',
      what: `code loaded at activation: dist/extension.js + dist/zod.js ${kb(sizes.extensionJs)}`,
      contenders: 'size / 150 KB budget',
      value: one(sizes.extensionJs / KiB / budgets.activationCodeKB),
      unit: '×',
      budget: { op: '<=', value: 1 },
    }),
    row({
      bench: 'startup',
      what: `webview bundle: dist/webview.js ${kb(sizes.webviewJs)}`,
      contenders: 'size / 300 KB budget',
      value: one(sizes.webviewJs / KiB / budgets.webviewKB),
      unit: '×',
      budget: { op: '<=', value: 1 },
    }),
    row({
      bench: 'startup',
      what: `webview with its styles and font: js + css ${kb(sizes.webviewCss)} + ttf ${kb(sizes.fonts)} = ${kb(sizes.webviewJs + sizes.webviewCss + sizes.fonts)}`,
      contenders: 'size / 300 KB (the JS budget, for scale)',
      value: one((sizes.webviewJs + sizes.webviewCss + sizes.fonts) / KiB / budgets.webviewKB),
      unit: '×',
    }),
    row({
      bench: 'startup',
      what: `all shipped JavaScript (in the VSIX): ${kb(sizes.shippedJs)}, of which dist/engine.js ${kb(sizes.engineJs)}`,
      contenders: 'size / 1.2 MB budget',
      value: one(sizes.shippedJs / KiB / budgets.allJsKB),
      unit: '×',
      budget: { op: '<=', value: 1 },
    }),
    row({
      bench: 'startup',
      what: `VSIX (vsce package --no-dependencies): ${kb(sizes.vsix)}, ${sizes.vsixFiles} files`,
      contenders: 'size / 600 KB budget',
      value: one(sizes.vsix / KiB / budgets.vsixKB),
      unit: '×',
      budget: { op: '<=', value: 1 },
    }),
  ];
  const notDone: string[] = [];
  if (activations.length > 0) {
    rows.push(
      row({
        bench: 'startup',
        what: `activate() in the real extension host (code-server, ${rounds} fresh editor${rounds > 1 ? 's' : ''})`,
        contenders: 'absolute (budget of docs/performance.md)',
        value: spread(activations),
        unit: 'ms',
        budget: { op: '<=', value: budgets.activateMs },
      }),
    );
    rows.push(
      row({
        bench: 'startup',
        what: 'activate() in the real extension host',
        contenders: 'activate ms / 25 ms budget',
        value: spread(activations.map((ms) => ms / budgets.activateMs)),
        unit: '×',
      }),
    );
  } else {
    notDone.push(`activation: ${editorRounds.map((r) => r.error).join('; ')}`);
  }
  if (engineLoads.length > 0) {
    rows.push(
      row({
        bench: 'startup',
        what: 'first load of the provider engine (dist/engine.js), on first use',
        contenders: 'absolute',
        value: spread(engineLoads),
        unit: 'ms',
      }),
    );
    if (activations.length > 0)
      rows.push(
        row({
          bench: 'startup',
          what: 'engine first load vs activate()',
          contenders: 'engine load / activate()',
          value: spread(engineLoads.map((ms, i) => ms / (activations[i] ?? Number.NaN))),
          unit: '×',
        }),
      );
  } else {
    notDone.push(`engine load: ${editorRounds.map((r) => r.error ?? 'no line').join('; ')}`);
  }

  console.log('');
  console.log(markdownTable(rows));
  console.log(
    `\nsizes: extension.js ${kb(sizes.extensionJs)}, engine.js ${kb(sizes.engineJs)}, webview.js ${kb(sizes.webviewJs)}, webview.css ${kb(sizes.webviewCss)}, fonts ${kb(sizes.fonts)}; shipped JS ${kb(sizes.shippedJs)} (${sizes.shippedJsFiles.join(', ')}); VSIX ${kb(sizes.vsix)}, ${sizes.vsixFiles} files`,
  );
  if (activations.length > 0)
    console.log(
      `activate() ms: ${activations.map((ms) => fmt(ms)).join(', ')}; engine load ms: ${engineLoads.map((ms) => fmt(ms)).join(', ')}`,
    );
  for (const line of notDone) console.log(`not measured: ${line}`);
  const file = writeResult({
    bench: 'startup',
    measured: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
    method: {
      sizes: 'bytes of the production build (from `vsce package --no-dependencies`, which runs vscode:prepublish); 1 KB = 1024 bytes',
      activation:
        'startEditorSession() (test/e2e/harness): the packaged VSIX in code-server, the workbench in headless Chromium; "activated in N ms" from <userData>/logs/**/Switchboard.log, one fresh editor per round',
      engine:
        'switchboard.removeApiKey { provider: "openai" } through the host bridge, then "Provider engine loaded in N ms" from the same log',
      rounds,
      budgets,
    },
    rows,
    details: { sizes, editorRounds },
    ...(notDone.length > 0 ? { notDone } : {}),
  });
  console.log(`\nwrote ${file} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (rows.some((r) => r.pass === false) || activations.length === 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// search_text through ripgrep: the command line (no shell; nothing the model sends can become an option) and the
// reader of `rg --json` output. The lines below are written by hand after ripgrep's documented JSON Lines format
// (grep-printer's `JSON` printer: begin / match / context / end / summary messages; `{"text"}` or base64
// `{"bytes"}` for paths and lines; submatch offsets in bytes). When a ripgrep binary is at hand (the code-server the
// real-editor tests install ships VS Code's), the reader is also checked against ripgrep itself and the plain search.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createContextExclusion, defaultContextExclude } from '../../../src/core/context/contextExclusion';
import { ripgrepArgs } from '../../../src/core/tools/ripgrepArgs';
import { RipgrepJsonReader } from '../../../src/core/tools/ripgrepJson';
import { searchWorkspaceText } from '../../../src/core/tools/searchWorkspaceText';
import type { SearchTextInput } from '../../../src/core/tools/searchTextTool';
import type { ToolFolder, ToolWorkspace } from '../../../src/core/tools/toolWorkspace';
import { TempWorkspace } from '../context/tempWorkspace';

const folder: ToolFolder = { name: 'app', path: path.resolve('/projects/app') };
const workspace: ToolWorkspace = { folders: [folder], exclusion: createContextExclusion(defaultContextExclude) };

const stats = {
  elapsed: { secs: 0, nanos: 35_000, human: '0.000035s' },
  searches: 1,
  searches_with_match: 1,
  bytes_searched: 120,
  bytes_printed: 300,
  matched_lines: 1,
  matches: 1,
};
const begin = (file: string): string => JSON.stringify({ type: 'begin', data: { path: { text: file } } });
const end = (file: string): string => JSON.stringify({ type: 'end', data: { path: { text: file }, binary_offset: null, stats } });
const summary = JSON.stringify({ type: 'summary', data: { elapsed_total: { secs: 0, nanos: 90_000, human: '0.00009s' }, stats } });
function match(file: string, lineNumber: number, line: string, start: number, matched: string): string {
  const startBytes = Buffer.byteLength(line.slice(0, start));
  return JSON.stringify({
    type: 'match',
    data: {
      path: { text: file },
      lines: { text: `${line}\n` },
      line_number: lineNumber,
      absolute_offset: 100,
      submatches: [{ match: { text: matched }, start: startBytes, end: startBytes + Buffer.byteLength(matched) }],
    },
  });
}

function read(input: SearchTextInput, lines: string[], limits = {}): RipgrepJsonReader {
  const reader = new RipgrepJsonReader(input, workspace, limits);
  for (const line of lines) reader.pushLine(line, folder);
  reader.endRun(folder, { exitCode: 0 });
  return reader;
}

describe('ripgrep arguments', () => {
  it('are a fixed list, the model’s glob before the exclusions, and `--` before the query and the path', () => {
    assert.deepEqual(
      ripgrepArgs({ query: 'loadConfig' }, { excludePatterns: ['.env', '*.pem', 'config/secrets/**'], limits: { maxFileBytes: 1048576 } }),
      [
        '--json',
        '--no-config',
        '--hidden',
        '--no-follow',
        '--no-require-git',
        '--no-messages',
        '--case-sensitive',
        '--max-filesize=1048576',
        '--fixed-strings',
        '--iglob=!.git',
        '--iglob=!.env',
        '--iglob=!*.pem',
        '--iglob=!config/secrets/**',
        '--',
        'loadConfig',
        '.',
      ],
    );
    const regex = ripgrepArgs(
      { query: '--files', isRegex: true, glob: '-g*.ts' },
      { excludePatterns: ['!keep', ' '], limits: { maxFileBytes: 10 } },
    );
    assert.deepEqual(regex, [
      '--json',
      '--no-config',
      '--hidden',
      '--no-follow',
      '--no-require-git',
      '--no-messages',
      '--ignore-case',
      '--max-filesize=10',
      '--iglob=-g*.ts',
      '--iglob=!.git',
      '--',
      '--files',
      '.',
    ]);
    // Whatever the model sends, it never stands alone before `--`: a query that looks like an option stays the pattern.
    assert.equal(regex.indexOf('--files'), regex.indexOf('--') + 1);
  });
});

describe('the ripgrep JSON reader', () => {
  it('reads matches from begin/match/end/summary messages as path:line: text, relative to the folder ripgrep ran in', () => {
    const reader = read({ query: 'config' }, [
      begin('./src/app.ts'),
      match('./src/app.ts', 2, '  const config = load();', 8, 'config'),
      match('./src/app.ts', 9, 'export { config };', 9, 'config'),
      end('./src/app.ts'),
      begin('README.md'),
      match('README.md', 1, 'Configure it.', 0, 'Config'),
      end('README.md'),
      summary,
    ]);
    assert.deepEqual(reader.finish(), {
      content: [
        '3 matches in 2 files for "config" (plain text, case-insensitive):',
        'src/app.ts:2: const config = load();',
        'src/app.ts:9: export { config };',
        'README.md:1: Configure it.',
      ].join('\n'),
      isError: false,
    });
  });

  it('drops what is outside the workspace, in .git, excluded or outside the glob, whatever ripgrep reports', () => {
    const reader = read({ query: 'key', glob: '*.ts' }, [
      match('../elsewhere/key.ts', 1, 'key', 0, 'key'),
      match(path.resolve('/etc/key.ts'), 1, 'key', 0, 'key'),
      match('./.git/hooks/key.ts', 1, 'key', 0, 'key'),
      match('./.env', 1, 'KEY=1', 0, 'KEY'),
      match('./certs/server.pem.ts.key', 1, 'key', 0, 'key'),
      match('./notes.md', 1, 'key', 0, 'key'),
      match(path.join(folder.path, 'src', 'ok.ts'), 4, 'const key = 1;', 6, 'key'),
    ]);
    assert.deepEqual(reader.finish().content.split('\n'), [
      '1 match in 1 file for "key" (plain text, case-insensitive, files matching *.ts):',
      'src/ok.ts:4: const key = 1;',
    ]);
  });

  it('decodes base64 bytes, turns byte offsets into a position in the text, and cuts a long line around the match', () => {
    const long = `${'é'.repeat(400)}needle${'z'.repeat(400)}`;
    const reader = read(
      { query: 'needle' },
      [
        JSON.stringify({
          type: 'match',
          data: {
            path: { bytes: Buffer.from('./lat\xe9n.txt', 'latin1').toString('base64') },
            lines: { bytes: Buffer.from('x\xff needle\n', 'latin1').toString('base64') },
            line_number: 3,
            absolute_offset: 0,
            submatches: [{ match: { text: 'needle' }, start: 3, end: 9 }],
          },
        }),
        match('./min.js', 1, long, 400, 'needle'),
      ],
      { maxLineChars: 60 },
    );
    const [, bytesLine, longLine] = reader.finish().content.split('\n');
    assert.equal(bytesLine, 'lat\uFFFDn.txt:3: x\uFFFD needle');
    assert.equal(longLine, `min.js:1: …${'é'.repeat(20)}needle${'z'.repeat(34)}…`);
  });

  it('takes stdout in pieces split anywhere, and tells the caller to stop ripgrep at a cap', () => {
    const lines = Array.from({ length: 50 }, (_, index) => match('./a.txt', index + 1, `hit ${index}`, 0, 'hit'));
    const stream = `${[begin('./a.txt'), ...lines].join('\n')}\n`;
    const reader = new RipgrepJsonReader({ query: 'hit', maxResults: 10 }, workspace);
    let stoppedAt = -1;
    for (let at = 0; at < stream.length; at += 37) {
      if (!reader.pushChunk(stream.slice(at, at + 37), folder)) {
        stoppedAt = at;
        break;
      }
    }
    assert.ok(stoppedAt > 0 && stoppedAt < stream.length / 2, 'stopped early');
    assert.equal(reader.full, true);
    reader.endRun(folder, { exitCode: null });
    const result = reader.finish();
    assert.equal(result.content.split('\n').length, 1 + 10 + 1);
    assert.deepEqual(result.note, { id: 'tool.search.cappedResults', params: { count: 10 } });
  });

  it('reads a last line without a line break, skips one too long to hold, and caps what it receives', () => {
    const reader = new RipgrepJsonReader({ query: 'x' }, workspace);
    reader.pushChunk(`${match('./a.txt', 1, 'x one', 0, 'x')}\n{"type":"match","data":{"path":{"text":"./huge"},"lines":{"text":"`, folder);
    // 9 MB of one line: dropped, not kept in memory.
    for (let piece = 0; piece < 9; piece++) reader.pushChunk('y'.repeat(1024 * 1024), folder);
    reader.pushChunk(`"}}}\n${match('./b.txt', 2, 'x two', 0, 'x')}`, folder);
    reader.endRun(folder, { exitCode: 0 });
    assert.deepEqual(reader.finish().content.split('\n').slice(1), ['a.txt:1: x one', 'b.txt:2: x two']);

    const flooded = new RipgrepJsonReader({ query: 'x' }, workspace, { maxSearchBytes: 1000 });
    assert.equal(flooded.pushChunk(`${match('./a.txt', 1, 'x', 0, 'x')}\n`.repeat(20), folder), false);
    assert.deepEqual(flooded.finish().note, { id: 'tool.search.cappedBytes', params: { size: 0.1 } });
  });

  it('reports a failed run (exit code 2) when nothing matched, and no matches when none did', () => {
    const failed = new RipgrepJsonReader({ query: '(', isRegex: true }, workspace);
    failed.endRun(folder, { exitCode: 2, stderr: 'regex parse error:\n    (\n    ^\nerror: unclosed group\n' });
    assert.deepEqual(failed.finish(), {
      content: 'The search failed: regex parse error:.',
      isError: true,
      note: { id: 'tool.search.failed', params: { detail: 'regex parse error:' } },
    });
    const none = new RipgrepJsonReader({ query: 'zzz' }, workspace);
    none.pushLine(summary, folder);
    none.endRun(folder, { exitCode: 1 });
    assert.deepEqual(none.finish(), { content: 'No matches for "zzz" (plain text, case-insensitive).', isError: false });
  });
});

/**
 * A real ripgrep: Debian's `rg` on the PATH (scripts/setup/system-packages.sh installs it for `npm test`), else VS Code's
 * own inside the code-server the real-editor tests install (scripts/editor/install-code-server.sh).
 */
function realRipgrep(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'rg');
    if (dir !== '' && fs.existsSync(candidate)) return candidate;
  }
  const cache =
    process.env['SWITCHBOARD_CACHE'] ?? path.join(process.env['XDG_CACHE_HOME'] ?? path.join(os.homedir(), '.cache'), 'switchboard');
  const arch = `${process.platform}-${process.arch}`;
  let installs: string[];
  try {
    installs = fs.readdirSync(cache).filter((name) => name.startsWith('code-server-'));
  } catch {
    return undefined;
  }
  for (const install of installs) {
    const modules = path.join(cache, install, 'cs', 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode');
    for (const candidate of [path.join(modules, 'ripgrep', 'bin', 'rg'), path.join(modules, 'ripgrep-universal', 'bin', arch, 'rg')]) {
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

describe('ripgrep itself', () => {
  it('finds what the plain search finds, through ripgrepArgs and the reader', async () => {
    const rg = realRipgrep();
    assert.ok(rg, 'no ripgrep found: install Debian’s ripgrep (npm test does, through scripts/setup/system-packages.sh)');
    const root = new TempWorkspace();
    try {
      root.write('.gitignore', 'dist/\n');
      root.write('src/app.ts', 'const config = 1;\nexport { config };\n');
      root.write('src/deep/util.ts', '// config helpers\n');
      root.write('README.md', 'Config lives in src.\n');
      root.write('dist/app.js', 'config\n');
      root.write('.env', 'CONFIG=1\n');
      root.write('.git/config', 'config\n');
      const real: ToolWorkspace = { folders: [{ name: 'w', path: root.root }], exclusion: createContextExclusion(defaultContextExclude) };
      for (const input of [
        { query: 'config' },
        { query: 'config', glob: 'src/**/*.ts' },
        { query: '^export \\{', isRegex: true },
      ] as SearchTextInput[]) {
        const reader = new RipgrepJsonReader(input, real);
        const home = real.folders[0]!;
        const child = spawn(rg, ripgrepArgs(input, { excludePatterns: defaultContextExclude, limits: { maxFileBytes: 1024 * 1024 } }), {
          cwd: home.path,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          if (!reader.pushChunk(chunk, home)) child.kill();
        });
        const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
        reader.endRun(home, { exitCode });
        const viaRipgrep = reader.finish();
        const plain = await searchWorkspaceText(input, real);
        // ripgrep's order of files is its own; the lines and counts must agree.
        const sorted = (text: string): string[] => text.split('\n').sort();
        assert.deepEqual(sorted(viaRipgrep.content), sorted(plain.content), JSON.stringify(input));
        assert.doesNotMatch(viaRipgrep.content, /dist|\.env|\.git/);
      }
    } finally {
      root.remove();
    }
  });
});

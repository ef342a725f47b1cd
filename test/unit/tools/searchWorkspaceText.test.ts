// The plain search (search_text without ripgrep) on a real folder: plain text and regular expressions with smart case,
// globs, .gitignore, excluded and binary files never searched, and every cap — results, characters, bytes read, the
// walk — ending the search with a note instead of returning everything.
import * as assert from 'node:assert/strict';
import { createContextExclusion, defaultContextExclude } from '../../../src/core/context/contextExclusion';
import { searchWorkspaceText } from '../../../src/core/tools/searchWorkspaceText';
import type { ToolWorkspace } from '../../../src/core/tools/toolWorkspace';
import { TempWorkspace } from '../context/tempWorkspace';

describe('search_text without ripgrep', () => {
  let root: TempWorkspace;
  let workspace: ToolWorkspace;

  beforeEach(() => {
    root = new TempWorkspace();
    root.write('.gitignore', 'dist/\n');
    root.write('src/app.ts', 'import { Config } from "./config";\nconst config = new Config();\n\n    export function loadConfig() {}\n');
    root.write('src/config.ts', 'export class Config {}\n');
    root.write('README.md', 'Configure it in config.json.\n');
    root.write('dist/app.js', 'const config = 1;\n');
    root.write('.env', 'CONFIG_SECRET=1\n');
    root.write('.git/config', '[core] config\n');
    root.write('logo.png', new Uint8Array([0x89, 0x00, ...Buffer.from('config')]));
    workspace = { folders: [{ name: 'w', path: root.root }], exclusion: createContextExclusion(defaultContextExclude) };
  });
  afterEach(() => root.remove());

  it('finds plain text case-insensitively, never in ignored, excluded, .git or binary files', async () => {
    const outcome = await searchWorkspaceText({ query: 'config' }, workspace);
    assert.deepEqual(outcome, {
      content: [
        '5 matches in 3 files for "config" (plain text, case-insensitive):',
        'README.md:1: Configure it in config.json.',
        'src/app.ts:1: import { Config } from "./config";',
        'src/app.ts:2: const config = new Config();',
        'src/app.ts:4: export function loadConfig() {}',
        'src/config.ts:1: export class Config {}',
      ].join('\n'),
      isError: false,
    });
  });

  it('is case-sensitive when the query has a capital, takes regular expressions, and refuses a bad one', async () => {
    const exact = await searchWorkspaceText({ query: 'new Config(' }, workspace);
    assert.equal(
      exact.content,
      '1 match in 1 file for "new Config(" (plain text, case-sensitive):\nsrc/app.ts:2: const config = new Config();',
    );
    const regex = await searchWorkspaceText({ query: '^export (class|function) \\w+', isRegex: true }, workspace);
    assert.deepEqual(regex.content.split('\n').slice(1), ['src/config.ts:1: export class Config {}']);
    const regexAnyCase = await searchWorkspaceText({ query: '\\bconfig\\b', isRegex: true, glob: '*.ts' }, workspace);
    assert.match(
      regexAnyCase.content,
      /^3 matches in 2 files for "\\\\bconfig\\\\b" \(regular expression, case-insensitive, files matching \*\.ts\):/,
    );
    const bad = await searchWorkspaceText({ query: '(unclosed', isRegex: true }, workspace);
    assert.equal(bad.isError, true);
    assert.equal(bad.note?.id, 'tool.search.badRegex');
    assert.match(bad.content, /^The query is not a valid regular expression: .+\.$/);
  });

  it('stops at maxResults with a note, and says when nothing matched', async () => {
    const capped = await searchWorkspaceText({ query: 'config', maxResults: 2 }, workspace);
    assert.deepEqual(capped.content.split('\n'), [
      '2 matches in 2 files for "config" (plain text, case-insensitive):',
      'README.md:1: Configure it in config.json.',
      'src/app.ts:1: import { Config } from "./config";',
      '[stopped at 2 matches (maxResults): there may be more; narrow the search with glob or a more specific query]',
    ]);
    assert.deepEqual(capped.note, { id: 'tool.search.cappedResults', params: { count: 2 } });
    assert.deepEqual(await searchWorkspaceText({ query: 'nothing like this' }, workspace), {
      content: 'No matches for "nothing like this" (plain text, case-insensitive).',
      isError: false,
    });
  });

  it('a search that would return 100 MB ends at its caps: characters of results, bytes read, files walked', async () => {
    // 40 files of 200 KB, every line a match: 8 MB, 400,000 matching lines.
    const line = `${'match '.repeat(9)}match\n`;
    for (let index = 0; index < 40; index++)
      root.write(`huge/part-${String(index).padStart(2, '0')}.txt`, line.repeat((200 * 1024) / line.length));
    const started = Date.now();
    const byChars = await searchWorkspaceText({ query: 'match', maxResults: 500, glob: 'huge/**' }, workspace, {
      limits: { maxSearchChars: 4000 },
    });
    assert.ok(byChars.content.length < 4500, `${byChars.content.length} characters`);
    assert.match(byChars.content, /\[stopped at 4000 characters of results: there may be more/);
    assert.deepEqual(byChars.note, { id: 'tool.search.cappedChars', params: { count: 4000 } });

    const byBytes = await searchWorkspaceText({ query: 'no such text', glob: 'huge/**' }, workspace, {
      limits: { maxSearchBytes: 1024 * 1024 },
    });
    assert.match(byBytes.content, /\[stopped after reading 1 MB: there may be more/);
    assert.deepEqual(byBytes.note, { id: 'tool.search.cappedBytes', params: { size: 1 } });

    const byWalk = await searchWorkspaceText({ query: 'no such text' }, workspace, { limits: { maxWalkEntries: 5 } });
    assert.deepEqual(byWalk.note, { id: 'tool.search.cappedWalk', params: { count: 5 } });
    assert.ok(Date.now() - started < 5000, 'the caps keep it quick');
  });

  it('shows a long line cut around its match, and skips files over the size limit, saying how many', async () => {
    root.write('min/bundle.min.js', `${'a'.repeat(5000)}NEEDLE${'b'.repeat(5000)}\n`);
    root.write('min/huge.js', `NEEDLE${'c'.repeat(3000)}\n`);
    const outcome = await searchWorkspaceText({ query: 'NEEDLE', glob: 'min/*' }, workspace, {
      limits: { maxLineChars: 60, maxFileBytes: 8 * 1024 },
    });
    const [header, match, note] = outcome.content.split('\n');
    assert.equal(header, '1 match in 1 file for "NEEDLE" (plain text, case-sensitive, files matching min/*):');
    assert.equal(match, `min/huge.js:1: NEEDLE${'c'.repeat(54)}…`);
    assert.equal(note, '[1 file over 8 KB not searched]');
    const wide = await searchWorkspaceText({ query: 'NEEDLE', glob: 'min/*' }, workspace, { limits: { maxLineChars: 60 } });
    assert.match(wide.content, /min\/bundle\.min\.js:1: …a{20}NEEDLEb{34}…/);
  });
});

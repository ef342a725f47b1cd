// A folder read into the chat's context from a real temporary folder: the listing, the files that fit (smallest
// first), and every entry that is not read, with why (issue 14, "Folders" and "Bad input").
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createContextExclusion, defaultContextExclude } from '../../../src/core/context/contextExclusion';
import { defaultContextReadLimits, type ContextReadLimits } from '../../../src/core/context/contextLimits';
import { createGitignoreFilter, type GitignoreFilter } from '../../../src/core/context/gitignoreFilter';
import { readFolderContext } from '../../../src/core/context/readFolderContext';
import { TempWorkspace } from './tempWorkspace';

const exclusion = createContextExclusion(defaultContextExclude);
const roomy: ContextReadLimits = { ...defaultContextReadLimits, maxChars: 1_000_000 };

/** The listing: the first fenced block of a folder's text, without its fences. */
function listingOf(text: string): string[] {
  const lines = text.split('\n');
  const end = lines.indexOf('```', 1);
  return lines.slice(1, end);
}

describe('readFolderContext', () => {
  let ws: TempWorkspace;
  beforeEach(() => (ws = new TempWorkspace()));
  afterEach(() => ws.remove());

  const read = (relativePath: string, limits: ContextReadLimits = roomy, ignore?: GitignoreFilter) =>
    readFolderContext({ absolutePath: ws.abs(relativePath), relativePath }, { exclusion, limits, ...(ignore ? { ignore } : {}) });

  it('lists the folder as a tree (folders first) and includes every file that fits, each under a header in its own block', async () => {
    ws.write('src/b.ts', 'export const b = 2;\n');
    ws.write('src/a.md', '# A\n');
    ws.write('src/lib/util.py', 'print("hi")\n');
    const item = await read('src');
    assert.equal(item.kind, 'folder');
    assert.equal(item.label, 'src');
    assert.equal(item.path, 'src');
    assert.equal(item.note, undefined);
    assert.equal(item.truncated, undefined);
    assert.equal(
      item.text,
      [
        '```',
        'src/',
        '  lib/',
        '    util.py',
        '  a.md',
        '  b.ts',
        '```',
        '',
        'File: src/a.md, markdown',
        '```markdown',
        '# A',
        '```',
        '',
        'File: src/lib/util.py, python',
        '```python',
        'print("hi")',
        '```',
        '',
        'File: src/b.ts, typescript',
        '```typescript',
        'export const b = 2;',
        '```',
      ].join('\n'),
    );
  });

  it('includes the smallest files first within maxChars and lists the rest by name, saying how many were included', async () => {
    ws.write('pkg/tiny.txt', 't');
    ws.write('pkg/small.txt', 's'.repeat(100));
    ws.write('pkg/medium.txt', 'm'.repeat(400));
    ws.write('pkg/large.txt', 'l'.repeat(2000));
    const item = await read('pkg', { ...roomy, maxChars: 900 });
    assert.ok(item.text.length <= 900, `${item.text.length} characters`);
    assert.ok(item.text.includes('File: pkg/tiny.txt'));
    assert.ok(item.text.includes('File: pkg/small.txt'));
    assert.ok(item.text.includes('File: pkg/medium.txt'));
    assert.ok(!item.text.includes('File: pkg/large.txt'));
    assert.ok(!item.text.includes('lll'));
    assert.deepEqual(listingOf(item.text), ['pkg/', '  large.txt (not included)', '  medium.txt', '  small.txt', '  tiny.txt']);
    assert.equal(item.truncated, true);
    assert.deepEqual(item.note, { id: 'context.folderPartial', params: { name: 'pkg', read: 3, total: 4 } });
  });

  it('never reads an excluded file: it is listed as excluded, its text is nowhere, and the note counts it as not included', async () => {
    ws.write('app/.env', 'API_KEY=fake-key-for-this-test\n');
    ws.write('app/certs/server.pem', '-----BEGIN FAKE KEY-----\n');
    ws.write('app/main.js', 'console.log(1);\n');
    const item = await read('app');
    assert.ok(!item.text.includes('fake-key-for-this-test'));
    assert.ok(!item.text.includes('BEGIN FAKE KEY'));
    assert.deepEqual(listingOf(item.text), ['app/', '  certs/', '    server.pem (excluded)', '  .env (excluded)', '  main.js']);
    assert.deepEqual(item.note, { id: 'context.folderPartial', params: { name: 'app', read: 1, total: 3 } });
  });

  it('never opens an excluded FIFO inside a folder (which would block) and lists it as excluded', async () => {
    ws.write('svc/index.ts', 'export {};\n');
    execFileSync('mkfifo', [ws.abs('svc/.env')]);
    execFileSync('mkfifo', [ws.abs('svc/events.pipe')]);
    const item = await read('svc');
    assert.deepEqual(listingOf(item.text), ['svc/', '  .env (excluded)', '  events.pipe (not a file)', '  index.ts']);
  });

  it('marks binary, non-UTF-8 and too large files in the listing and never includes them', async () => {
    ws.write('mix/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    ws.write('mix/legacy.txt', Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]));
    ws.write('mix/huge.log', 'x'.repeat(5000));
    ws.write('mix/ok.txt', 'fine');
    const item = await read('mix', { ...roomy, maxFileBytes: 4096 });
    assert.deepEqual(listingOf(item.text), [
      'mix/',
      '  huge.log (too large)',
      '  legacy.txt (not UTF-8)',
      '  logo.png (binary)',
      '  ok.txt',
    ]);
    assert.ok(item.text.includes('File: mix/ok.txt'));
    assert.deepEqual(item.note, { id: 'context.folderPartial', params: { name: 'mix', read: 1, total: 4 } });
  });

  it('lists links without following them, so a link loop cannot make it go round', async () => {
    ws.write('loop/real.txt', 'real');
    ws.link('loop/self', '.');
    ws.link('loop/up', '..');
    ws.link('loop/a', 'b');
    ws.link('loop/b', 'a');
    ws.link('loop/to-real.txt', 'real.txt');
    const item = await read('loop');
    assert.deepEqual(listingOf(item.text), [
      'loop/',
      '  a -> (link)',
      '  b -> (link)',
      '  real.txt',
      '  self -> (link)',
      '  to-real.txt -> (link)',
      '  up -> (link)',
    ]);
    assert.equal(item.text.split('File: ').length - 1, 1);
    assert.equal(item.note, undefined);
  });

  it('skips .git and what .gitignore ignores, nested rules included, unless the folder itself is ignored', async () => {
    ws.write('.gitignore', 'dist/\n*.log\n');
    ws.write('web/.gitignore', 'generated/\n!keep.log\n');
    ws.write('web/src/app.ts', 'x');
    ws.write('web/generated/api.ts', 'x');
    ws.write('web/dist/bundle.js', 'x');
    ws.write('web/debug.log', 'x');
    ws.write('web/keep.log', 'x');
    ws.write('web/.git/HEAD', 'ref: refs/heads/main\n');
    ws.write('dist/out.js', 'x');
    const files = ['.gitignore', 'web/.gitignore'];
    const ignore = await createGitignoreFilter(files, (relative) => fs.promises.readFile(ws.abs(relative), 'utf8'));
    const web = await read('web', roomy, ignore);
    assert.deepEqual(listingOf(web.text), ['web/', '  src/', '    app.ts', '  .gitignore', '  keep.log']);
    const dist = await read('dist', roomy, ignore);
    assert.deepEqual(listingOf(dist.text), ['dist/', '  out.js']);
  });

  it('stops a folder of 20,000 files at maxFolderEntries and says the rest are not listed', async function () {
    this.timeout(30_000);
    const big = ws.mkdir('big');
    // Hard links to one empty file: 20,000 directory entries of regular files, without 20,000 inodes to create.
    const blank = ws.write('blank', '');
    for (let index = 0; index < 20_000; index++) fs.linkSync(blank, path.join(big, `f${String(index).padStart(5, '0')}.txt`));
    const item = await read('big', { ...roomy, maxFolderEntries: 5000 });
    const [rootLine, ...listed] = listingOf(item.text);
    assert.equal(rootLine, 'big/ (partly listed)');
    assert.equal(listed.length, 5000);
    assert.ok(listed.every((line) => /^ {2}f\d{5}\.txt$/.test(line)));
    assert.deepEqual(item.note, { id: 'context.folderCapped', params: { name: 'big', count: 5000, read: 5000, total: 5000 } });

    // With the default character budget the listing itself is cut, and still within it.
    const cut = await read('big', defaultContextReadLimits);
    assert.ok(cut.text.length <= defaultContextReadLimits.maxChars, `${cut.text.length} characters`);
    assert.equal(cut.truncated, true);
    assert.equal(cut.note?.id, 'context.folderCapped');
    assert.equal(cut.note.params['read'], 0);
  });

  it('marks folders the walk did not reach as not listed', async () => {
    ws.write('deep/a/one.txt', '1');
    ws.write('deep/b/two.txt', '2');
    ws.write('deep/c.txt', '3');
    const item = await read('deep', { ...roomy, maxFolderEntries: 4 });
    // Breadth first: deep's three entries, then one of a's; b is never opened.
    assert.deepEqual(listingOf(item.text), ['deep/', '  a/', '    one.txt', '  b/ (not listed)', '  c.txt']);
    assert.deepEqual(item.note, { id: 'context.folderCapped', params: { name: 'deep', count: 4, read: 2, total: 2 } });
  });

  it('says so for an excluded, missing or not-a-folder path, with no text', async () => {
    ws.write('file.txt', 'x');
    ws.write('secrets/.env', 'x');
    const excluded = await readFolderContext(
      { absolutePath: ws.abs('secrets'), relativePath: 'secrets' },
      { exclusion: createContextExclusion(['secrets']), limits: roomy },
    );
    assert.deepEqual(excluded, {
      kind: 'folder',
      label: 'secrets',
      path: 'secrets',
      text: '',
      note: { id: 'context.excluded', params: { name: 'secrets' } },
    });
    assert.deepEqual((await read('nowhere')).note, { id: 'context.missing', params: { name: 'nowhere' } });
    assert.deepEqual((await read('file.txt')).note, { id: 'context.notAFolder', params: { name: 'file.txt' } });
  });

  it('reads a workspace root given as an empty relative path, with workspace-relative paths inside', async () => {
    ws.write('README.md', '# Hi\n');
    ws.write('src/a.ts', 'a');
    const item = await readFolderContext({ absolutePath: ws.root, relativePath: '', label: 'project' }, { exclusion, limits: roomy });
    assert.equal(item.label, 'project');
    assert.deepEqual(listingOf(item.text), ['project/', '  src/', '    a.ts', '  README.md']);
    assert.ok(item.text.includes('File: src/a.ts, typescript'));
    assert.ok(item.text.includes('File: README.md, markdown'));
  });

  it('throws an AbortError when the signal is aborted', async () => {
    ws.write('x/a.txt', 'a');
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      readFolderContext({ absolutePath: ws.abs('x'), relativePath: 'x' }, { exclusion, limits: roomy, signal: controller.signal }),
      { name: 'AbortError' },
    );
  });
});

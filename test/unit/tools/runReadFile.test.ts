// read_file on a real folder: whole files and line ranges, the cut at the read budget (saying where to read on),
// and the files it refuses (binary, too large, missing), each as an error the model reads and a note for the user.
import * as assert from 'node:assert/strict';
import { createContextExclusion, defaultContextExclude } from '../../../src/core/context/contextExclusion';
import { runReadFile } from '../../../src/core/tools/runReadFile';
import type { ToolWorkspace } from '../../../src/core/tools/toolWorkspace';
import { TempWorkspace } from '../context/tempWorkspace';

describe('read_file', () => {
  let root: TempWorkspace;
  let workspace: ToolWorkspace;
  const lines = Array.from({ length: 100 }, (_, index) => `line ${index + 1}`);

  beforeEach(() => {
    root = new TempWorkspace();
    root.write('src/app.ts', 'export const a = 1;\r\nexport const b = 2;\r\n');
    root.write('notes/long.txt', `${lines.join('\n')}\n`);
    root.write('img.bin', new Uint8Array([0x89, 0x50, 0x00, 0x01]));
    root.write('big.log', 'x'.repeat(5000));
    root.write('empty.txt', '');
    root.write('one-line.min.js', 'y'.repeat(3000));
    workspace = { folders: [{ name: 'w', path: root.root }], exclusion: createContextExclusion(defaultContextExclude) };
  });
  afterEach(() => root.remove());

  it('returns a whole file in a fenced block with its line count and size', async () => {
    assert.deepEqual(await runReadFile({ path: 'src/app.ts' }, workspace), {
      content: 'src/app.ts (2 lines, 42 bytes):\n```typescript\nexport const a = 1;\nexport const b = 2;\n```',
      isError: false,
    });
  });

  it('returns a range of lines, clamped to the end, and refuses a start past the end', async () => {
    const range = await runReadFile({ path: 'notes/long.txt', startLine: 10, endLine: 12 }, workspace);
    assert.equal(range.content, 'notes/long.txt (lines 10-12 of 100, 792 bytes):\n```plaintext\nline 10\nline 11\nline 12\n```');
    const tail = await runReadFile({ path: 'notes/long.txt', startLine: 99, endLine: 500 }, workspace);
    assert.match(tail.content, /^notes\/long\.txt \(lines 99-100 of 100/);
    assert.deepEqual(await runReadFile({ path: 'notes/long.txt', startLine: 101 }, workspace), {
      content: 'notes/long.txt has 100 lines; line 101 is past its end.',
      isError: true,
      note: { id: 'tool.read.pastEnd', params: { path: 'notes/long.txt', lines: 100, start: 101 } },
    });
  });

  it('cuts at a line when over the read budget, and says from which line to read on', async () => {
    const cut = await runReadFile({ path: 'notes/long.txt' }, workspace, { limits: { maxReadChars: 50 } });
    assert.equal(cut.isError, false);
    assert.equal(
      cut.content,
      'notes/long.txt (lines 1-7 of 100, 792 bytes):\n```plaintext\nline 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\n```\n[cut after line 7 to 50 characters: call read_file with startLine 8 to read on]',
    );
    const next = await runReadFile({ path: 'notes/long.txt', startLine: 8 }, workspace, { limits: { maxReadChars: 50 } });
    assert.match(next.content, /^notes\/long\.txt \(lines 8-13 of 100/);
    const minified = await runReadFile({ path: 'one-line.min.js' }, workspace, { limits: { maxReadChars: 100 } });
    assert.match(minified.content, /\[line 1 alone is longer than 100 characters: only its beginning is shown\]$/);
    assert.ok(minified.content.length < 300);
  });

  it('refuses a binary file, a file over the size limit and a missing one, with the context notes', async () => {
    assert.deepEqual(await runReadFile({ path: 'img.bin' }, workspace), {
      content: 'img.bin is a binary file, so it was not read.',
      isError: true,
      note: { id: 'context.binary', params: { name: 'img.bin' } },
    });
    const big = await runReadFile({ path: 'big.log' }, workspace, { limits: { maxFileBytes: 1024 } });
    assert.equal(big.isError, true);
    assert.equal(big.note?.id, 'context.tooLarge');
    assert.equal(big.content, 'big.log is 5 KB, more than the 1 KB a context file may have, so it was not read.');
    const missing = await runReadFile({ path: 'src/nope.ts' }, workspace);
    assert.equal(missing.note?.id, 'context.missing');
    const folder = await runReadFile({ path: 'src' }, workspace);
    assert.equal(folder.note?.id, 'context.notAFile');
    assert.deepEqual(await runReadFile({ path: 'empty.txt' }, workspace), { content: 'empty.txt is empty (0 bytes).', isError: false });
  });
});

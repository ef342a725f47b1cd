// A file read into the chat's context from a real temporary folder: every bad input gives an item with a note, never a
// throw or a hang (issue 14, "Bad input").
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createContextExclusion, defaultContextExclude } from '../../../src/core/context/contextExclusion';
import { defaultContextReadLimits, type ContextReadLimits } from '../../../src/core/context/contextLimits';
import { readFileContext } from '../../../src/core/context/readFileContext';
import { TempWorkspace } from './tempWorkspace';

const exclusion = createContextExclusion(defaultContextExclude);

describe('readFileContext', () => {
  let ws: TempWorkspace;
  beforeEach(() => (ws = new TempWorkspace()));
  afterEach(() => ws.remove());

  const read = (
    relativePath: string,
    limits: ContextReadLimits = defaultContextReadLimits,
    extra: { label?: string; signal?: AbortSignal } = {},
  ) =>
    readFileContext(
      { absolutePath: ws.abs(relativePath), relativePath, ...(extra.label !== undefined ? { label: extra.label } : {}) },
      { exclusion, limits, ...(extra.signal !== undefined ? { signal: extra.signal } : {}) },
    );

  it('reads a UTF-8 file with its name, path and language', async () => {
    ws.write('src/app.ts', 'export const greeting = "привет 👋";\n');
    const item = await read('src/app.ts');
    assert.deepEqual(item, {
      kind: 'file',
      label: 'app.ts',
      path: 'src/app.ts',
      language: 'typescript',
      text: 'export const greeting = "привет 👋";\n',
    });
  });

  it('drops a UTF-8 byte order mark and keeps a given label and language', async () => {
    ws.write('notes.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('hello')]));
    const item = await readFileContext(
      { absolutePath: ws.abs('notes.txt'), relativePath: 'notes.txt', label: 'My notes', language: 'markdown' },
      { exclusion, limits: defaultContextReadLimits },
    );
    assert.equal(item.text, 'hello');
    assert.equal(item.label, 'My notes');
    assert.equal(item.language, 'markdown');
  });

  it('never opens an excluded file: a .env that is a FIFO (whose open would block) and one that does not exist both say "excluded"', async () => {
    // If the reader touched the path before checking the exclusion, the FIFO would come back as "not a regular file"
    // (from stat) or hang (from a blocking open), and the missing file as "not found"; only a check on the name alone
    // gives "excluded" for both.
    execFileSync('mkfifo', [ws.abs('.env')]);
    execFileSync('mkfifo', [ws.abs('pipe.txt')]);
    // A line waits in the FIFO; a reader that opened and read it would take it (a FIFO's data goes to one reader).
    const ours = await fs.promises.open(ws.abs('.env'), fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const writer = await fs.promises.open(ws.abs('.env'), fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
    try {
      await writer.write('API_KEY=fake-test-value\n');
      const fifo = await read('.env');
      assert.equal(fifo.text, '');
      assert.deepEqual(fifo.note, { id: 'context.excluded', params: { name: '.env' } });
      const buffer = Buffer.alloc(100);
      const { bytesRead } = await ours.read(buffer, 0, buffer.length, null);
      assert.equal(buffer.toString('utf8', 0, bytesRead), 'API_KEY=fake-test-value\n');
    } finally {
      await writer.close();
      await ours.close();
    }
    const missing = await read('config/.env.local');
    assert.deepEqual(missing.note, { id: 'context.excluded', params: { name: '.env.local' } });
    // The same FIFO under a name that is not excluded is looked at, and refused without being opened for reading.
    const control = await read('pipe.txt');
    assert.deepEqual(control.note, { id: 'context.notAFile', params: { name: 'pipe.txt' } });
  });

  it('does not read an excluded file through a link with an innocent name', async () => {
    ws.write('keys/id_rsa', '-----BEGIN OPENSSH PRIVATE KEY----- fake');
    ws.link('notes.txt', 'keys/id_rsa');
    const item = await read('notes.txt');
    assert.equal(item.text, '');
    assert.equal(item.note?.id, 'context.excluded');
  });

  it('reads a link to an ordinary file as its target', async () => {
    ws.write('real.md', '# Title\n');
    ws.link('alias.md', 'real.md');
    const item = await read('alias.md');
    assert.equal(item.text, '# Title\n');
    assert.equal(item.note, undefined);
  });

  it('refuses a binary file (a NUL byte in the first 8 KB)', async () => {
    ws.write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const item = await read('logo.png');
    assert.equal(item.text, '');
    assert.deepEqual(item.note, { id: 'context.binary', params: { name: 'logo.png' } });
  });

  it('reads a file whose first NUL comes after the first 8 KB as text when it is valid UTF-8', async () => {
    ws.write('late.txt', `${'a'.repeat(9000)}\u0000tail`);
    const item = await read('late.txt');
    assert.equal(item.note, undefined);
    assert.equal(item.text.length, 9005);
  });

  it('refuses text that is not UTF-8 (Windows-1251) and UTF-16 with its BOM', async () => {
    ws.write('legacy.txt', Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2])); // "Привет" in Windows-1251
    ws.write('wide.txt', Buffer.from([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]));
    assert.deepEqual((await read('legacy.txt')).note, { id: 'context.notUtf8', params: { name: 'legacy.txt' } });
    assert.deepEqual((await read('wide.txt')).note, { id: 'context.notUtf8', params: { name: 'wide.txt' } });
  });

  it('does not read a file over maxFileBytes, and says its size and the limit in KB', async () => {
    ws.write('big.log', 'x'.repeat(3 * 1024 + 1));
    const item = await read('big.log', { ...defaultContextReadLimits, maxFileBytes: 2 * 1024 });
    assert.equal(item.text, '');
    assert.deepEqual(item.note, { id: 'context.tooLarge', params: { name: 'big.log', size: 4, limit: 2 } });
  });

  it('cuts text over maxChars at a line boundary and marks it truncated', async () => {
    ws.write('long.txt', 'line one\nline two\nline three\n');
    const item = await read('long.txt', { ...defaultContextReadLimits, maxChars: 20 });
    assert.equal(item.text, 'line one\nline two\n');
    assert.equal(item.truncated, true);
    assert.equal(item.note, undefined);
  });

  it('says a deleted file was not found', async () => {
    const item = await read('gone/away.ts');
    assert.equal(item.text, '');
    assert.equal(item.language, 'typescript');
    assert.deepEqual(item.note, { id: 'context.missing', params: { name: 'away.ts' } });
  });

  it('says a folder named as a file is not a regular file', async () => {
    ws.mkdir('src');
    assert.deepEqual((await read('src')).note, { id: 'context.notAFile', params: { name: 'src' } });
  });

  it('says a link loop could not be read, without hanging', async () => {
    ws.link('a.txt', 'b.txt');
    ws.link('b.txt', 'a.txt');
    const item = await read('a.txt');
    assert.equal(item.text, '');
    assert.deepEqual(item.note, { id: 'context.unreadable', params: { name: 'a.txt', detail: 'ELOOP' } });
  });

  it('throws an AbortError when the signal is aborted', async () => {
    ws.write('a.txt', 'a');
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(read('a.txt', defaultContextReadLimits, { signal: controller.signal }), { name: 'AbortError' });
  });

  it('reads an empty file as empty text without a note', async () => {
    fs.writeFileSync(ws.abs('empty.txt'), '');
    const item = await read('empty.txt');
    assert.equal(item.text, '');
    assert.equal(item.note, undefined);
  });
});

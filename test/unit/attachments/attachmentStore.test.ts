// The attachment store against a real temporary folder: images kept once by content hash, read back, and removed only
// when no conversation refers to them and they are past the grace period.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AttachmentStore, referencedAttachments } from '../../../src/core/attachments/attachmentStore';

const pngHeader = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function fakePng(marker: number): Uint8Array {
  return Uint8Array.from([...pngHeader, 0, 0, 0, 13, marker, marker, marker]);
}

describe('AttachmentStore', () => {
  let directory: string;

  beforeEach(() => {
    directory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-attachments-')), 'attachments');
  });

  afterEach(() => {
    fs.rmSync(path.dirname(directory), { recursive: true, force: true });
  });

  it('stores an image under the SHA-256 of its bytes, with the type read from the bytes', async () => {
    const store = new AttachmentStore(directory);
    const bytes = fakePng(1);
    const stored = await store.put(bytes);
    assert.equal(stored.hash, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(stored.mimeType, 'image/png');
    assert.equal(stored.path, path.join(directory, `${stored.hash}.png`));
    assert.deepEqual(new Uint8Array(fs.readFileSync(stored.path)), bytes);
    assert.deepEqual(new Uint8Array((await store.read(stored.hash, 'image/png')) ?? []), bytes);
  });

  it('keeps the same picture once, however often it is attached', async () => {
    const store = new AttachmentStore(directory);
    const first = await store.put(fakePng(2));
    const second = await store.put(fakePng(2));
    assert.equal(first.path, second.path);
    assert.deepEqual(fs.readdirSync(directory), [path.basename(first.path)]);
  });

  it('refuses bytes that are not a PNG, JPEG or WebP, whatever they claim to be', async () => {
    const store = new AttachmentStore(directory);
    await assert.rejects(store.put(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')), /not a PNG, JPEG or WebP/);
    await assert.rejects(store.put(new TextEncoder().encode('GIF89a....')), /not a PNG, JPEG or WebP/);
  });

  it('answers undefined for an image that is not stored', async () => {
    assert.equal(await new AttachmentStore(directory).read('a'.repeat(64), 'image/png'), undefined);
  });

  it('removes only unreferenced images older than the grace period, and leftover temporary files', async () => {
    const store = new AttachmentStore(directory);
    const kept = await store.put(fakePng(3));
    const orphan = await store.put(fakePng(4));
    const young = await store.put(fakePng(5));
    const temp = path.join(directory, `.${orphan.hash}.png.abc.tmp`);
    fs.writeFileSync(temp, 'half');
    const unrelated = path.join(directory, 'notes.txt');
    fs.writeFileSync(unrelated, 'not ours');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (const file of [kept.path, orphan.path, temp, unrelated]) fs.utimesSync(file, hourAgo, hourAgo);

    const removed = await store.collectGarbage(new Set([kept.hash]), { graceMs: 10 * 60 * 1000 });

    assert.equal(removed, 2);
    assert.deepEqual(fs.readdirSync(directory).sort(), [path.basename(kept.path), path.basename(young.path), 'notes.txt'].sort());
  });

  it('has nothing to collect when the folder was never made', async () => {
    assert.equal(await new AttachmentStore(directory).collectGarbage(new Set(), { graceMs: 0 }), 0);
  });

  it('finds the images conversations refer to, in their parts and in their recipes', () => {
    const a = 'A'.repeat(64);
    const b = 'b'.repeat(64);
    const hashes = referencedAttachments([
      {
        messages: [
          {
            id: 'q1',
            role: 'user',
            createdAt: 1,
            parts: [
              { type: 'text', text: 'look' },
              { type: 'image', hash: a, mimeType: 'image/png', alt: 'a.png' },
            ],
            recipe: { models: [], promptParts: [{ type: 'image', hash: b, mimeType: 'image/png', alt: 'b.png' }] },
          },
          {
            id: 'a1',
            role: 'assistant',
            createdAt: 2,
            status: 'complete',
            parts: [{ type: 'image', path: '/ws/assets/gen.png', mimeType: 'image/png', alt: 'generated' }],
          },
        ],
      },
    ]);
    assert.deepEqual([...hashes].sort(), [a.toLowerCase(), b]);
  });
});

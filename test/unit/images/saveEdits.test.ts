// Saving edits and videos (issue 16): the same rules as generated images, with sidecars that name the source and the
// operation so a chain of edits can be followed back, and a sidecar read back for a variation.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProviderError } from '../../../src/core/errors/providerError';
import type { VideoResult } from '../../../src/core/images/imageEditTypes';
import { readImageSidecar } from '../../../src/core/images/readImageSidecar';
import { type ImageMetadata, writeImageFiles } from '../../../src/core/images/writeImageFiles';
import { writeVideoFile } from '../../../src/core/images/writeVideoFile';
import { mp4Bytes, pngOfSize } from '../fakes/sourceImageFakes';

describe('Saving edits and videos', () => {
  let scratch: string;
  let root: string;
  let folder: string;

  beforeEach(async () => {
    scratch = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'switchboard-edits-')));
    root = path.join(scratch, 'workspace');
    folder = path.join(root, 'assets', 'generated');
    await fs.mkdir(root);
  });
  afterEach(async () => {
    await fs.rm(scratch, { recursive: true, force: true });
  });

  const date = new Date(2026, 10, 26, 12, 0, 0);

  const sidecarOf = async (file: string): Promise<Record<string, unknown>> =>
    JSON.parse(await fs.readFile(file.replace(/\.[^.]+$/, '.json'), 'utf8')) as Record<string, unknown>;

  it('writes an edit with a sidecar naming its source, operation, strength and mask, and a chain can be followed back', async () => {
    const first: ImageMetadata = {
      prompt: 'a lighthouse in winter',
      provider: 'stability',
      model: 'sd3.5-large',
      date,
      source: 'assets/generated/2026-11-21-a-lighthouse-42.png',
      operation: 'image-to-image',
      strength: 0.35,
    };
    const one = await writeImageFiles(
      folder,
      [{ bytes: pngOfSize(64, 64), mimeType: 'image/png', seed: 7, contentFiltered: false }],
      first,
      {
        workspaceRoot: root,
      },
    );
    const firstPath = one.written[0]?.path ?? assert.fail('not written');
    assert.equal(path.basename(firstPath), '2026-11-26-a-lighthouse-in-winter-7.png');
    const firstSidecar = await sidecarOf(firstPath);
    assert.equal(firstSidecar['source'], 'assets/generated/2026-11-21-a-lighthouse-42.png');
    assert.equal(firstSidecar['operation'], 'image-to-image');
    assert.equal(firstSidecar['strength'], 0.35);
    assert.equal(firstSidecar['seed'], 7);

    // An edit of the edit names the first edit as its source: the chain leads back to the original.
    const second = await writeImageFiles(
      folder,
      [{ bytes: pngOfSize(64, 64), mimeType: 'image/png', contentFiltered: false }],
      {
        prompt: 'a red door',
        provider: 'openai',
        model: 'gpt-image-1',
        date,
        source: `assets/generated/${path.basename(firstPath)}`,
        operation: 'edit',
        mask: 'masks/door.png',
      },
      { workspaceRoot: root },
    );
    const secondSidecar = await sidecarOf(second.written[0]?.path ?? assert.fail('not written'));
    assert.equal(secondSidecar['source'], 'assets/generated/2026-11-26-a-lighthouse-in-winter-7.png');
    assert.equal(secondSidecar['mask'], 'masks/door.png');
    const back = await readImageSidecar(path.join(root, String(secondSidecar['source'])));
    assert.equal(back?.source, 'assets/generated/2026-11-21-a-lighthouse-42.png');
  });

  it('names a result without a prompt after its source and operation, never overwriting', async () => {
    const metadata: ImageMetadata = {
      prompt: '',
      provider: 'stability',
      model: 'ultra',
      date,
      source: 'photos\\2026-11-20-harbor.png',
      operation: 'remove-background',
    };
    const image = { bytes: pngOfSize(64, 64), mimeType: 'image/png' as const, seed: 3, contentFiltered: false };
    const a = await writeImageFiles(folder, [image], metadata, { workspaceRoot: root });
    const b = await writeImageFiles(folder, [image], metadata, { workspaceRoot: root });
    assert.equal(a.written[0]?.fileName, '2026-11-26-harbor-remove-background-3.png');
    assert.equal(b.written[0]?.fileName, '2026-11-26-harbor-remove-background-3-2.png');
    const sidecar = await sidecarOf(b.written[0]?.path ?? '');
    assert.equal(sidecar['searchPrompt'], undefined, 'fields that were not used are left out');
  });

  describe('writeVideoFile', () => {
    const video: VideoResult = {
      provider: 'stability',
      model: 'stable-video-diffusion',
      bytes: mp4Bytes(),
      mimeType: 'video/mp4',
      seed: 1234,
    };
    const metadata: ImageMetadata = {
      prompt: 'harbor',
      provider: 'stability',
      model: 'stable-video-diffusion',
      date,
      source: 'assets/generated/harbor.png',
      operation: 'animate',
      width: 1024,
      height: 576,
      options: { cfgScale: 1.8, motion: 127, apiKey: 'sk-never-written' },
    };

    it('writes the MP4 with a sidecar naming the source and operation, and never overwrites', async () => {
      const first = await writeVideoFile(folder, video, metadata, { workspaceRoot: root });
      const second = await writeVideoFile(folder, video, metadata, { workspaceRoot: root });
      assert.equal(first.fileName, '2026-11-26-harbor-1234.mp4');
      assert.equal(second.fileName, '2026-11-26-harbor-1234-2.mp4');
      assert.deepEqual(new Uint8Array(await fs.readFile(first.path)), video.bytes);
      const sidecar = await sidecarOf(first.path);
      assert.deepEqual(
        { ...sidecar, date: undefined },
        {
          file: '2026-11-26-harbor-1234.mp4',
          prompt: 'harbor',
          provider: 'stability',
          model: 'stable-video-diffusion',
          seed: 1234,
          source: 'assets/generated/harbor.png',
          operation: 'animate',
          width: 1024,
          height: 576,
          count: 1,
          mimeType: 'video/mp4',
          date: undefined,
          options: { cfgScale: 1.8, motion: 127 },
          generator: 'Switchboard',
        },
      );
    });

    it('writes nothing that is not an MP4, saying what came instead', async () => {
      const html = { ...video, bytes: new TextEncoder().encode('<html>502 Bad Gateway</html>') };
      await assert.rejects(writeVideoFile(folder, html, metadata, { workspaceRoot: root }), (error: ProviderError) => {
        assert.ok(error instanceof ProviderError);
        assert.equal(error.kind, 'invalid-response');
        assert.match(error.message, /stability sent 28 bytes that are not an MP4 video \(they start with '<html>502 Bad Gateway<\/h'\)/);
        return true;
      });
      await assert.rejects(fs.readdir(folder), /ENOENT/);
    });

    it('never writes outside the workspace folder, symbolic links included', async () => {
      await assert.rejects(
        writeVideoFile(path.join(scratch, 'elsewhere'), video, metadata, { workspaceRoot: root }),
        /not inside the workspace/,
      );
      await fs.mkdir(path.join(scratch, 'elsewhere'));
      await fs.symlink(path.join(scratch, 'elsewhere'), path.join(root, 'link'));
      await assert.rejects(writeVideoFile(path.join(root, 'link'), video, metadata, { workspaceRoot: root }));
      assert.deepEqual(await fs.readdir(path.join(scratch, 'elsewhere')), []);
    });
  });

  describe('readImageSidecar', () => {
    it('reads the prompt, model and options a generation wrote (for a variation)', async () => {
      const written = await writeImageFiles(
        folder,
        [{ bytes: pngOfSize(64, 64), mimeType: 'image/png', seed: 42, contentFiltered: false }],
        {
          prompt: 'a lighthouse',
          negativePrompt: 'fog',
          provider: 'stability',
          model: 'core',
          aspectRatio: '16:9',
          style: 'cinematic',
          date,
          options: { steps: 30 },
        },
        { workspaceRoot: root },
      );
      const sidecar = await readImageSidecar(written.written[0]?.path ?? assert.fail('not written'));
      assert.equal(sidecar?.prompt, 'a lighthouse');
      assert.equal(sidecar?.negativePrompt, 'fog');
      assert.equal(sidecar?.provider, 'stability');
      assert.equal(sidecar?.model, 'core');
      assert.equal(sidecar?.aspectRatio, '16:9');
      assert.equal(sidecar?.style, 'cinematic');
      assert.equal(sidecar?.seed, 42);
      assert.deepEqual(sidecar?.options, { steps: 30 });
    });

    it('is undefined when there is none, or it is not JSON, not an object of ours, or far too large', async () => {
      await fs.mkdir(folder, { recursive: true });
      const image = path.join(folder, 'photo.png');
      assert.equal(await readImageSidecar(image), undefined);
      for (const content of [
        '{not json',
        '[1,2]',
        '{"prompt": 5, "provider": "x", "model": "y"}',
        '{"prompt": "no provider"}',
        `{"provider":"a","model":"b","prompt":"${'x'.repeat(300_000)}"}`,
      ]) {
        await fs.writeFile(path.join(folder, 'photo.json'), content);
        assert.equal(await readImageSidecar(image), undefined, content.slice(0, 40));
      }
      await fs.writeFile(path.join(folder, 'photo.json'), '{"provider":"openai","model":"gpt-image-1","prompt":"p","extra":{"a":1}}');
      assert.deepEqual(await readImageSidecar(image), { provider: 'openai', model: 'gpt-image-1', prompt: 'p' });
    });
  });
});

import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveImageFolder } from '../../../src/core/images/resolveImageFolder';
import { writeImageFiles, type ImageMetadata } from '../../../src/core/images/writeImageFiles';
import type { GeneratedImage } from '../../../src/core/images/imageTypes';
import { tinyJpeg, tinyPng } from '../fakes/imageFakes';

describe('Saving images', () => {
  let scratch: string;
  let root: string;
  let outside: string;

  beforeEach(async () => {
    scratch = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'switchboard-images-')));
    root = path.join(scratch, 'workspace');
    outside = path.join(scratch, 'outside');
    await fs.mkdir(root);
    await fs.mkdir(outside);
  });
  afterEach(async () => {
    await fs.rm(scratch, { recursive: true, force: true });
  });

  describe('resolveImageFolder', () => {
    it('defaults to assets/generated inside the workspace, and creates nothing', async () => {
      for (const setting of [undefined, '', '   ']) {
        assert.deepEqual(await resolveImageFolder(root, setting), {
          ok: true,
          folder: path.join(root, 'assets', 'generated'),
          relativeFolder: 'assets/generated',
        });
      }
      assert.deepEqual(await fs.readdir(root), []);
    });

    it('takes relative paths with either slash, and harmless dots', async () => {
      assert.deepEqual(await resolveImageFolder(root, 'public\\img'), {
        ok: true,
        folder: path.join(root, 'public', 'img'),
        relativeFolder: 'public/img',
      });
      assert.deepEqual(await resolveImageFolder(root, './a/../b/'), { ok: true, folder: path.join(root, 'b'), relativeFolder: 'b' });
      assert.deepEqual(await resolveImageFolder(root, '.'), { ok: true, folder: root, relativeFolder: '' });
    });

    it('refuses paths that leave the workspace, saying why', async () => {
      const cases: Array<[string, RegExp]> = [
        ['../../outside', /leads outside the workspace/],
        ['assets/../../outside', /leads outside the workspace/],
        ['/abs/path', /is an absolute path/],
        ['C:\\x', /starts with a drive letter/],
        ['c:x', /starts with a drive letter/],
        ['\\\\server\\share', /is an absolute path/],
        ['~/Pictures', /starts with ~/],
        ['assets/con', /reserves for devices/],
        ['assets/what?', /character Windows does not allow/],
        ['assets/trailing.', /ending in a dot or a space/],
      ];
      for (const [setting, reason] of cases) {
        const result = await resolveImageFolder(root, setting);
        assert.equal(result.ok, false, setting);
        if (!result.ok) {
          assert.match(result.reason, /“switchboard\.images\.folder” must be a folder inside the workspace/);
          assert.match(result.reason, reason, setting);
        }
      }
    });

    it('refuses a symlink inside the workspace that points outside', async () => {
      await fs.symlink(outside, path.join(root, 'assets'), 'dir');
      const result = await resolveImageFolder(root, 'assets/generated');
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.reason, /leads outside the workspace through a symbolic link \(“assets” is really/);
      await fs.mkdir(path.join(outside, 'generated'));
      assert.equal((await resolveImageFolder(root, 'assets/generated')).ok, false, 'also when the target exists');
    });

    it('accepts a symlink that stays inside the workspace', async () => {
      await fs.mkdir(path.join(root, 'real'));
      await fs.symlink(path.join(root, 'real'), path.join(root, 'assets'), 'dir');
      assert.equal((await resolveImageFolder(root, 'assets/generated')).ok, true);
    });

    it('refuses a path through a file', async () => {
      await fs.writeFile(path.join(root, 'assets'), 'not a folder');
      const result = await resolveImageFolder(root, 'assets/generated');
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.reason, /which is a file/);
    });
  });

  describe('writeImageFiles', () => {
    const metadata: ImageMetadata = {
      prompt: 'Маяк в сумерках',
      negativePrompt: 'blurry',
      provider: 'stability',
      model: 'core',
      aspectRatio: '16:9',
      style: 'cinematic',
      count: 1,
      date: new Date(2026, 10, 21, 12, 0),
      options: { quality: 'high', apiKey: 'sk-should-never-be-written', steps: 30, nested: { a: 1 } },
    };
    const png: GeneratedImage = { bytes: tinyPng, mimeType: 'image/png', seed: 42, contentFiltered: false };

    it('writes the image and a sidecar with what made it (never a key)', async () => {
      const folder = path.join(root, 'assets', 'generated');
      const result = await writeImageFiles(folder, [png], metadata, { workspaceRoot: root });
      assert.equal(result.skipped.length, 0);
      const written = result.written[0];
      assert.equal(written?.fileName, '2026-11-21-mayak-v-sumerkakh-42.png');
      assert.deepEqual(new Uint8Array(await fs.readFile(written?.path ?? '')), tinyPng);
      assert.equal(written?.sidecarPath, path.join(folder, '2026-11-21-mayak-v-sumerkakh-42.json'));
      const sidecarText = await fs.readFile(written?.sidecarPath ?? '', 'utf8');
      assert.ok(!sidecarText.includes('sk-should-never-be-written'));
      assert.deepEqual(JSON.parse(sidecarText), {
        file: '2026-11-21-mayak-v-sumerkakh-42.png',
        prompt: 'Маяк в сумерках',
        negativePrompt: 'blurry',
        provider: 'stability',
        model: 'core',
        seed: 42,
        aspectRatio: '16:9',
        style: 'cinematic',
        count: 1,
        mimeType: 'image/png',
        date: metadata.date.toISOString(),
        options: { quality: 'high', steps: 30 },
        generator: 'Switchboard',
      });
    });

    it('never overwrites: writing twice makes two files', async () => {
      const first = await writeImageFiles(root, [png], metadata, { workspaceRoot: root });
      const second = await writeImageFiles(root, [png], metadata, { workspaceRoot: root });
      assert.equal(first.written[0]?.fileName, '2026-11-21-mayak-v-sumerkakh-42.png');
      assert.equal(second.written[0]?.fileName, '2026-11-21-mayak-v-sumerkakh-42-2.png');
      assert.equal(second.written[0]?.sidecarPath, path.join(root, '2026-11-21-mayak-v-sumerkakh-42-2.json'));
      assert.equal((await fs.readdir(root)).length, 4);
    });

    it('does not take a name whose sidecar is left over', async () => {
      await fs.writeFile(path.join(root, '2026-11-21-mayak-v-sumerkakh-42.json'), '{"mine": true}');
      const result = await writeImageFiles(root, [png], metadata, { workspaceRoot: root });
      assert.equal(result.written[0]?.fileName, '2026-11-21-mayak-v-sumerkakh-42-2.png');
      assert.equal(await fs.readFile(path.join(root, '2026-11-21-mayak-v-sumerkakh-42.json'), 'utf8'), '{"mine": true}');
      assert.ok(!(await fs.readdir(root)).includes('2026-11-21-mayak-v-sumerkakh-42.png'));
    });

    it('saves concurrent writes under different names', async () => {
      const results = await Promise.all(Array.from({ length: 5 }, () => writeImageFiles(root, [png], metadata, { workspaceRoot: root })));
      const names = new Set(results.map((r) => r.written[0]?.fileName));
      assert.equal(names.size, 5);
    });

    it('names several images by index, with the extension their bytes say', async () => {
      const result = await writeImageFiles(
        root,
        [
          { bytes: tinyJpeg, mimeType: 'image/png', contentFiltered: false },
          { bytes: tinyPng, mimeType: 'image/png', contentFiltered: false },
        ],
        { ...metadata, count: 2 },
        { workspaceRoot: root, sidecar: false },
      );
      assert.deepEqual(
        result.written.map((w) => w.fileName),
        ['2026-11-21-mayak-v-sumerkakh-1.jpg', '2026-11-21-mayak-v-sumerkakh-2.png'],
      );
      assert.equal(result.written[0]?.mimeType, 'image/jpeg');
      assert.equal((await fs.readdir(root)).length, 2);
    });

    it('skips content-filtered images and bytes that are not an image, saying why', async () => {
      const result = await writeImageFiles(
        root,
        [
          { bytes: tinyPng, mimeType: 'image/png', contentFiltered: true },
          { bytes: new TextEncoder().encode('<html>nope</html>'), mimeType: 'image/png', contentFiltered: false },
        ],
        metadata,
        { workspaceRoot: root },
      );
      assert.equal(result.written.length, 0);
      assert.deepEqual(
        result.skipped.map((s) => s.reason),
        ['content-filtered', 'not-an-image'],
      );
      assert.match(result.skipped[0]?.message ?? '', /content filter/);
      assert.match(result.skipped[1]?.message ?? '', /not a PNG, JPEG or WebP image \(they start with '<html>nope<\/html>'\)/);
      assert.deepEqual(await fs.readdir(root), []);
    });

    it('refuses a folder outside the workspace, or reached through a symlink that leads out', async () => {
      await assert.rejects(writeImageFiles(outside, [png], metadata, { workspaceRoot: root }), /not inside the workspace/);
      await fs.symlink(outside, path.join(root, 'link'), 'dir');
      await assert.rejects(writeImageFiles(path.join(root, 'link', 'x'), [png], metadata, { workspaceRoot: root }), /symbolic link/);
      assert.deepEqual(await fs.readdir(outside), []);
    });
  });
});

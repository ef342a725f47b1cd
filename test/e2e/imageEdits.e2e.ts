// Edit Image… and Animate Image… in the real editor (issue 16), against the fake Stability AI that the keyless
// `local-stability` entry points at (harness/fakeStabilityServer.ts). The source is a PNG generated in the workspace
// by the fake OpenAI images endpoint (96 × 96, with its sidecar), so the edit's sidecar can name it.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { multipartFields } from '../unit/fakes/imageFakes';
import { runFromCommandPalette } from './harness/commandPalette';
import { saveScreenshot } from './harness/failureArtifacts';
import { stripedPng, tinyMp4 } from './harness/fakeStabilityServer';
import { editor, fakeServers } from './harness/rootHooks';
import { notification, quickInput, quickPickRow, waitForNotification } from './harness/workbench';
import { findWebviewFrame } from './harness/webviewFrames';

const workspaceFile = (relative: string): string => path.join(editor().dirs.workspace, relative);

function filesIn(relativeFolder: string): string[] {
  const folder = workspaceFile(relativeFolder);
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/**
 * Closes every toast with its own close button. (Not with Escape, as the harness's clearNotifications does: after
 * Escape with the focus in an editor, the next toasts were seen not to show in this workbench.)
 */
async function closeToasts(page: Page): Promise<void> {
  const visible = page.locator('.notifications-toasts .notification-toast:visible');
  for (let left = 10; left > 0 && (await visible.count()) > 0; left--) {
    const toast = visible.first();
    await toast.hover().catch(() => undefined);
    await toast
      .locator('.codicon-notifications-clear')
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await page.waitForTimeout(100);
  }
}

/** Closes the toast that says `text` (its close button shows on hover). */
async function dismiss(page: Page, text: string): Promise<void> {
  const toast = notification(page, text);
  if (!(await toast.isVisible())) return;
  await toast.hover();
  await toast.locator('.codicon-notifications-clear').first().click({ timeout: 5_000 });
  await toast.waitFor({ state: 'hidden', timeout: 5_000 });
}

/** The path of a file URI string the bridge returned. */
const fsPathOf = (uri: string): string => decodeURIComponent(new URL(uri).pathname);

describe('editing and animating images in the real editor', () => {
  /** Workspace-relative path of the generated PNG every edit starts from. */
  let source = '';
  let sourceBytes: Buffer = Buffer.alloc(0);

  before(async function () {
    this.timeout(120_000);
    const uris = await editor().bridge.executeCommand<string[]>('switchboard.generateImage', {
      prompt: 'a harbour at noon',
      model: 'local-images/gpt-image-1',
      insertReference: false,
    });
    assert.equal(uris.length, 1);
    source = path
      .relative(editor().dirs.workspace, fsPathOf(uris[0] ?? ''))
      .split(path.sep)
      .join('/');
    sourceBytes = readFileSync(workspaceFile(source));
    // A frame of a size Stability animates, a mask of another size than the source, and an SVG.
    mkdirSync(workspaceFile('art'), { recursive: true });
    writeFileSync(workspaceFile('art/wide-frame.png'), stripedPng(1024, 576));
    writeFileSync(
      workspaceFile('art/logo.svg'),
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><circle cx="48" cy="48" r="40"/></svg>\n',
    );
  });

  it('Edit Image… from an argument object writes a new file beside the source, whose sidecar names the source and the operation', async () => {
    const { bridge } = editor();
    const { stability } = fakeServers();
    const folder = path.posix.dirname(source);
    const before = filesIn(folder);
    const sent = stability.requestsTo('/v2beta/stable-image/generate/sd3').length;

    const uris = await bridge.executeCommand<string[]>('switchboard.editImage', {
      image: source,
      model: 'local-stability/sd3',
      operation: 'image-to-image',
      prompt: 'the harbour at night',
      strength: 0.35,
    });

    assert.equal(uris.length, 1);
    const written = fsPathOf(uris[0] ?? '');
    assert.equal(path.dirname(written), path.dirname(workspaceFile(source)), 'the result goes beside the source');
    assert.ok(!before.includes(path.basename(written)), `${path.basename(written)} is not a new file`);
    assert.deepEqual(readFileSync(workspaceFile(source)), sourceBytes, 'the source is unchanged');
    assert.deepEqual([...readFileSync(written).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.notDeepEqual(readFileSync(written), sourceBytes);

    const sidecar = readJson(written.replace(/\.png$/, '.json'));
    assert.equal(sidecar['source'], source);
    assert.equal(sidecar['operation'], 'image-to-image');
    assert.equal(sidecar['strength'], 0.35);
    assert.equal(sidecar['prompt'], 'the harbour at night');
    assert.equal(sidecar['provider'], 'local-stability');
    assert.equal(sidecar['model'], 'sd3');
    await dismiss(editor().page, `Saved ${folder}/${path.basename(written)}`);

    const posts = stability.requestsTo('/v2beta/stable-image/generate/sd3').slice(sent);
    assert.equal(posts.length, 1, 'one request, sent once');
    const fields = await multipartFields(posts[0]?.body ?? '', posts[0]?.headers['content-type']);
    assert.equal(fields['mode']?.value, 'image-to-image');
    assert.equal(fields['prompt']?.value, 'the harbour at night');
    assert.equal(Number(fields['strength']?.value), 0.35);
    assert.ok(fields['image'], 'the source image is in the request');
  });

  it('saves the edit of an image outside the workspace into the images folder, and says so', async () => {
    const { bridge, dirs, page } = editor();
    const outside = path.join(dirs.root, 'outside-photo.png');
    writeFileSync(outside, stripedPng(128, 128, [30, 120, 60]));
    const before = filesIn('assets/generated');

    const uris = await bridge.executeCommand<string[]>('switchboard.editImage', {
      image: outside,
      model: 'local-stability/sd3',
      operation: 'remove-background',
    });

    assert.equal(uris.length, 1);
    const written = fsPathOf(uris[0] ?? '');
    assert.equal(path.dirname(written), workspaceFile('assets/generated'), 'into the images folder, inside the workspace');
    assert.ok(!before.includes(path.basename(written)));
    // Named after the source and the operation, as there is no prompt.
    assert.match(path.basename(written), /^\d{4}-\d{2}-\d{2}-outside-photo-remove-background(-\d+)?\.png$/);
    assert.deepEqual(
      readdirSync(dirs.root).filter((name) => name.startsWith('outside-photo')),
      ['outside-photo.png'],
    );
    const sidecar = readJson(written.replace(/\.png$/, '.json'));
    assert.equal(sidecar['operation'], 'remove-background');
    assert.equal(sidecar['source'], outside);
    await waitForNotification(page, /outside-photo\.png is outside the workspace, so the results go into assets\/generated/);
    await closeToasts(page);
  });

  it('a variation runs the sidecar’s prompt and model again and saves beside the source, naming it', async () => {
    const { bridge } = editor();
    const { user, stability } = fakeServers();
    const generations = user.requestsTo('/images/generations').length;
    const toStability = stability.requests.length;

    const uris = await bridge.executeCommand<string[]>('switchboard.editImage', { image: source, operation: 'variation' });

    assert.equal(uris.length, 1);
    const written = fsPathOf(uris[0] ?? '');
    assert.equal(path.dirname(written), path.dirname(workspaceFile(source)));
    const posts = user.requestsTo('/images/generations').slice(generations);
    assert.equal(posts.length, 1, 'one generation with the sidecar’s model');
    assert.equal((JSON.parse(posts[0]?.body ?? '{}') as { prompt?: string }).prompt, 'a harbour at noon');
    assert.equal(stability.requests.length, toStability, 'the chosen edit provider is not asked');
    const sidecar = readJson(written.replace(/\.png$/, '.json'));
    assert.equal(sidecar['source'], source);
    assert.equal(sidecar['operation'], 'variation');
    assert.equal(sidecar['provider'], 'local-images');
    assert.equal(sidecar['model'], 'gpt-image-1');
    const saved = `Saved ${path.posix.dirname(source)}/${path.basename(written)}`;
    await notification(editor().page, saved).waitFor({ timeout: 10_000 });
    await dismiss(editor().page, saved);
  });

  it('Edit Image… from the explorer’s context menu walks the steps with the keyboard and saves beside the source', async function () {
    this.timeout(180_000);
    const { page } = editor();
    const { stability } = fakeServers();
    const folder = path.posix.dirname(source);
    const name = path.posix.basename(source);
    await closeToasts(page);
    const before = filesIn(folder);
    const sent = stability.requestsTo('/v2beta/stable-image/generate/sd3').length;

    // Right-click the image in the explorer, as a person would (generating it revealed it there; if the explorer
    // shows something else, open the file and reveal it).
    const explorer = page.locator('.explorer-folders-view');
    const row = explorer.locator('.monaco-list-row', { hasText: new RegExp(`^\\s*${name.replace(/\./g, '\\.')}\\s*$`) }).first();
    if (!(await explorer.isVisible())) await runFromCommandPalette(page, 'View: Show Explorer');
    if (!(await row.isVisible())) {
      await runFromCommandPalette(page, 'Go to File...', { keepOpen: true });
      await page.keyboard.type(name);
      // Click the file itself: the first match may be a sibling with a longer name (`…-2.png`).
      const match = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
      await match.waitFor({ timeout: 20_000 });
      await match.click();
      await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 20_000 });
      await runFromCommandPalette(page, 'File: Reveal Active File in Explorer View');
    }
    await row.waitFor({ timeout: 20_000 });
    await row.click({ button: 'right' });
    const item = page.locator('.context-view .action-item', { hasText: /^Edit Image…$/ }).first();
    await item.waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.context-view .action-item', { hasText: /^Animate Image…$/ }).count(), 1);
    await item.locator('a.action-menu-item').click();
    if (await item.isVisible()) {
      await item.hover();
      await page.keyboard.press('Enter');
    }

    // Step 1/5, the model: the one used last (the argument object's) is the active row.
    const title = quickInput(page).locator('.quick-input-title');
    await quickPickRow(page, 'local-stability').waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () => /1\/5/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''),
      undefined,
      {
        timeout: 10_000,
      },
    );
    assert.match((await quickInput(page).locator('.monaco-list-row.focused').first().textContent()) ?? '', /^\s*sd3(?![.\d])/);
    await page.keyboard.press('Enter');
    // Step 2/5, the operation, each with its one-line description, and Variation (the source has a sidecar).
    await quickPickRow(page, 'Image to image').waitFor({ timeout: 10_000 });
    await quickPickRow(page, 'Variation').waitFor({ timeout: 10_000 });
    assert.match((await title.textContent()) ?? '', /Edit Image.*2\/5/);
    await page.waitForTimeout(500);
    await saveScreenshot(editor(), 'edit image step counter');
    await page.keyboard.press('Enter');
    // Step 3/5, the prompt, pre-filled from the sidecar.
    const input = quickInput(page).locator('input');
    await page.waitForFunction(() => /3\/5/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
    assert.equal(await input.inputValue(), 'a harbour at noon');
    await input.fill('the harbour in fog');
    await page.keyboard.press('Enter');
    // Step 4/5, the strength: a wrong value is refused in place, the default is 0.6.
    await page.waitForFunction(() => /4\/5/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
    assert.equal(await input.inputValue(), '0.6');
    await input.fill('1.5');
    await quickInput(page).locator('.quick-input-message', { hasText: 'A number from 0 to 1' }).waitFor({ timeout: 10_000 });
    await input.fill('0.6');
    await page.keyboard.press('Enter');
    // Step 5/5, how many.
    await page.waitForFunction(() => /5\/5/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
    await page.keyboard.press('Enter');

    let added: string[] = [];
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && !added.some((file) => file.endsWith('.json'));) {
      await page.waitForTimeout(200);
      added = filesIn(folder).filter((file) => !before.includes(file));
    }
    const image = added.find((file) => file.endsWith('.png'));
    assert.ok(image, `no new image: ${added.join(', ')}`);
    assert.ok(added.includes(image.replace(/\.png$/, '.json')), 'no sidecar');
    await notification(page, `Saved ${folder}/${image}`).waitFor({ timeout: 10_000 });
    const sidecar = readJson(workspaceFile(`${folder}/${image.replace(/\.png$/, '.json')}`));
    assert.equal(sidecar['source'], source);
    assert.equal(sidecar['operation'], 'image-to-image');
    assert.equal(sidecar['prompt'], 'the harbour in fog');
    assert.deepEqual(readFileSync(workspaceFile(source)), sourceBytes, 'the source is unchanged');
    const posts = stability.requestsTo('/v2beta/stable-image/generate/sd3').slice(sent);
    assert.equal(posts.length, 1);
    const fields = await multipartFields(posts[0]?.body ?? '', posts[0]?.headers['content-type']);
    assert.equal(fields['prompt']?.value, 'the harbour in fog');
    assert.equal(Number(fields['strength']?.value), 0.6);
    // The result is the active editor's tab, and the explorer is still what the side bar shows.
    await page.locator('.tab.active', { hasText: image }).waitFor({ timeout: 10_000 });
    assert.ok(await explorer.isVisible());
    // VS Code's image preview shows the new picture.
    const preview = await findWebviewFrame(page, `img[src*="${image}"]`, 20_000);
    await preview.waitForFunction((file) => {
      const img = document.querySelector<HTMLImageElement>(`img[src*="${file}"]`);
      return img !== null && img.complete && img.naturalWidth > 0;
    }, image);
    await page.waitForTimeout(500);
    await saveScreenshot(editor(), 'edit image saved beside the source');
    await closeToasts(page);
  });

  it('Animate Image… polls the job and saves the MP4 beside the frame, with a sidecar naming it', async function () {
    this.timeout(120_000);
    const { bridge, page } = editor();
    const { stability } = fakeServers();
    const polls = stability.requestsTo('/v2beta/image-to-video/result/').length;
    stability.pendingPolls = 2;

    const running = bridge.executeCommand<string>('switchboard.animateImage', { image: 'art/wide-frame.png', model: 'local-stability' });
    // The progress notification says how the job is doing while it is polled.
    await page
      .locator('.notifications-toasts .notification-toast')
      .filter({ hasText: /Animating wide-frame\.png with local-stability/ })
      .filter({ hasText: /rendering the video \(check \d\)/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await saveScreenshot(editor(), 'animate image polling');
    const uri = await running;

    const written = fsPathOf(uri);
    assert.equal(path.dirname(written), workspaceFile('art'));
    assert.match(path.basename(written), /\.mp4$/);
    assert.deepEqual(readFileSync(written), tinyMp4, 'the MP4 is the bytes the service sent');
    const starts = stability.requestsTo('/v2beta/image-to-video');
    assert.equal(starts.length, 1, 'the job is started once');
    const fields = await multipartFields(starts[0]?.body ?? '', starts[0]?.headers['content-type']);
    assert.ok(fields['image'], 'the frame is in the request');
    const gets = stability.requestsTo('/v2beta/image-to-video/result/').slice(polls);
    assert.ok(gets.length >= 3, `polled ${gets.length} times; the fake answers 202 twice before the video`);
    assert.ok(gets.every((request) => request.method === 'GET'));
    const sidecar = readJson(written.replace(/\.mp4$/, '.json'));
    assert.equal(sidecar['source'], 'art/wide-frame.png');
    assert.equal(sidecar['operation'], 'animate');
    // Said with Open and Reveal in Explorer; the side bar is not taken away from what it showed, the focus not moved there.
    const saved = notification(page, `Saved art/${path.basename(written)}`);
    await saved.waitFor({ timeout: 10_000 });
    assert.deepEqual(await saved.locator('.monaco-button').allTextContents(), ['Open', 'Reveal in Explorer']);
    await page.waitForTimeout(600);
    await saveScreenshot(editor(), 'animate image saved beside the frame');
    await dismiss(page, `Saved art/${path.basename(written)}`);
  });

  it('refuses an SVG, a mask of another size and a frame of the wrong size, naming the problem, and sends nothing', async function () {
    this.timeout(120_000);
    const { bridge, page } = editor();
    const { stability } = fakeServers();
    await closeToasts(page);
    const requests = stability.requests.length;

    await assert.rejects(
      bridge.executeCommand('switchboard.editImage', {
        image: 'art/logo.svg',
        model: 'local-stability/sd3',
        operation: 'image-to-image',
        prompt: 'a logo',
      }),
      /logo\.svg.*SVG|SVG.*logo\.svg/,
    );
    await notification(page, /logo\.svg/).waitFor({ timeout: 10_000 });
    assert.match((await notification(page, /logo\.svg/).textContent()) ?? '', /SVG/);
    await closeToasts(page);

    await assert.rejects(
      bridge.executeCommand('switchboard.editImage', {
        image: source,
        model: 'local-stability/sd3',
        operation: 'edit',
        prompt: 'a lighthouse on the pier',
        mask: 'art/wide-frame.png',
      }),
      (error: Error) => {
        assert.match(error.message, /mask/i);
        assert.match(error.message, /1024\s*[×x]\s*576/);
        assert.match(error.message, /96\s*[×x]\s*96/);
        return true;
      },
    );
    await notification(page, /mask/i).waitFor({ timeout: 10_000 });
    // Expanded, so the screenshot shows the whole message.
    await notification(page, /mask/i).hover();
    await notification(page, /mask/i)
      .locator('.codicon-notifications-expand')
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await page.waitForTimeout(500);
    await saveScreenshot(editor(), 'edit image refuses a mask of another size');

    await assert.rejects(bridge.executeCommand('switchboard.animateImage', { image: source, model: 'local-stability' }), (error: Error) => {
      assert.match(error.message, /1024\s*[×x]\s*576/);
      assert.match(error.message, /96\s*[×x]\s*96/);
      return true;
    });

    assert.equal(stability.requests.length, requests, 'nothing reached the service');
    await closeToasts(page);
  });

  it('says exactly that the video endpoint no longer exists when the service answers so', async function () {
    this.timeout(60_000);
    const { bridge } = editor();
    const { stability } = fakeServers();
    stability.videoGone = true;
    try {
      await assert.rejects(
        bridge.executeCommand('switchboard.animateImage', { image: 'art/wide-frame.png', model: 'local-stability' }),
        /no longer exists/i,
      );
    } finally {
      stability.videoGone = false;
    }
    await notification(editor().page, /no longer exists/i).waitFor({ timeout: 10_000 });
    await closeToasts(editor().page);
  });
});

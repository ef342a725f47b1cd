// Image generation in the real editor, against the fake server's OpenAI images endpoint (the user settings point
// `local-images` at it and make `local-images/gpt-image-1` the default image model).
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runFromCommandPalette } from './harness/commandPalette';
import { saveScreenshot } from './harness/failureArtifacts';
import { editor, fakeServers } from './harness/rootHooks';
import { findWebviewFrame } from './harness/webviewFrames';
import { notification, quickInput, quickPickRow } from './harness/workbench';

function generatedFiles(): string[] {
  const folder = path.join(editor().dirs.workspace, 'assets', 'generated');
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

async function editorGroupCount(): Promise<number> {
  return editor().page.locator('.part.editor .editor-group-container').count();
}

async function sideBarTitle(): Promise<string | null> {
  const title = editor().page.locator('.part.sidebar .composite.title');
  await title.waitFor({ state: 'visible', timeout: 10_000 });
  return title.textContent();
}

async function openInEditor(name: string): Promise<void> {
  await editor().bridge.cursorAtEnd(name);
  await editor().page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 10_000 });
}

describe('image generation in the real editor', () => {
  it('generates from the Command Palette, saves the image and its sidecar, and inserts a Markdown reference', async () => {
    const { page, bridge } = editor();
    const { user } = fakeServers();
    await openInEditor('README.md');
    const before = generatedFiles();
    const groupsBefore = await editorGroupCount();
    await runFromCommandPalette(page, 'Switchboard: Generate Image', { keepOpen: true });
    await quickInput(page).locator('input').fill('a lighthouse at dusk');
    await page.keyboard.press('Enter');
    // The model picker opens with the default model as "last used" on top.
    await quickPickRow(page, 'gpt-image-1').waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await quickPickRow(page, /1024x1024\s*Square/).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const offer = notification(page, /Insert a reference into README\.md\?/);
    await offer.waitFor({ timeout: 30_000 });
    await offer.locator('a.monaco-button, .monaco-button', { hasText: 'Insert Reference' }).first().click();

    const added = generatedFiles().filter((name) => !before.includes(name));
    const image = added.find((name) => name.endsWith('.png'));
    assert.ok(image, `no image written: ${added.join(', ')}`);
    assert.match(image, /^\d{4}-\d{2}-\d{2}-a-lighthouse-at-dusk(-\d+)?\.png$/);
    assert.ok(added.includes(image.replace(/\.png$/, '.json')), 'no sidecar');
    const sidecar = JSON.parse(
      readFileSync(path.join(editor().dirs.workspace, 'assets', 'generated', image.replace(/\.png$/, '.json')), 'utf8'),
    ) as Record<string, unknown>;
    assert.equal(sidecar['prompt'], 'a lighthouse at dusk');
    assert.equal(sidecar['provider'], 'local-images');
    assert.equal(sidecar['model'], 'gpt-image-1');
    const bytes = readFileSync(path.join(editor().dirs.workspace, 'assets', 'generated', image));
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);

    const request = user.requestsTo('/images/generations').at(-1);
    assert.ok(request);
    assert.equal((JSON.parse(request.body) as { prompt: string }).prompt, 'a lighthouse at dusk');

    let readme = '';
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !readme.includes(image)) {
      readme = (await bridge.documentText('README.md')).text;
      await page.waitForTimeout(200);
    }
    assert.ok(readme.includes(`![a lighthouse at dusk](assets/generated/${image})`), `README.md has no reference:\n${readme}`);
    // The preview is open in the group already there: no new group.
    await page.locator('.tab', { hasText: image }).first().waitFor({ timeout: 10_000 });
    assert.equal(await editorGroupCount(), groupsBefore, 'the preview opened a new editor group');
    await page.waitForTimeout(1000);
    await saveScreenshot(editor(), 'image generated into the workspace');
  });

  it('asks step by step with Back, keeps the selection of a TypeScript file, and leaves the chat and the layout alone', async () => {
    const { page, bridge } = editor();
    await runFromCommandPalette(page, 'Switchboard: Open Chat');
    await findWebviewFrame(page, '#input');
    const file = 'src/fibonacci.ts';
    const original = (await bridge.documentText(file)).text;
    const lastLine = original.trimEnd().split('\n').length - 1;
    await bridge.select(file, 0, lastLine); // the whole function
    await page.locator('.tab.active', { hasText: 'fibonacci.ts' }).waitFor({ timeout: 10_000 });
    const selected = original.trimEnd();
    assert.match((await sideBarTitle()) ?? '', /Switchboard: Chat/i, 'the chat is not in the side bar to begin with');
    const groupsBefore = await editorGroupCount();
    const before = generatedFiles();

    await runFromCommandPalette(page, 'Switchboard: Generate Image', { keepOpen: true });
    const title = quickInput(page).locator('.quick-input-title');
    await title.filter({ hasText: 'Switchboard: Generate Image (1/3)' }).waitFor({ timeout: 10_000 });
    await page.keyboard.type('a lighthouse keeper');
    await page.keyboard.press('Enter');
    await title.filter({ hasText: '(2/3)' }).waitFor({ timeout: 20_000 });
    await quickPickRow(page, 'gpt-image-1').waitFor({ timeout: 20_000 });
    // Back, from the keyboard (workbench.action.quickInputBack: Ctrl+Alt+- on Linux), shows the prompt as typed.
    await page.keyboard.press('Control+Alt+Minus');
    await title.filter({ hasText: '(1/3)' }).waitFor({ timeout: 10_000 });
    assert.equal(await quickInput(page).locator('input').inputValue(), 'a lighthouse keeper');
    await page.keyboard.type(', at night');
    await page.keyboard.press('Enter');
    await title.filter({ hasText: '(2/3)' }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await title.filter({ hasText: '(3/3)' }).waitFor({ timeout: 10_000 });
    await quickPickRow(page, /1536x1024\s*Landscape/).waitFor({ timeout: 10_000 });
    await quickPickRow(page, /1024x1536\s*Portrait/).waitFor({ timeout: 10_000 });
    await saveScreenshot(editor(), 'image generation step 3 of 3 with shapes');
    // Back from the size to the model, forward again: the model chosen is the one highlighted.
    await page.keyboard.press('Control+Alt+Minus');
    await title.filter({ hasText: '(2/3)' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await title.filter({ hasText: '(3/3)' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('ArrowDown'); // 1536x1024, Landscape
    await page.keyboard.press('Enter');

    const offer = notification(page, /Insert a reference into fibonacci\.ts\?/);
    await offer.waitFor({ timeout: 30_000 });
    assert.ok(await offer.locator('.monaco-button', { hasText: 'Reveal in Explorer' }).first().isVisible(), 'no Reveal in Explorer button');
    const request = fakeServers().user.requestsTo('/images/generations').at(-1);
    const body = JSON.parse(request?.body ?? '{}') as { prompt?: string; size?: string };
    assert.equal(body.prompt, 'a lighthouse keeper, at night');
    assert.equal(body.size, '1536x1024');
    await offer.locator('.monaco-button', { hasText: 'Insert Reference' }).first().click();

    const image = generatedFiles().find((name) => !before.includes(name) && name.endsWith('.png'));
    assert.ok(image, 'no image written');
    const reference = `'../assets/generated/${image}'`;
    let text = '';
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !text.includes(image)) {
      text = (await bridge.documentText(file)).text;
      await page.waitForTimeout(200);
    }
    // The selected function is still there, whole, and the reference comes after it on a line of its own.
    assert.ok(text.includes(`${selected}\n${reference}`), `the selection was not kept, or the reference is not after it:\n${text}`);
    assert.equal(text.replace(`\n${reference}`, ''), original);
    // The side bar still shows the chat (not the Explorer), and no editor group was added.
    assert.match((await sideBarTitle()) ?? '', /Switchboard: Chat/i, 'the side bar no longer shows the chat');
    assert.equal(await page.locator('.part.sidebar .explorer-folders-view').isVisible(), false, 'the Explorer took the side bar');
    assert.equal(await editorGroupCount(), groupsBefore, 'a new editor group was opened');
    await saveScreenshot(editor(), 'image reference after the selected function');
    await bridge.undo(file);
  });

  it('waits for a generation slower than the chat timeout, POSTs it exactly once, and saves it', async () => {
    const { bridge } = editor();
    const { user } = fakeServers();
    const before = user.requestsTo('/images/generations').length;
    // The chat's first-byte limit is 1 s; this generation answers after 4 s, well within switchboard.images.timeoutSeconds.
    await bridge.setUserSetting('switchboard.requests.timeoutSeconds', 1);
    user.imageDelayMs = 4_000;
    try {
      const uris = await bridge.executeCommand<string[]>('switchboard.generateImage', {
        prompt: 'a slow sunrise',
        model: 'local-images/gpt-image-1',
        insertReference: false,
      });
      assert.equal(uris.length, 1);
      assert.match(uris[0] ?? '', /assets\/generated\/\d{4}-\d{2}-\d{2}-a-slow-sunrise(-\d+)?\.png$/);
      assert.ok(existsSync(new URL(uris[0] ?? '').pathname));
    } finally {
      user.imageDelayMs = 0;
      await bridge.setUserSetting('switchboard.requests.timeoutSeconds', undefined);
    }
    const posts = user.requestsTo('/images/generations').slice(before);
    assert.equal(posts.length, 1, 'the generation must be POSTed exactly once');
    assert.equal((JSON.parse(posts[0]?.body ?? '{}') as { prompt?: string }).prompt, 'a slow sunrise');
  });

  it('writes nothing outside the workspace, whatever the folder says', async () => {
    const { bridge, dirs } = editor();
    const before = generatedFiles();
    const outside = path.join(dirs.workspace, '..', '..', 'outside');
    const absolute = path.join(dirs.root, 'absolute-target');
    for (const folder of ['../../outside', absolute, '/etc', '~/pictures']) {
      await assert.rejects(
        bridge.executeCommand('switchboard.generateImage', { prompt: 'escape attempt', model: 'local-images/gpt-image-1', folder }),
        /must be a folder inside the workspace/,
        folder,
      );
    }
    await bridge.setUserSetting('switchboard.images.folder', '../../outside');
    try {
      await assert.rejects(
        bridge.executeCommand('switchboard.generateImage', { prompt: 'escape attempt', model: 'local-images/gpt-image-1' }),
        /must be a folder inside the workspace/,
      );
    } finally {
      await bridge.setUserSetting('switchboard.images.folder', undefined);
    }
    assert.equal(existsSync(outside), false);
    assert.equal(existsSync(absolute), false);
    assert.deepEqual(generatedFiles(), before);
  });

  it('runs without prompts from the argument object and resolves to the written files', async () => {
    const uris = await editor().bridge.executeCommand<string[]>('switchboard.generateImage', {
      prompt: 'Маяк в сумерках',
      model: 'local-images/gpt-image-1',
      count: 2,
      insertReference: false,
    });
    assert.equal(uris.length, 2);
    for (const uri of uris) {
      assert.match(uri, /assets\/generated\/\d{4}-\d{2}-\d{2}-mayak-v-sumerkakh(-\d+)?\.png$/);
      assert.ok(existsSync(new URL(uri).pathname));
    }
    assert.notEqual(uris[0], uris[1], 'the second image must not overwrite the first');
  });

  it('draws from the chat with /image and shows the picture inline', async () => {
    await runFromCommandPalette(editor().page, 'Switchboard: Open Chat');
    const frame = await findWebviewFrame(editor().page, '#input');
    await frame.locator('#input').fill('/image a red square');
    await frame.locator('#input').press('Enter');
    const img = frame.locator('article.message.assistant').last().locator('.message-images img');
    await img.waitFor({ timeout: 30_000 });
    assert.equal(await img.getAttribute('alt'), 'a red square');
    const loaded = await img.evaluate(
      (element) => (element as HTMLImageElement).complete && (element as HTMLImageElement).naturalWidth > 0,
    );
    assert.ok(loaded, 'the image did not load in the webview');
    await saveScreenshot(editor(), 'chat image inline');
  });
});

// The chat's native chrome (issue 22): New Chat, Chat History and Export in the view's title bar; Open Chat by its
// keybinding with the focus landing in the input; the history as a searchable QuickPick with Rename and Delete on its
// rows; Export saying where it wrote, with Open; the status bar's model picker in "Provider · model" rows; and a
// provider named by its label in errors. Driven as a person would: keys, clicks on the workbench, typing.
import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { FakeHttpServer } from '../unit/fakes/fakeHttpServer';
import { openAiInvalidKey } from '../unit/fakes/openAiFake';
import { runFromCommandPalette } from './harness/commandPalette';
import { saveScreenshot } from './harness/failureArtifacts';
import type { ChatReply } from './harness/fakeOpenAiServer';
import { editor, fakeServers } from './harness/rootHooks';
import { userSetting } from './harness/userSettings';
import { findWebviewFrame } from './harness/webviewFrames';
import { clearNotifications, notification, quickInput, quickPickRow, statusBarItem } from './harness/workbench';

/** One of the chat view's title-bar actions, by the start of its title (a keybinding may follow it). */
function titleAction(page: Page, title: string): ReturnType<Page['locator']> {
  return page.locator(`.part.sidebar .composite.title .actions-container .action-label[aria-label^="${title}"]`).first();
}

/** Waits until the chat's input has the keyboard focus: the workbench's focus in the webview, and #input in it. */
async function waitForInputFocus(page: Page): Promise<Frame> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const focused = await frame.evaluate(() => document.hasFocus() && document.activeElement?.id === 'input').catch(() => false);
      if (focused) return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('the chat input did not get the focus');
}

async function ask(frame: Frame, text: string): Promise<void> {
  const count = await frame.locator('article.message.assistant').count();
  await frame.locator('#input').fill(text);
  await frame.locator('#input').press('Enter');
  await frame
    .locator('article.message.assistant')
    .nth(count)
    .filter({ hasText: 'Hello from the fake model.' })
    .waitFor({ timeout: 30_000 });
}

async function focusEditorArea(page: Page): Promise<void> {
  // "View: Focus First Editor Group": the focus leaves the chat, as when a person goes back to the code.
  await runFromCommandPalette(page, 'View: Focus First Editor Group');
}

describe('the chat at home in VS Code: title bar, keybindings, history, export, pickers', () => {
  let frame: Frame;
  let originalReply: ChatReply;

  // The answers these tests wait for are the fake's plain greeting, whatever an earlier suite left it saying.
  before(() => {
    originalReply = fakeServers().user.reply;
    fakeServers().user.reply = () => ({ pieces: ['Hello', ' from', ' the fake', ' model.'] });
  });

  after(() => {
    fakeServers().user.reply = originalReply;
  });

  it('opens the chat with Ctrl+Alt+S C and takes typed text straight into the input', async () => {
    const { page } = editor();
    await runFromCommandPalette(page, 'Switchboard: New Chat');
    // Another container in the side bar: the chat's webview is gone and loads anew when the chord shows it.
    await runFromCommandPalette(page, 'View: Show Explorer');
    await focusEditorArea(page);
    await page.keyboard.press('Control+Alt+s');
    await page.keyboard.press('c');
    frame = await waitForInputFocus(page);
    await page.keyboard.type('typed at once');
    assert.equal(await frame.locator('#input').inputValue(), 'typed at once');

    // With the chat already showing, the focus goes back into the input too.
    await focusEditorArea(page);
    await page.keyboard.press('Control+Alt+s');
    await page.keyboard.press('c');
    frame = await waitForInputFocus(page);
    await page.keyboard.type(', and again');
    assert.equal(await frame.locator('#input').inputValue(), 'typed at once, and again');
    await frame.locator('#input').fill('');
  });

  it('has New Chat, Chat History and Export in the view title bar, under the new activity-bar icon', async () => {
    const { page } = editor();
    for (const title of ['New Chat', 'Chat History…', 'Export Chat as Markdown…']) {
      await titleAction(page, title).waitFor({ state: 'visible', timeout: 10_000 });
    }
    const icons = await page
      .locator('.part.sidebar .composite.title .actions-container .action-label')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
    const ours = icons.filter((label) => /^(New Chat|Chat History…|Export Chat as Markdown…)/.test(label));
    assert.deepEqual(
      ours.map((label) => label.replace(/ \(.*\)$/, '')),
      ['New Chat', 'Chat History…', 'Export Chat as Markdown…'],
      `title actions: ${icons.join(' | ')}`,
    );
    // The container's icon is Switchboard's own drawing (media/switchboard.svg), not the one Source Control has.
    const activity = page.locator('.part.activitybar .action-item a[aria-label^="Switchboard"]').first();
    await activity.waitFor({ state: 'visible', timeout: 10_000 });
    const mask = await activity.evaluate((node) => getComputedStyle(node).maskImage || getComputedStyle(node).webkitMaskImage);
    assert.match(mask, /switchboard\.svg/);
    await saveScreenshot(editor(), 'chat title bar and activity bar icon');
    await saveScreenshot(editor(), 'chat view title bar', { selector: '.part.sidebar .composite.title' });
    await saveScreenshot(editor(), 'activity bar with the switchboard icon', { selector: '.part.activitybar' });
  });

  it('lists the conversations in Chat History, newest first; renames, deletes and opens one from there', async () => {
    const { page } = editor();
    // The chat the first test left is new and empty.
    await ask(frame, 'first question alpha');
    for (const question of ['second question beta', 'third question gamma']) {
      await titleAction(page, 'New Chat').click();
      await frame.locator('article.message').first().waitFor({ state: 'detached', timeout: 15_000 });
      frame = await waitForInputFocus(page);
      await ask(frame, question);
    }

    await titleAction(page, 'Chat History…').click();
    await quickPickRow(page, 'third question gamma').waitFor({ state: 'visible', timeout: 15_000 });
    const rows = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allTextContents();
    const order = ['third question gamma', 'second question beta', 'first question alpha'].map((title) =>
      rows.findIndex((row) => row.includes(title)),
    );
    assert.ok(
      order.every((index, i) => index >= 0 && (i === 0 || index > (order[i - 1] ?? -1))),
      `rows: ${rows.join(' | ')}`,
    );
    assert.match(rows.find((row) => row.includes('third question gamma')) ?? '', /2 messages · open now/);
    await saveScreenshot(editor(), 'chat history quick pick');

    // Typing filters; the row's Rename button asks for the new title, then the list shows it.
    await quickInput(page).locator('input').fill('alpha');
    const alpha = quickPickRow(page, 'first question alpha');
    await alpha.hover();
    await alpha.locator('.action-label[aria-label="Rename"]').click();
    const renameBox = quickInput(page).locator('input');
    await page.waitForFunction(
      () => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value === 'first question alpha',
      undefined,
      { timeout: 10_000 },
    );
    await renameBox.fill('Renamed alpha');
    await page.keyboard.press('Enter');
    await quickPickRow(page, 'Renamed alpha').waitFor({ state: 'visible', timeout: 15_000 });

    // Delete asks first (a modal dialog), then the row is gone.
    await quickInput(page).locator('input').fill('beta');
    const beta = quickPickRow(page, 'second question beta');
    await beta.hover();
    await beta.locator('.action-label[aria-label="Delete"]').click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await dialog.textContent()) ?? '', /Delete the conversation “second question beta”\?/);
    await dialog.locator('.monaco-button', { hasText: 'Delete' }).click();
    await quickInput(page).locator('input').fill('');
    await quickPickRow(page, 'Renamed alpha').waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await quickPickRow(page, 'second question beta').count(), 0, 'the deleted conversation is still listed');

    // Picking one opens it in the chat, with the focus in the input.
    await quickInput(page).locator('input').fill('Renamed');
    await quickPickRow(page, 'Renamed alpha').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    frame = await waitForInputFocus(page);
    await frame.locator('article.message.user', { hasText: 'first question alpha' }).waitFor({ timeout: 15_000 });
    assert.equal(await frame.locator('article.message.user', { hasText: 'third question gamma' }).count(), 0);
  });

  it('exports the conversation, says where it wrote it, and opens the file', async () => {
    const { page, bridge } = editor();
    await titleAction(page, 'Export Chat as Markdown…').click();
    // The save dialog (in code-server, a path in the quick input) proposes the title as the file name.
    await page.waitForFunction(
      () => /Renamed-alpha\.md$/.test((document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value ?? ''),
      undefined,
      { timeout: 15_000 },
    );
    await page.keyboard.press('Enter');
    const saved = notification(page, 'Exported the conversation to Renamed-alpha.md');
    await saved.waitFor({ state: 'visible', timeout: 15_000 });
    const buttons = await saved.locator('.monaco-button').allTextContents();
    assert.deepEqual(buttons, ['Open', 'Reveal in Explorer']);
    await saveScreenshot(editor(), 'export notification');
    await saved.locator('.monaco-button', { hasText: 'Open' }).click();
    await page.locator('.tabs-container .tab.active', { hasText: 'Renamed-alpha.md' }).waitFor({ timeout: 15_000 });
    const { text } = await bridge.documentText('Renamed-alpha.md');
    assert.match(text, /first question alpha/);
    assert.match(text, /Hello from the fake model\./);
    await clearNotifications(page);
  });

  it('shows "Provider · model" rows grouped by provider in the status bar picker, and names a provider by its label', async () => {
    const { page, bridge } = editor();
    const rejecting = (await FakeHttpServer.start()).onRequest(() => openAiInvalidKey());
    const providers = await userSetting('switchboard.providers');
    const model = await userSetting('switchboard.chat.model');
    try {
      // OpenAI's preset, pointed at a server that rejects every key (keyless here, so no key has to be typed).
      await bridge.setUserSetting(
        'switchboard.providers',
        (providers as { id: string }[]).map((entry) =>
          entry.id === 'openai' ? { id: 'openai', baseUrl: `${rejecting.origin}/v1`, requiresKey: false } : entry,
        ),
      );
      await statusBarItem(page, 'fake-model-a').click();
      await quickPickRow(page, 'Local fake · fake-model-a').waitFor({ state: 'visible', timeout: 30_000 });
      await quickPickRow(page, 'Local fake · fake-model-b').waitFor({ state: 'visible', timeout: 30_000 });
      const separators = await page.locator('.quick-input-widget .quick-input-list .quick-input-list-separator').allTextContents();
      assert.ok(
        separators.some((text) => text.includes('Local fake')),
        `separators: ${separators.join(' | ')}`,
      );
      // A provider that cannot be listed is one short row; the whole reason, naming it by its label, is its detail.
      const failed = quickPickRow(page, 'OpenAI · key refused');
      await failed.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match((await failed.textContent()) ?? '', /The OpenAI API key was rejected \(401\)/);
      await saveScreenshot(editor(), 'status bar model picker');
      await page.keyboard.press('Escape');

      // The same words in the chat, for an answer that failed.
      await bridge.executeCommand('switchboard.selectModel', { model: 'openai/gpt-4o' });
      await runFromCommandPalette(page, 'Switchboard: New Chat');
      frame = await findWebviewFrame(page, '#input');
      await frame.locator('#input').fill('Hello OpenAI');
      await frame.locator('#input').press('Enter');
      const error = frame.locator('article.message.assistant').last().locator('.message-error .error-text');
      await error.waitFor({ timeout: 30_000 });
      assert.match((await error.textContent())?.trim() ?? '', /^The OpenAI API key was rejected \(401\)\./);
      assert.ok(rejecting.requests.length > 0, 'the rejecting server was not asked');
      assert.equal(fakeServers().workspace.requests.length, 0);
    } finally {
      await bridge.setUserSetting('switchboard.providers', providers);
      await bridge.setUserSetting('switchboard.chat.model', model);
      await rejecting.close();
    }
  });
});

// Workspace context in the real editor, as a person uses it (issue 14): `@` in the chat input picks a file, a folder
// and the Problems panel, and the request that reaches the fake provider holds exactly those contents and never a
// file of switchboard.context.exclude; Add to Chat from the explorer's context menu on two selected files gives two
// chips; the meter warns before a message that does not fit the model's context window.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { runFromCommandPalette } from './harness/commandPalette';
import { saveScreenshot } from './harness/failureArtifacts';
import { editor, fakeServers } from './harness/rootHooks';
import { findWebviewFrame } from './harness/webviewFrames';

const apiSource = 'export function handleRequest() {\n  return "api-marker-5d1f";\n}\n';
const dbSource = 'export const pool = "db-marker-77c2";\n';
const secret = 'SECRET_TOKEN=never-leaves-the-machine-9e4b';

async function chatFrame(): Promise<Frame> {
  await runFromCommandPalette(editor().page, 'Switchboard: Open Chat');
  return findWebviewFrame(editor().page, '#input');
}

/** Types `@query` into the input, waits for the row, and picks it with the keyboard. */
async function pickWithAt(frame: Frame, query: string, row: RegExp): Promise<void> {
  const input = frame.locator('#input');
  await input.press('End');
  await input.pressSequentially(` @${query}`, { delay: 40 });
  const option = frame.locator('.input-popup:not([hidden]) .input-option', { hasText: row }).first();
  await option.waitFor({ state: 'visible', timeout: 20_000 });
  // Arrow down until the wanted row is the active one, then Enter (keyboard first).
  for (let step = 0; step < 30; step++) {
    if ((await option.getAttribute('aria-selected')) === 'true') break;
    await input.press('ArrowDown');
  }
  assert.equal(await option.getAttribute('aria-selected'), 'true', `the row ${String(row)} never became active`);
  await input.press('Enter');
  await frame.locator('.input-popup').first().waitFor({ state: 'hidden', timeout: 10_000 });
}

function pendingChip(frame: Frame, label: string) {
  return frame.locator('.composer-chips .chip', { hasText: label });
}

describe('workspace context in the real editor', () => {
  before(async () => {
    const workspace = editor().dirs.workspace;
    mkdirSync(path.join(workspace, 'src', 'server'), { recursive: true });
    writeFileSync(path.join(workspace, 'src', 'server', 'api.ts'), apiSource);
    writeFileSync(path.join(workspace, 'src', 'server', 'db.ts'), dbSource);
    // In the folder that is attached, and a name the default switchboard.context.exclude covers.
    writeFileSync(path.join(workspace, 'src', 'server', '.env'), `${secret}\n`);
    writeFileSync(path.join(workspace, 'settings-broken.json'), '{\n  "name": "demo"\n  "version": 1\n}\n');
  });

  it('@ picks a file, a folder and the problems, and the request holds exactly those, never .env', async function () {
    this.timeout(180_000);
    const { page } = editor();
    const { user } = fakeServers();
    // The JSON language server reports the missing comma once the file is open.
    await runFromCommandPalette(page, 'Go to File...', { keepOpen: true });
    await page.keyboard.type('settings-broken.json');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'settings-broken.json' }).first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'settings-broken.json' }).waitFor({ timeout: 20_000 });
    await page.locator('.statusbar-item[id="status.problems"]', { hasText: /[1-9]/ }).first().waitFor({ timeout: 60_000 });

    await runFromCommandPalette(page, 'Switchboard: New Chat');
    const frame = await chatFrame();
    // The active file is offered, not attached: it goes only when turned on.
    await pendingChip(frame, 'settings-broken.json').waitFor({ timeout: 20_000 });
    assert.match((await pendingChip(frame, 'settings-broken.json').getAttribute('class')) ?? '', /chip-suggested/);

    await frame.locator('#input').fill('What is wrong here?');
    await pickWithAt(frame, 'api', /api\.ts/);
    await pendingChip(frame, 'api.ts').waitFor({ timeout: 20_000 });
    await pickWithAt(frame, 'server', /^\s*server/);
    await pendingChip(frame, 'server').waitFor({ timeout: 20_000 });
    await pickWithAt(frame, 'prob', /Problems/);
    await frame
      .locator('.composer-chips .chip', { hasText: /Problems|problems/ })
      .first()
      .waitFor({ timeout: 20_000 });
    // The folder chip says that one of its files was not read.
    const folderChip = pendingChip(frame, 'server');
    await folderChip.locator('.chip-warning').waitFor({ timeout: 20_000 });
    await saveScreenshot(editor(), 'context chips before sending');

    // The picker open, for the README.
    await frame.locator('#input').pressSequentially(' @ap', { delay: 40 });
    await frame
      .locator('.input-popup:not([hidden]) .input-option', { hasText: /api\.ts/ })
      .first()
      .waitFor({ timeout: 20_000 });
    await saveScreenshot(editor(), 'context picker open');
    await saveScreenshot(editor(), 'context picker in the side bar', { selector: '.part.sidebar', bottom: 260 });
    await frame.locator('#input').press('Escape');
    await frame.locator('#input').press('Backspace');
    await frame.locator('#input').press('Backspace');
    await frame.locator('#input').press('Backspace');
    await frame.locator('#input').press('Backspace');

    const before = user.requestsTo('/chat/completions').length;
    user.reply = () => ({ pieces: ['The JSON file misses a comma.'] });
    await frame.locator('#input').press('Enter');
    await frame.locator('article.message.assistant .message-body', { hasText: 'misses a comma' }).last().waitFor({ timeout: 30_000 });
    const request = user.requestsTo('/chat/completions')[before];
    assert.ok(request, 'no request reached the provider');
    const sent = request.body;
    assert.ok(sent.includes('api-marker-5d1f'), 'the picked file is in the request');
    assert.ok(sent.includes('db-marker-77c2'), 'the folder’s files are in the request');
    assert.match(sent, /settings-broken\.json/, 'the problems name the broken file');
    assert.match(sent, /[Ee]xpected comma|comma expected/i, 'the problem’s message is in the request');
    assert.ok(!sent.includes('never-leaves-the-machine'), '.env was read and sent');
    assert.ok(!sent.includes('"name": "demo"'), 'the suggested file that was not turned on was sent');
    assert.ok(sent.includes('What is wrong here?'));
    // The sent message keeps its chips; the composer's attached ones are gone (the suggestion stays).
    const question = frame.locator('article.message.user').last();
    assert.equal(await question.locator('.chip').count(), 3);
    assert.equal(await pendingChip(frame, 'api.ts').count(), 0);
    // A sent chip opens what it refers to.
    await question.locator('.chip', { hasText: 'api.ts' }).locator('.chip-body').click();
    await page.locator('.tab.active', { hasText: 'api.ts' }).waitFor({ timeout: 20_000 });
  });

  it('Add to Chat from the explorer on two selected files gives two chips', async function () {
    this.timeout(120_000);
    const { page } = editor();
    await runFromCommandPalette(page, 'Switchboard: New Chat');
    const explorer = page.locator('.explorer-folders-view');
    // The Explorer's icon in the activity bar, as a person opens it; the palette's "View: Show Explorer" if a tooltip
    // or a badge is in the way.
    const opened = await page
      .locator('.activitybar .action-item a[aria-label^="Explorer"]')
      .first()
      .click({ timeout: 5_000 })
      .then(() => explorer.waitFor({ timeout: 10_000 }))
      .then(() => true)
      .catch(() => false);
    if (!opened) await runFromCommandPalette(page, 'View: Show Explorer');
    await explorer.waitFor({ timeout: 20_000 });
    const row = (name: string) => explorer.locator('.monaco-list-row', { hasText: new RegExp(`^\\s*${name.replace('.', '\\.')}\\s*$`) });
    // Open api.ts and reveal it in the explorer (expanding src/server) rather than clicking folders, which races with
    // the explorer's own reveal of the active file (a click on a folder it just expanded collapses it).
    if ((await row('api.ts').count()) === 0) {
      await runFromCommandPalette(page, 'Go to File...', { keepOpen: true });
      await page.keyboard.type('src/server/api.ts');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'api.ts' }).first().waitFor({ timeout: 20_000 });
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: 'api.ts' }).waitFor({ timeout: 20_000 });
      // Already the active editor, it is not revealed again by itself: ask for it.
      await runFromCommandPalette(page, 'File: Reveal Active File in Explorer View');
    }
    await row('api.ts').first().waitFor({ timeout: 20_000 });
    await row('db.ts').first().waitFor({ timeout: 20_000 });
    await row('api.ts').first().click();
    await row('db.ts')
      .first()
      .click({ modifiers: ['Control'] });
    await row('db.ts').first().click({ button: 'right', modifiers: [] });
    const item = page.locator('.context-view .action-item', { hasText: /^Add to Chat$/ }).first();
    await item.waitFor({ timeout: 15_000 });
    // The menu reacts to the item's link; a click while it is still opening can be lost, so Enter on the hovered
    // item is the fallback (the menu stays open until one of them takes).
    await item.locator('a.action-menu-item').click();
    if (await item.isVisible()) {
      // The click may still take while this runs (the menu then closes): Enter only on an item still hovered.
      const hovered = await item
        .hover({ timeout: 2_000 })
        .then(() => true)
        .catch(() => false);
      if (hovered && (await item.isVisible())) await page.keyboard.press('Enter');
    }
    const frame = await findWebviewFrame(page, '#input');
    await pendingChip(frame, 'api.ts').waitFor({ timeout: 20_000 });
    await pendingChip(frame, 'db.ts').waitFor({ timeout: 20_000 });
    assert.equal(await frame.locator('.composer-chips .chip:not(.chip-suggested)').count(), 2);
    await saveScreenshot(editor(), 'add to chat from the explorer');
  });

  it('the meter warns before a message that does not fit the model’s context window', async function () {
    this.timeout(60_000);
    const frame = await chatFrame();
    const meter = frame.locator('.context-meter');
    await meter.waitFor({ state: 'visible', timeout: 20_000 });
    // The fake lists fake-model-a with a 16,000-token window, as Groq's and vLLM's lists say it.
    assert.match((await meter.textContent()) ?? '', /16/);
    const warning = frame.locator('#context-meter-warning');
    assert.equal(await warning.isVisible(), false);
    await frame.locator('#input').fill('word '.repeat(14_000));
    await warning.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await warning.textContent()) ?? '', /leaves out the oldest messages first/);
    await saveScreenshot(editor(), 'context meter warning');
    await frame.locator('#input').fill('');
    await warning.waitFor({ state: 'hidden', timeout: 10_000 });
  });
});

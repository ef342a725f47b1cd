// Keys as the live services judge them, seen in the real editor: Gemini refuses a key with HTTP 400
// API_KEY_INVALID (the chat must say the key was rejected and offer to set it, not offer Retry), and OpenRouter's
// model list is public, so "Set API Key" must ask its `/key` endpoint (rejecting a bad key, showing a good key's
// credit). Each test points a provider entry at a fake server it starts, and puts the user settings back after.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Frame } from 'playwright-core';
import type { FakeHttpServer } from '../unit/fakes/fakeHttpServer';
import { runFromCommandPalette } from './harness/commandPalette';
import { saveScreenshot } from './harness/failureArtifacts';
import { startFakeGemini, startFakeOpenRouter } from './harness/fakeProviderServers';
import { editor, fakeServers } from './harness/rootHooks';
import { userSetting } from './harness/userSettings';
import { findWebviewFrame } from './harness/webviewFrames';
import { clearNotifications, notification, quickInput, quickPickRow, statusBarItem } from './harness/workbench';

/** The user's value of a setting now, from the profile's settings file (read again while the editor is writing it). */
/** Runs `body` with the given user settings changed, and puts their earlier values back whatever happens. */
async function withUserSettings(changes: Record<string, (before: unknown) => unknown>, body: () => Promise<void>): Promise<void> {
  const { bridge } = editor();
  const before = new Map<string, unknown>();
  for (const key of Object.keys(changes)) before.set(key, await userSetting(key));
  try {
    for (const [key, change] of Object.entries(changes)) await bridge.setUserSetting(key, change(before.get(key)));
    await body();
  } finally {
    for (const [key, value] of before) await bridge.setUserSetting(key, value);
  }
}

const addEntry =
  (entry: Record<string, unknown>) =>
  (before: unknown): unknown[] => [...(Array.isArray(before) ? before : []), entry];

/** Types a key into the password box "Set API Key" opens. */
async function typeKey(key: string): Promise<void> {
  const { page } = editor();
  const password = page.locator('.quick-input-widget input[type="password"]');
  await password.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.type(key);
  await page.keyboard.press('Enter');
}

/**
 * Lets the notifications settle for a screenshot: the "Checking the key…" progress gone, the toast of the invalid
 * entry the shared settings hold on purpose (it comes back whenever the providers change) closed, animations done.
 */
async function settleToasts(): Promise<void> {
  const { page } = editor();
  await page
    .locator('.notifications-toasts .notification-toast', { hasText: /Checking the .* key/ })
    .waitFor({ state: 'hidden', timeout: 15_000 });
  const broken = page.locator('.notifications-toasts .notification-toast', { hasText: 'broken-entry' });
  for (const toast of await broken.all())
    await toast
      .locator('.codicon-notifications-clear')
      .click({ timeout: 2000 })
      .catch(() => undefined);
  await page.waitForTimeout(500);
}

async function waitUntil(what: string, probe: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function chatFrame(): Promise<Frame> {
  await runFromCommandPalette(editor().page, 'Switchboard: Open Chat');
  return findWebviewFrame(editor().page, '#input');
}

describe('provider keys as the live services judge them, in the real editor', () => {
  const servers: FakeHttpServer[] = [];

  afterEach(async () => {
    await clearNotifications(editor().page);
    await editor()
      .bridge.executeCommand('notifications.clearAll')
      .catch(() => undefined);
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it('says a key Gemini answers with 400 API_KEY_INVALID was rejected, in the key check and in the chat, and offers to set it', async () => {
    const { page, bridge } = editor();
    // Made up for this run; they only ever reach the local fake.
    const goodKey = `AIzaE2E${randomBytes(12).toString('hex')}`;
    const badKey = `AIzaBAD${randomBytes(12).toString('hex')}`;
    const gemini = await startFakeGemini(goodKey);
    servers.push(gemini);
    const entry = { id: 'gemini-fake', kind: 'gemini', label: 'Gemini (fake)', baseUrl: `${gemini.origin}/v1beta`, requiresKey: true };

    await withUserSettings(
      { 'switchboard.providers': addEntry(entry), 'switchboard.chat.model': () => 'gemini-fake/gemini-2.5-flash' },
      async () => {
        try {
          const set = bridge.executeCommand<{ check: string }>('switchboard.setApiKey', { provider: 'gemini-fake' });
          await typeKey(badKey);
          assert.equal((await set).check, 'rejected');
          const warning = notification(page, 'did not accept it');
          await warning.waitFor({ state: 'visible', timeout: 30_000 });
          assert.match(
            (await warning.textContent()) ?? '',
            /The key was saved, but Gemini \(fake\) did not accept it: The Gemini \(fake\) API key was rejected \(400\)\./,
          );
          await settleToasts();
          await saveScreenshot(editor(), 'gemini key rejected notification');
          await clearNotifications(page);

          await runFromCommandPalette(page, 'Switchboard: New Chat');
          const frame = await chatFrame();
          const sentBefore = gemini.requests.filter((r) => r.method === 'POST').length;
          await frame.locator('#input').fill('Hello, Gemini');
          await frame.locator('#input').press('Enter');
          const answer = frame.locator('article.message.assistant').last();
          const error = answer.locator('.message-error');
          await error.locator('.error-text', { hasText: 'API key was rejected' }).waitFor({ timeout: 30_000 });
          assert.match(
            (await error.locator('.error-text').textContent()) ?? '',
            /The Gemini \(fake\) API key was rejected \(400\)\. Set a new key with “Switchboard: Set API Key”\./,
          );
          const buttons = await error.locator('.error-actions button').allTextContents();
          assert.equal(buttons[0], 'Set the API key', `actions: ${buttons.join(' | ')}`);
          assert.ok(!buttons.includes('Retry'), `a rejected key is not retried: ${buttons.join(' | ')}`);
          const posts = gemini.requests.filter((r) => r.method === 'POST').slice(sentBefore);
          assert.equal(posts.length, 1, 'the chat request was sent once');
          assert.equal(posts[0]?.headers['x-goog-api-key'], badKey);
          await frame.locator('#send').waitFor({ state: 'visible', timeout: 10_000 });
          await saveScreenshot(editor(), 'gemini key rejected in the chat');

          // The action opens "Set API Key" for the provider that rejected the key, straight at the password box.
          await error.locator('.error-actions button', { hasText: 'Set the API key' }).click();
          await page.locator('.quick-input-widget input[type="password"]').waitFor({ state: 'visible', timeout: 15_000 });
          await quickInput(page).getByText('API key for Gemini (fake)').waitFor({ state: 'visible', timeout: 15_000 });
          await page.keyboard.press('Escape');
          // Later suites start from an empty chat, not from this failed one.
          await runFromCommandPalette(page, 'Switchboard: New Chat');
        } finally {
          await bridge.executeCommand('switchboard.removeApiKey', { provider: 'gemini-fake' }).catch(() => undefined);
        }
      },
    );
  });

  it('checks an OpenRouter key with /key: rejects a bad one though the model list is public, and shows a good one’s credit', async () => {
    const { page, bridge } = editor();
    const goodKey = `sk-or-v1-e2e${randomBytes(16).toString('hex')}`;
    const badKey = `sk-or-v1-bad${randomBytes(16).toString('hex')}`;
    const openRouter = await startFakeOpenRouter({ goodKey, key: { limit: 10, usage: 2.5 } });
    servers.push(openRouter);

    await withUserSettings(
      { 'switchboard.providers': addEntry({ id: 'openrouter', baseUrl: `${openRouter.origin}/api/v1` }) },
      async () => {
        try {
          // As a person would: the Command Palette, the provider picker, the password box.
          await runFromCommandPalette(page, 'Switchboard: Set API Key', { keepOpen: true });
          await quickInput(page).locator('input').fill('OpenRouter');
          const row = quickPickRow(page, /OpenRouter/);
          await row.waitFor({ state: 'visible', timeout: 15_000 });
          assert.match((await row.textContent()) ?? '', new RegExp(openRouter.origin.replace(/[.]/g, '\\.')));
          await page.keyboard.press('Enter');
          await typeKey(badKey);
          const warning = notification(page, 'did not accept it');
          await warning.waitFor({ state: 'visible', timeout: 30_000 });
          assert.match(
            (await warning.textContent()) ?? '',
            /The key was saved, but OpenRouter did not accept it: The OpenRouter API key was rejected \(401\)\./,
          );
          const checks = openRouter.requests.filter((r) => r.url === '/api/v1/key');
          assert.equal(checks.at(-1)?.headers.authorization, `Bearer ${badKey}`);
          await settleToasts();
          await saveScreenshot(editor(), 'openrouter bad key rejected');
          await clearNotifications(page);

          const set = bridge.executeCommand<{ check: string }>('switchboard.setApiKey', { provider: 'openrouter' });
          await typeKey(goodKey);
          assert.equal((await set).check, 'works');
          const works = notification(page, 'The OpenRouter key works');
          await works.waitFor({ state: 'visible', timeout: 30_000 });
          assert.match((await works.textContent()) ?? '', /The OpenRouter key works: \$7\.50 of its \$10\.00 limit left\./);
          await settleToasts();
          await saveScreenshot(editor(), 'openrouter key works with credit');
        } finally {
          await bridge.executeCommand('switchboard.removeApiKey', { provider: 'openrouter' }).catch(() => undefined);
        }
      },
    );
  });

  it('leaves models that cannot chat out of the model picker, and still takes one typed by hand', async () => {
    const { page } = editor();
    const { user } = fakeServers();
    const models = user.models;
    // What an OpenAI-compatible list really holds beside the chat models.
    user.models = [...models, 'text-embedding-3-small', 'tts-1', 'whisper-1'];
    // Whatever model earlier suites chose comes back afterwards.
    const chosenBefore = String(await userSetting('switchboard.chat.model'));
    await withUserSettings({ 'switchboard.chat.model': (before) => before }, async () => {
      try {
        await runFromCommandPalette(page, 'Switchboard: Select Chat Model', { keepOpen: true });
        // The lists are asked for as the picker opens; once they are shown, Refresh asks again.
        await quickPickRow(page, 'Local fake · fake-model-b').waitFor({ state: 'visible', timeout: 30_000 });
        const listed = user.requestsTo('/v1/models').length;
        await quickPickRow(page, 'Refresh the lists').click();
        await waitUntil('the lists to be asked again', () => user.requestsTo('/v1/models').length > listed);
        await quickInput(page).locator('input').fill('fake-model-b');
        await quickPickRow(page, 'Local fake · fake-model-b').waitFor({ state: 'visible', timeout: 30_000 });
        for (const id of ['text-embedding-3-small', 'tts-1', 'whisper-1']) {
          await quickInput(page).locator('input').fill(id);
          await quickPickRow(page, 'Type a model id').waitFor({ state: 'visible', timeout: 10_000 });
          assert.equal(await quickPickRow(page, id).count(), 0, `${id} is offered`);
        }
        await saveScreenshot(editor(), 'model picker without non-chat models');
        // Typed by hand, any id is taken.
        // "Type a model id…" is always shown first, so Enter opens its box with what was typed; Enter takes it.
        await quickInput(page).locator('input').fill('local-fake/whisper-1');
        await page.keyboard.press('Enter');
        await quickInput(page).filter({ hasText: 'Write providerId/modelId' }).waitFor({ state: 'visible', timeout: 10_000 });
        assert.equal(await quickInput(page).locator('input').inputValue(), 'local-fake/whisper-1');
        await page.keyboard.press('Enter');
        await statusBarItem(page, 'whisper-1').waitFor({ state: 'visible', timeout: 15_000 });
      } finally {
        user.models = models;
      }
    });
    await statusBarItem(page, chosenBefore.slice(chosenBefore.indexOf('/') + 1)).waitFor({ state: 'visible', timeout: 15_000 });
  });
});

// Cost and budgets in the real editor (issue 19, docs/spend.md): an answer shows what it cost next to its tokens
// (cached input priced as cached), the conversation its total; with a tiny daily budget a send is held back with the
// choice, and "Send once anyway" sends exactly one request. The fake OpenAI server reports usage as OpenAI does,
// cached tokens included; the provider entry sets its own prices (a loopback server is otherwise free).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { runFromCommandPalette } from './harness/commandPalette';
import { saveScreenshot } from './harness/failureArtifacts';
import { editor, fakeServers } from './harness/rootHooks';
import { userSetting } from './harness/userSettings';
import { findWebviewFrame } from './harness/webviewFrames';

const pricedEntry = {
  id: 'priced-fake',
  kind: 'openai',
  label: 'Priced fake',
  requiresKey: false,
  prices: { 'fake-model-a': { input: 2.5, output: 10, cachedInput: 1.25 } },
};

async function chatFrame(): Promise<Frame> {
  await runFromCommandPalette(editor().page, 'Switchboard: Open Chat');
  return findWebviewFrame(editor().page, '#input');
}

async function send(frame: Frame, text: string): Promise<void> {
  await frame.locator('#input').fill(text);
  await frame.locator('#input').press('Enter');
}

describe('cost and budgets in the real editor', () => {
  const keys = ['switchboard.providers', 'switchboard.chat.model', 'switchboard.budget.daily'];
  const settingsBefore = new Map<string, unknown>();

  before(async () => {
    for (const key of keys) settingsBefore.set(key, await userSetting(key));
    const { user } = fakeServers();
    const providers = (settingsBefore.get('switchboard.providers') as unknown[] | undefined) ?? [];
    await editor().bridge.setUserSetting('switchboard.providers', [
      ...providers,
      { ...pricedEntry, baseUrl: `${user.origin}/v1` },
      // gpt-image-1 priced by its tokens: $5 per million in, $40 per million out.
      {
        id: 'priced-images',
        kind: 'openai',
        requiresKey: false,
        baseUrl: `${user.origin}/v1`,
        prices: { 'gpt-image-1': { input: 5, output: 40 } },
      },
    ]);
    await editor().bridge.setUserSetting('switchboard.chat.model', 'priced-fake/fake-model-a');
  });

  after(async () => {
    const { user } = fakeServers();
    user.usage = (pieces) => ({ prompt: 11, completion: pieces.length, cached: 0 });
    for (const [key, value] of settingsBefore) await editor().bridge.setUserSetting(key, value);
  });

  it('shows each answer’s cost next to its tokens, and the conversation’s total', async () => {
    const { user } = fakeServers();
    user.reply = () => ({ pieces: ['Forty', '-two.'] });
    // 2,000 prompt tokens of which 1,500 cached, 400 out: 500 × $2.50 + 1,500 × $1.25 + 400 × $10 per million = $0.007125.
    user.usage = () => ({ prompt: 2000, completion: 400, cached: 1500 });
    await runFromCommandPalette(editor().page, 'Switchboard: New Chat');
    const frame = await chatFrame();
    await send(frame, 'What is six times seven?');
    const answer = frame.locator('article.message.assistant').last();
    await answer.locator('.message-body', { hasText: 'Forty-two.' }).waitFor({ timeout: 30_000 });
    const usage = answer.locator('.message-footer .usage');
    await usage.filter({ hasText: '$' }).waitFor({ timeout: 15_000 });
    assert.equal(await usage.textContent(), '2000 tokens in (1500 cached), 400 out · $0.0071');
    const total = frame.locator('.conversation-cost');
    await total.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await total.textContent(), '$0.0071');
    await saveScreenshot(editor(), 'answer with its cost', { selector: '.part.sidebar' });

    // A second answer adds to the total.
    user.usage = () => ({ prompt: 1000, completion: 100, cached: 0 });
    await send(frame, 'And seven times eight?');
    await frame
      .locator('article.message.assistant')
      .nth(1)
      .locator('.message-footer .usage', { hasText: '$0.0035' })
      .waitFor({ timeout: 30_000 });
    await total.filter({ hasText: '$0.011' }).waitFor({ timeout: 10_000 });
  });

  it('says what a generated image cost in its notification and its sidecar', async () => {
    const uris = await editor().bridge.executeCommand<string[]>('switchboard.generateImage', {
      prompt: 'a priced lighthouse',
      model: 'priced-images/gpt-image-1',
      insertReference: false,
    });
    assert.equal(uris.length, 1);
    // The fake reports OpenAI's usage for it: 12 tokens in, 1,056 out = $0.0423.
    const sidecar = JSON.parse(readFileSync(new URL(uris[0] ?? '').pathname.replace(/\.png$/, '.json'), 'utf8')) as { cost?: unknown };
    assert.deepEqual(sidecar.cost, { usd: 0.0423 });
    const toast = editor().page.locator('.notifications-toasts .notification-toast', { hasText: 'Cost: $0.042.' });
    await toast.waitFor({ timeout: 15_000 });
    assert.match((await toast.textContent()) ?? '', /Saved .*a-priced-lighthouse.*\.png\. Cost: \$0\.042\./);
    await saveScreenshot(editor(), 'image notification with its cost');
    await toast
      .locator('.codicon-notifications-clear')
      .click()
      .catch(() => undefined);
  });

  it('holds a send over the daily budget with the choice, and "Send once anyway" sends exactly one request', async () => {
    const { user } = fakeServers();
    user.reply = () => ({ pieces: ['Sent once.'] });
    user.usage = () => ({ prompt: 20, completion: 3, cached: 0 });
    await editor().bridge.setUserSetting('switchboard.budget.daily', 0.001);
    await runFromCommandPalette(editor().page, 'Switchboard: New Chat');
    const frame = await chatFrame();
    const before = user.requestsTo('/chat/completions').length;
    await send(frame, 'Tell me a long story.');

    const error = frame.locator('article.message.assistant .message-error').last();
    await error.locator('.error-text').waitFor({ timeout: 30_000 });
    // Held before anything was sent: by its worst case, or because today's spend already passed $0.001.
    assert.match(
      (await error.locator('.error-text').textContent()) ?? '',
      /(more than is left of|Nothing is left of) the daily budget: .*\$0\.001\b/,
    );
    assert.equal(user.requestsTo('/chat/completions').length, before, 'a request over the budget was sent');
    const sendOnce = error.getByRole('button', { name: 'Send once anyway' });
    await error.getByRole('button', { name: 'Raise budget' }).waitFor({ timeout: 10_000 });
    await saveScreenshot(editor(), 'send held by the daily budget', { selector: '.part.sidebar' });

    await sendOnce.click();
    await frame.locator('article.message.assistant .message-body', { hasText: 'Sent once.' }).last().waitFor({ timeout: 30_000 });
    assert.equal(user.requestsTo('/chat/completions').length, before + 1);

    // The allowance was for that one request: the next send is held again, and nothing more is sent.
    await send(frame, 'One more?');
    await frame.locator('article.message.assistant').last().locator('.message-error .error-text').waitFor({ timeout: 30_000 });
    assert.equal(user.requestsTo('/chat/completions').length, before + 1);
  });
});

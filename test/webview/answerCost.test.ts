// What answers and the conversation cost, in the real chat view (src/webview/main.ts, messageList.ts, toolbar.ts)
// in headless Chromium (docs/spend.md "Cost"): the cost after each answer's tokens — known, estimated, unknown —, the
// conversation's total in the title row, grown when a later answer's cost arrives, a held request's Raise budget /
// Send once anyway buttons posting their actions; in Russian too.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { ExtensionToWebviewMessage, MessageView } from '../../src/shared/webviewProtocol';
import { chatViewSession, initMessage } from './harness/chatViewSession';

const answer = (id: string, extra: Partial<MessageView>): MessageView => ({
  id,
  role: 'assistant',
  content: `Answer ${id}.`,
  status: 'complete',
  provider: 'openai',
  model: 'gpt-4o',
  ...extra,
});

const messages: MessageView[] = [
  { id: 'u1', role: 'user', content: 'One' },
  answer('a1', { usage: { inputTokens: 2000, outputTokens: 400, cachedInputTokens: 1500 }, cost: { usd: 0.007125 } }),
  { id: 'u2', role: 'user', content: 'Two' },
  answer('a2', { usage: { inputTokens: 100, outputTokens: 30 }, cost: { usd: 0.0021, estimated: true } }),
  { id: 'u3', role: 'user', content: 'Three' },
  answer('a3', { usage: { inputTokens: 10, outputTokens: 3 }, cost: { unknown: true } }),
];

function init(list: MessageView[]): ExtensionToWebviewMessage {
  return initMessage(list, {
    conversation: { id: 'c1', title: 'Costs', messages: list, cost: { usd: 0.007125 + 0.0021, estimated: true, unknown: true } },
    currentModel: 'openai/gpt-4o',
  });
}

describe('chat view: what answers cost', function () {
  this.timeout(60_000);
  const chat = chatViewSession({ viewport: { width: 360, height: 600 } });
  const { call } = chat;
  let page: Page;
  before(() => {
    page = chat.page;
  });

  const open = (lang = 'en', list = messages): Promise<void> => chat.open(lang, init(list));

  const usageOf = (id: string) => page.locator(`article[data-id="${id}"] .message-footer .usage`);

  it('shows each answer’s cost after its tokens, and the conversation’s total in the title row', async () => {
    await open();
    assert.equal(await usageOf('a1').innerText(), '2000 tokens in (1500 cached), 400 out · $0.0071');
    assert.equal(await usageOf('a2').innerText(), '100 tokens in, 30 out · ≈ $0.0021 (estimated)');
    assert.equal(await usageOf('a3').innerText(), '10 tokens in, 3 out · cost unknown');
    assert.equal(await page.locator('.conversation-cost').innerText(), '$0.0092 + unknown');
    assert.equal(await page.locator('.conversation-cost').getAttribute('title'), 'What this conversation cost');
  });

  it('adds an answer’s cost to the total when it arrives', async () => {
    await open('en', messages.slice(0, 2));
    assert.equal(await page.locator('.conversation-cost').innerText(), '$0.0092 + unknown');
    await call('deliver', { type: 'message', message: { id: 'u9', role: 'user', content: 'Again' } });
    await call('deliver', { type: 'message', message: answer('a9', { status: 'streaming' }) });
    await call('deliver', { type: 'message', message: answer('a9', { usage: { inputTokens: 1, outputTokens: 1 }, cost: { usd: 0.05 } }) });
    await page.locator('.conversation-cost', { hasText: '$0.059' }).waitFor({ timeout: 10_000 });
    // The same cost again (the answer redrawn) is not counted twice.
    await call('deliver', { type: 'message', message: answer('a9', { usage: { inputTokens: 1, outputTokens: 1 }, cost: { usd: 0.05 } }) });
    assert.equal(await page.locator('.conversation-cost').innerText(), '$0.059 + unknown');
  });

  it('offers Raise budget and Send once anyway on a held request, and posts them', async () => {
    await open('en', [
      { id: 'u1', role: 'user', content: 'Long story' },
      answer('a1', {
        content: '',
        status: 'error',
        error: { kind: 'quota', message: 'Nothing is left of the daily budget.', actions: ['raiseBudget', 'sendAnyway'] },
      }),
    ]);
    await page.getByRole('button', { name: 'Send once anyway' }).click();
    await page.getByRole('button', { name: 'Raise budget' }).click();
    const posted = (await call('posted')).filter((message) => message.type === 'errorAction');
    assert.deepEqual(posted, [
      { type: 'errorAction', action: 'sendAnyway', messageId: 'a1' },
      { type: 'errorAction', action: 'raiseBudget', messageId: 'a1' },
    ]);
  });

  it('speaks Russian', async () => {
    await open('ru');
    assert.equal(await usageOf('a2').innerText(), 'токенов: 100 на входе, 30 на выходе · ≈ $0.0021 (оценка)');
    assert.equal(await usageOf('a3').innerText(), 'токенов: 10 на входе, 3 на выходе · стоимость неизвестна');
  });
});

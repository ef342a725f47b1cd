// An answer of the semantic cache in the real chat view (src/webview/main.ts, its CSS, under the webview's CSP) in
// headless Chromium (docs/moderation-and-caching.md): marked "from cache" with the earlier question it was given to,
// and "Ask fresh" posts `askFresh` for that answer; in Russian too. An answer of the exact response cache keeps its own
// badge and offers no Ask fresh; an answer that is not cached shows neither.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { ExtensionToWebviewMessage, MessageView } from '../../src/shared/webviewProtocol';
import { chatViewSession, initMessage } from './harness/chatViewSession';

const messages: MessageView[] = [
  { id: 'u1', role: 'user', content: 'python: how to turn a list backwards' },
  {
    id: 'a1',
    role: 'assistant',
    content: 'Use reversed().',
    status: 'complete',
    provider: 'openai',
    model: 'gpt-4o-mini',
    cached: true,
    cachedQuestion: 'How do I reverse a list in Python?',
  },
  { id: 'u2', role: 'user', content: 'And a tuple?' },
  { id: 'a2', role: 'assistant', content: 'The same.', status: 'complete', provider: 'openai', model: 'gpt-4o-mini', cached: true },
];

function init(list: MessageView[]): ExtensionToWebviewMessage {
  return initMessage(list);
}

describe('chat view: an answer of the semantic cache', function () {
  this.timeout(60_000);
  const chat = chatViewSession({ viewport: { width: 360, height: 600 } });
  const { call } = chat;
  let page: Page;
  before(() => {
    page = chat.page;
  });

  const open = (lang = 'en'): Promise<void> => chat.open(lang, init(messages));

  it('says "from cache" with the original question, and Ask fresh posts askFresh for the answer', async () => {
    await open();
    const semantic = page.locator('article[data-id="a1"]');
    assert.match(await semantic.locator('.message-header').innerText(), /from cache/);
    assert.equal(
      await semantic.locator('.semantic-cache-question').innerText(),
      'Answered from the cache, for an earlier similar question: “How do I reverse a list in Python?”',
    );
    await page.screenshot({ path: 'out/screenshots/webview-semantic-cache.png' });
    await semantic.locator('button.ask-fresh').click();
    const posted = (await call('posted')).filter((message) => message.type === 'askFresh');
    assert.deepEqual(posted, [{ type: 'askFresh', messageId: 'a1' }]);

    const exact = page.locator('article[data-id="a2"]');
    assert.match(await exact.locator('.message-header').innerText(), /from the response cache/);
    assert.equal(await exact.locator('.semantic-cache').count(), 0);
  });

  it('drops the line when the answer is answered fresh, and speaks Russian', async () => {
    await open('ru');
    const semantic = page.locator('article[data-id="a1"]');
    assert.equal((await semantic.locator('button.ask-fresh').innerText()).trim(), 'Спросить заново');
    assert.match(await semantic.locator('.semantic-cache-question').innerText(), /^Ответ из кэша — на прежний похожий вопрос: «How do I/);
    const { cached: _cached, cachedQuestion: _question, ...fresh } = messages[1]!;
    await call('deliver', { type: 'message', message: fresh });
    await semantic.locator('.semantic-cache').waitFor({ state: 'detached', timeout: 10_000 });
    assert.doesNotMatch(await semantic.locator('.message-header').innerText(), /кэш/);
  });
});

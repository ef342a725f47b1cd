// Completions and the chat never hold each other up (src/core/completions/completionService.ts): separate rate-limit
// budgets (the configured ones and those a provider announces), separate circuit breakers; and a completion never
// waits for its budget. Against one local OpenAI-compatible server that answers both chat and /completions.
import * as assert from 'node:assert/strict';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import type { ProviderSetting } from '../../../src/core/config/switchboardSettings';
import type { ProviderEngine } from '../../../src/core/providerEngine';
import { collect, textOf } from '../fakes/chatTestKit';
import { expectProviderFailure } from '../fakes/expectProviderFailure';
import type { RecordedRequest, ScriptedResponse } from '../fakes/fakeHttpServer';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { openAiRateLimitHeaders, openAiServerError, openAiStream } from '../fakes/openAiFake';
import { completionEngine, completionRequest } from './completionTestKit';
import { textCompletion } from './openAiCompletionsFake';

const model = 'qwen2.5-coder-7b';
const chatRequest = (signal?: AbortSignal): Parameters<ProviderEngine['chat']>[1] => ({
  messages: [{ role: 'user', parts: [{ type: 'text', text: 'hello' }] }],
  ...(signal !== undefined ? { signal } : {}),
});

describe('completions and the chat keep separate budgets and breakers', () => {
  const fake = fakeServerPerTest();
  const isCompletion = (request: RecordedRequest): boolean => request.url === '/v1/completions';
  const chatsSeen = (): number => fake.server.requests.filter((request) => !isCompletion(request)).length;
  const completionsSeen = (): number => fake.server.requests.filter(isCompletion).length;

  function serve(answers: { chat?: () => ScriptedResponse; completion?: () => ScriptedResponse } = {}): void {
    fake.server.onRequest((request) =>
      isCompletion(request) ? (answers.completion?.() ?? textCompletion('a + b;')) : (answers.chat?.() ?? openAiStream(['hi'])),
    );
  }

  function engine(entry: Partial<ProviderSetting> = {}): ProviderEngine {
    return completionEngine([{ id: 'lmstudio', baseUrl: `${fake.server.origin}/v1`, ...entry }]);
  }

  it('a chat waiting for its budget does not hold back a completion of the same model', async () => {
    serve();
    const both = engine({ rateLimits: { requestsPerMinute: 1 } });
    assert.equal(textOf(await collect(both.chat([`lmstudio/${model}`], chatRequest()))), 'hi');

    const stop = new AbortController();
    const waiting = both.chat([`lmstudio/${model}`], chatRequest(stop.signal))[Symbol.asyncIterator]();
    const first = await waiting.next();
    assert.equal((first.value as ChatEvent | undefined)?.type, 'rate-limit-wait', 'the second chat waits for the next minute');

    const result = await both.complete(`lmstudio/${model}`, completionRequest());
    assert.equal(result.text, 'a + b;');
    assert.equal(completionsSeen(), 1);
    assert.equal(chatsSeen(), 1, 'the chat is still waiting');

    stop.abort();
    for (let step = await waiting.next(); step.done !== true; step = await waiting.next());
    assert.equal(chatsSeen(), 1);
  });

  it('a completion over its budget is not sent, and does not wait; the chat’s budget is untouched', async () => {
    serve();
    const both = engine({ rateLimits: { requestsPerMinute: 1 } });
    await both.complete(`lmstudio/${model}`, completionRequest());
    const refused = await expectProviderFailure(both.complete(`lmstudio/${model}`, completionRequest()));
    assert.equal(refused.kind, 'rate-limit');
    assert.equal(refused.messageId, 'completion.rateLimited');
    assert.ok(refused.retryAfterMs !== undefined && refused.retryAfterMs > 0);
    assert.equal(completionsSeen(), 1, 'nothing sent');

    const events = await collect(both.chat([`lmstudio/${model}`], chatRequest()));
    assert.equal(textOf(events), 'hi');
    assert.equal(
      events.some((event) => event.type === 'rate-limit-wait'),
      false,
      'the chat spent nothing of its budget on completions',
    );
  });

  it('limits a completion’s answer announces apply to completions only, and a chat’s to the chat only', async () => {
    const spent = openAiRateLimitHeaders({ limitRequests: 10, remainingRequests: 0, resetRequests: '20s' });
    serve({ completion: () => textCompletion('a + b;', { headers: spent }), chat: () => openAiStream(['hi'], { headers: spent }) });
    const both = engine();
    await both.complete(`lmstudio/${model}`, completionRequest());
    const events = await collect(both.chat([`lmstudio/${model}`], chatRequest()));
    assert.equal(
      events.some((event) => event.type === 'rate-limit-wait'),
      false,
      'a completion’s announcement does not delay the chat',
    );

    const refused = await expectProviderFailure(both.complete(`lmstudio/${model}`, completionRequest()));
    assert.equal(refused.kind, 'rate-limit', 'completions heed what their own answer announced, without waiting');
    assert.equal(completionsSeen(), 1);

    const other = engine();
    await collect(other.chat([`lmstudio/${model}`], chatRequest()));
    assert.equal(
      (await other.complete(`lmstudio/${model}`, completionRequest())).text,
      'a + b;',
      'a chat’s announcement does not stop completions',
    );
  });

  it('pauses completions after repeated failures, quietly, while the chat to the same provider goes on', async () => {
    serve({ completion: () => openAiServerError() });
    const both = engine();
    for (let i = 0; i < 3; i++)
      assert.equal((await expectProviderFailure(both.complete(`lmstudio/${model}`, completionRequest()))).kind, 'server');
    const paused = await expectProviderFailure(both.complete(`lmstudio/${model}`, completionRequest()));
    assert.equal(paused.code, 'circuit-open');
    assert.equal(paused.messageId, 'completion.paused');
    assert.match(paused.message, /^Completions from lmstudio failed several times in a row, so they are paused for about \d+ s\.$/);
    assert.equal(completionsSeen(), 3, 'nothing sent while paused');

    assert.equal(textOf(await collect(both.chat([`lmstudio/${model}`], chatRequest()))), 'hi');
  });

  it('does not count the user’s aborts as failures (they stay `cancelled`, never a timeout)', async () => {
    fake.server.onRequest((request) => (isCompletion(request) ? { silent: true } : openAiStream(['hi'])));
    const both = engine();
    for (let i = 0; i < 4; i++) {
      const error = await expectProviderFailure(both.complete(`lmstudio/${model}`, completionRequest({ signal: AbortSignal.timeout(20) })));
      assert.equal(error.kind, 'cancelled');
    }
    serve();
    assert.equal((await both.complete(`lmstudio/${model}`, completionRequest())).text, 'a + b;');
  });

  it('says so when no completion model is chosen, or its provider is not configured', async () => {
    const none = engine();
    const empty = await expectProviderFailure(none.complete('', completionRequest()));
    assert.equal(empty.messageId, 'completion.noModel');
    const unknown = await expectProviderFailure(none.complete('nobody/model', completionRequest()));
    assert.equal(unknown.kind, 'not-found');
    assert.equal(unknown.messageId, 'config.noSuchProvider');
    const sydney = await expectProviderFailure(none.complete('sydney/gpt-4', completionRequest()));
    assert.equal(sydney.messageId, 'completion.unsupportedProvider');
    assert.equal(fake.server.requests.length, 0);
  });
});

// The announced limits end to end: a fake OpenAI server that keeps a request budget the way OpenAI's "Rate limits"
// guide describes it (a bucket that refills continuously, `x-ratelimit-*` on every answer, 429 rate_limit_exceeded
// when empty), driven through ProviderEngine.chat. The next request waits (a `rate-limit-wait` event) before it
// reaches the server, instead of being refused. Time is compressed: the whole budget refills in 200 ms.
import * as assert from 'node:assert/strict';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import { ProviderEngine } from '../../../src/core/providerEngine';
import { collect, finalError, textOf } from '../fakes/chatTestKit';
import { FakeHttpServer, type ScriptedResponse } from '../fakes/fakeHttpServer';
import { openAiError, openAiRateLimitHeaders, openAiStream } from '../fakes/openAiFake';

/** One request per 200 ms, refilled continuously, as OpenAI's request limit behaves (scaled down from a minute). */
class RequestBudget {
  private available: number;
  private at = Date.now();
  refused = 0;

  constructor(
    private readonly limit: number,
    private readonly refillMs: number,
    startFull: boolean,
  ) {
    this.available = startFull ? limit : 0;
  }

  answer(pieces: readonly string[]): ScriptedResponse {
    const now = Date.now();
    this.available = Math.min(this.limit, this.available + ((now - this.at) * this.limit) / this.refillMs);
    this.at = now;
    // A little slack for timer granularity: a client timer may fire a millisecond before the server's clock agrees.
    if (this.available < 0.95) {
      this.refused += 1;
      const resetIn = this.resetIn();
      return openAiError(
        429,
        {
          message: `Rate limit reached for gpt-test in organization org-fake on requests per min (RPM): Limit ${this.limit}, Used ${this.limit}, Requested 1. Please try again in ${resetIn}.`,
          type: 'requests',
          code: 'rate_limit_exceeded',
        },
        this.headers(resetIn),
      );
    }
    this.available = Math.max(0, this.available - 1);
    return openAiStream(pieces, { model: 'gpt-test', headers: this.headers(this.resetIn()) });
  }

  private headers(resetIn: string): Record<string, string> {
    return openAiRateLimitHeaders({ limitRequests: this.limit, remainingRequests: Math.floor(this.available), resetRequests: resetIn });
  }

  /** Until the bucket is full again, as OpenAI writes it (`200ms`). */
  private resetIn(): string {
    return `${Math.ceil(((this.limit - this.available) * this.refillMs) / this.limit)}ms`;
  }
}

describe('announced rate limits over HTTP', () => {
  let server: FakeHttpServer;

  beforeEach(async () => {
    server = await FakeHttpServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  function engine(): ProviderEngine {
    const chat = new ProviderEngine({ credentials: () => Promise.resolve({ apiKey: 'sk-test-fake-key-for-rate-limits' }) });
    chat.configure({
      providers: [{ id: 'openai', baseUrl: `${server.origin}/v1` }],
      responseCache: false,
      http: { maxRetries: 0, firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000, env: {} },
    });
    return chat;
  }

  /** The events of one chat, each with how many requests the server had seen when it arrived. */
  async function chatOnce(chat: ProviderEngine, text: string): Promise<{ events: ChatEvent[]; seen: number[] }> {
    const events: ChatEvent[] = [];
    const seen: number[] = [];
    for await (const event of chat.chat(['openai/gpt-test'], { messages: [{ role: 'user', parts: [{ type: 'text', text: text }] }] })) {
      events.push(event);
      seen.push(server.requests.length);
    }
    return { events, seen };
  }

  it('waits for the announced reset after "0 requests remaining" instead of hitting a 429', async () => {
    const budget = new RequestBudget(1, 200, true);
    let answers = 0;
    server.onRequest(() => budget.answer([answers++ === 0 ? 'first' : 'second']));
    const chat = engine();

    const first = await chatOnce(chat, 'one');
    assert.equal(textOf(first.events), 'first');
    assert.equal(
      first.events.some((event) => event.type === 'rate-limit-wait'),
      false,
      'nothing announced yet',
    );

    const second = await chatOnce(chat, 'two');
    const waitIndex = second.events.findIndex((event) => event.type === 'rate-limit-wait');
    const wait = second.events[waitIndex];
    assert.ok(wait?.type === 'rate-limit-wait', JSON.stringify(second.events));
    assert.equal(wait.provider, 'openai');
    assert.equal(wait.model, 'gpt-test');
    assert.equal(wait.reason, 'requests-per-minute');
    assert.ok(wait.waitMs > 0 && wait.waitMs <= 200, `waitMs ${wait.waitMs}`);
    assert.equal(second.seen[waitIndex], 1, 'the wait was reported before the second request reached the server');
    assert.equal(textOf(second.events), 'second');
    assert.equal(server.requests.length, 2);
    assert.equal(budget.refused, 0, 'the server never had to refuse a request');
  });

  it('learns from a 429’s headers too: the next request waits for the reset rather than being refused again', async () => {
    const budget = new RequestBudget(1, 200, false);
    server.onRequest(() => budget.answer(['after the wait']));
    const chat = engine();

    const refused = await collect(chat.chat(['openai/gpt-test'], { messages: [{ role: 'user', parts: [{ type: 'text', text: 'one' }] }] }));
    assert.equal(finalError(refused).kind, 'rate-limit');
    assert.equal(budget.refused, 1);

    const second = await chatOnce(chat, 'two');
    const waitIndex = second.events.findIndex((event) => event.type === 'rate-limit-wait');
    assert.ok(waitIndex >= 0, JSON.stringify(second.events));
    assert.equal(second.seen[waitIndex], 1, 'the wait came before the request');
    assert.equal(textOf(second.events), 'after the wait');
    assert.equal(budget.refused, 1, 'no second 429');
  });
});

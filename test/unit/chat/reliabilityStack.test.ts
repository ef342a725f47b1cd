// The wrappers together, in the order the extension composes them: fallback over (cache over (rate limit over client)).
import * as assert from 'node:assert/strict';
import type { ChatProvider } from '../../../src/core/chat/chatTypes';
import { CircuitBreaker } from '../../../src/core/chat/circuitBreaker';
import { RateLimiter } from '../../../src/core/chat/rateLimiter';
import { ResponseCache } from '../../../src/core/chat/responseCache';
import { streamWithFallback } from '../../../src/core/chat/streamWithFallback';
import { withRateLimit } from '../../../src/core/chat/withRateLimit';
import { withResponseCache } from '../../../src/core/chat/withResponseCache';
import { FakeClock } from './fakeClock';
import { answer, collect, failure, fakeProvider, textOf, types } from './fakeProvider';

describe('reliability stack', () => {
  it('rate-limit waits, fallback and a cache hit that spends no rate-limit budget', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, limitsFor: () => ({ requestsPerMinute: 1 }) });
    const cache = new ResponseCache({ enabled: true, clock });
    const breaker = new CircuitBreaker({ clock });
    const wrap = (client: ChatProvider): ChatProvider => withResponseCache(withRateLimit(client, limiter), cache);
    const primaryClient = fakeProvider('openai', [failure('server', 'openai', 'gpt-4o', { status: 503 })]);
    const backupClient = fakeProvider('groq', [answer('groq', 'llama', 'Hi', { inputTokens: 3, outputTokens: 1 })]);
    const chain = [
      { provider: wrap(primaryClient), model: 'gpt-4o' },
      { provider: wrap(backupClient), model: 'llama' },
    ];
    const request = { messages: [{ role: 'user' as const, parts: [{ type: 'text' as const, text: 'hello' }] }], temperature: 0 };

    const first = await collect(streamWithFallback(chain, request, { breaker }));
    assert.deepEqual(types(first), ['model', 'fallback', 'model', 'text-delta', 'usage', 'done']);

    const second = await collect(streamWithFallback(chain, request, { breaker }));
    assert.deepEqual(types(second), ['rate-limit-wait', 'model', 'fallback', 'model', 'text-delta', 'usage', 'done']);
    const last = second.filter((event) => event.type === 'model').at(-1);
    assert.deepEqual(last, { type: 'model', provider: 'groq', model: 'llama', cached: true });
    assert.equal(textOf(second), 'Hi');
    assert.equal(backupClient.requests.length, 1, 'the second answer came from the cache');
    assert.equal(primaryClient.requests.length, 2);
  });
});

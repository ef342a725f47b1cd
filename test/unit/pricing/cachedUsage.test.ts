// Usage with cached tokens, read from each protocol's stream over a real local HTTP server and priced: OpenAI's
// `usage.prompt_tokens_details.cached_tokens` ("Prompt caching" guide), Anthropic's `cache_read_input_tokens` and
// `cache_creation_input_tokens` in message_start ("Prompt caching", "Tracking cache performance"), Gemini's
// `usageMetadata.cachedContentTokenCount` ("Context caching"). The fakes (test/unit/fakes) send them as those documents
// show them; the prices are the shipped table's (src/core/pricing/priceTable.ts).
import * as assert from 'node:assert/strict';
import type { ChatEvent, TokenUsage } from '../../../src/core/chat/chatTypes';
import { UsageTotals } from '../../../src/core/chat/usageTotals';
import { usageCost } from '../../../src/core/pricing/costOf';
import { findPrices } from '../../../src/core/pricing/findPrices';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { anthropicStream } from '../fakes/anthropicFake';
import { collect, textOf } from '../fakes/chatTestKit';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { geminiStream } from '../fakes/geminiFake';
import { openAiStream } from '../fakes/openAiFake';

function usageOf(events: readonly ChatEvent[]): TokenUsage {
  const totals = new UsageTotals();
  for (const event of events) totals.observe(event);
  return totals.usage;
}

const question = [{ role: 'user' as const, parts: [{ type: 'text' as const, text: 'Explain the cache.' }] }];

describe('usage with cached tokens, priced', () => {
  const fake = fakeServerPerTest();

  it('OpenAI: prompt_tokens_details.cached_tokens is the cached part of prompt_tokens', async () => {
    fake.server.onRequest(() =>
      openAiStream(['Cached.'], { usage: { prompt_tokens: 2006, completion_tokens: 300, prompt_tokens_details: { cached_tokens: 1920 } } }),
    );
    const provider = createChatProvider({ id: 'openai', baseUrl: fake.server.origin }, { apiKey: 'sk-FAKE' }, { http: fake.client() });
    const events = await collect(provider.streamChat({ model: 'gpt-4o-2024-08-06', messages: question }));
    assert.equal(textOf(events), 'Cached.');
    const usage = usageOf(events);
    assert.deepEqual(usage, { inputTokens: 2006, outputTokens: 300, cachedInputTokens: 1920 });
    // gpt-4o: $2.50 / M input, $1.25 / M cached, $10 / M output; the snapshot is priced as its family.
    const prices = findPrices({ id: 'openai', kind: 'openai', baseUrl: 'https://api.openai.com/v1' }, 'gpt-4o-2024-08-06');
    const usd = usageCost(prices, usage);
    assert.ok(usd !== undefined);
    assert.equal(usd.toFixed(8), ((86 * 2.5 + 1920 * 1.25 + 300 * 10) / 1e6).toFixed(8));
  });

  it('Anthropic: input, cache reads and cache writes add up to the input; writes cost 1.25x, reads a tenth', async () => {
    fake.server.onRequest(() =>
      anthropicStream(['Cached.'], { inputTokens: 50, cacheReadTokens: 10_000, cacheWriteTokens: 2_000, outputTokens: 400 }),
    );
    const provider = createChatProvider(
      { id: 'anthropic', baseUrl: fake.server.origin },
      { apiKey: 'sk-ant-api03-FAKE0123456789' },
      { http: fake.client() },
    );
    const events = await collect(provider.streamChat({ model: 'claude-sonnet-4-5-20250929', messages: question }));
    const usage = usageOf(events);
    assert.deepEqual(usage, { inputTokens: 12_050, outputTokens: 400, cachedInputTokens: 10_000, cacheWriteInputTokens: 2_000 });
    const prices = findPrices({ id: 'anthropic', kind: 'anthropic', baseUrl: 'https://api.anthropic.com' }, 'claude-sonnet-4-5-20250929');
    // Sonnet 4.5: $3 input, $0.30 cache read, $3.75 cache write, $15 output, per million.
    assert.equal(usageCost(prices, usage)?.toFixed(8), ((50 * 3 + 10_000 * 0.3 + 2_000 * 3.75 + 400 * 15) / 1e6).toFixed(8));
  });

  it('Anthropic without cache counts: the input is input_tokens alone', async () => {
    fake.server.onRequest(() => anthropicStream(['Plain.'], { inputTokens: 30, outputTokens: 5 }));
    const provider = createChatProvider(
      { id: 'anthropic', baseUrl: fake.server.origin },
      { apiKey: 'sk-ant-api03-FAKE0123456789' },
      { http: fake.client() },
    );
    const usage = usageOf(await collect(provider.streamChat({ model: 'claude-haiku-4-5', messages: question })));
    assert.deepEqual(usage, { inputTokens: 30, outputTokens: 5 });
  });

  it('Gemini: cachedContentTokenCount is the cached part of promptTokenCount', async () => {
    fake.server.onRequest(() => geminiStream(['Cached', '.'], { promptTokens: 40_000, cachedTokens: 32_000 }));
    const provider = createChatProvider({ id: 'gemini', baseUrl: fake.server.origin }, { apiKey: 'AIzaFAKE' }, { http: fake.client() });
    const usage = usageOf(await collect(provider.streamChat({ model: 'gemini-2.5-flash', messages: question })));
    assert.deepEqual(usage, { inputTokens: 40_000, outputTokens: 2, cachedInputTokens: 32_000 });
    const prices = findPrices(
      { id: 'gemini', kind: 'gemini', baseUrl: 'https://generativelanguage.googleapis.com/v1beta' },
      'gemini-2.5-flash',
    );
    // 2.5 Flash: $0.30 input, $0.03 cached, $2.50 output, per million.
    assert.equal(usageCost(prices, usage)?.toFixed(8), ((8_000 * 0.3 + 32_000 * 0.03 + 2 * 2.5) / 1e6).toFixed(8));
  });
});

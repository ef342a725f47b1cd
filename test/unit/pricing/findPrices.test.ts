// Which prices apply to a model (src/core/pricing/findPrices.ts, docs/spend.md "Prices"): the entry's own, the live
// list's, free local servers, the dated table by exact id and then by a documented snapshot suffix; unknown otherwise.
import * as assert from 'node:assert/strict';
import { findPrices, type PricedEntry } from '../../../src/core/pricing/findPrices';
import { listedPrices } from '../../../src/core/pricing/modelPrices';
import { priceTableDate } from '../../../src/core/pricing/priceTable';
import { resolveProviderEntry } from '../../../src/core/providers/createChatProvider';

const preset = (id: string): PricedEntry => resolveProviderEntry({ id });

describe('findPrices', () => {
  it('dates the table', () => {
    assert.match(priceTableDate, /^2026-\d{2}-\d{2}$/);
  });

  it('finds a model by its exact id, then a dated snapshot by its family', () => {
    assert.deepEqual(findPrices(preset('openai'), 'gpt-4o'), { input: 2.5, output: 10, cachedInput: 1.25 });
    assert.deepEqual(findPrices(preset('openai'), 'gpt-4o-2024-08-06'), { input: 2.5, output: 10, cachedInput: 1.25 });
    // The longest family wins: gpt-4o-mini's snapshot is not priced as gpt-4o.
    assert.equal(findPrices(preset('openai'), 'gpt-4o-mini-2024-07-18')?.input, 0.15);
    assert.equal(findPrices(preset('anthropic'), 'claude-sonnet-4-5-20250929')?.output, 15);
    assert.equal(findPrices(preset('anthropic'), 'claude-sonnet-4-20250514')?.input, 3);
    assert.equal(findPrices(preset('anthropic'), 'claude-3-5-haiku-latest')?.input, 0.8);
    assert.equal(findPrices(preset('gemini'), 'gemini-2.0-flash-001')?.output, 0.4);
    assert.equal(findPrices(preset('gemini'), 'models/gemini-2.5-pro')?.input, 1.25);
    assert.equal(findPrices(preset('groq'), 'llama-3.3-70b-versatile')?.output, 0.79);
  });

  it('does not price another model that only shares a prefix, nor a model that is not in the table', () => {
    assert.equal(findPrices(preset('openai'), 'gpt-4o-audio-preview'), undefined);
    assert.equal(findPrices(preset('openai'), 'gpt-4o-mini-tts'), undefined);
    assert.equal(findPrices(preset('anthropic'), 'claude-next-1'), undefined);
  });

  it('takes the entry’s own prices first, per model, then "*"', () => {
    const entry = resolveProviderEntry({ id: 'openai', prices: { 'gpt-4o': { input: 1, output: 2 }, '*': { input: 9, output: 9 } } });
    assert.deepEqual(findPrices(entry, 'gpt-4o'), { input: 1, output: 2 });
    assert.deepEqual(findPrices(entry, 'gpt-4.1'), { input: 9, output: 9 });
  });

  it('prices local servers and Fusion Brain at 0, and knows nothing of the Sydney gateway unless told', () => {
    for (const id of ['ollama', 'lmstudio', 'vllm', 'fusionbrain']) assert.equal(findPrices(preset(id), 'anything')?.input, 0, id);
    assert.equal(findPrices(resolveProviderEntry({ id: 'box', kind: 'openai', baseUrl: 'http://127.0.0.1:9000/v1' }), 'm')?.output, 0);
    assert.equal(findPrices(preset('sydney'), 'gpt-4o'), undefined);
    const told = resolveProviderEntry({ id: 'sydney', prices: { '*': { input: 0.5, output: 1.5 } } });
    assert.deepEqual(findPrices(told, 'gpt-4o'), { input: 0.5, output: 1.5 });
  });

  it('takes a live list’s prices (OpenRouter) before anything else but the entry’s own', () => {
    const listed = listedPrices({
      prompt: '0.0000025',
      completion: '0.00001',
      input_cache_read: '0.00000125',
      image: '0.003613',
      request: '0',
    });
    assert.deepEqual(listed, { input: 2.5, output: 10, cachedInput: 1.25, perInputImage: 0.003613 });
    assert.deepEqual(findPrices(preset('openrouter'), 'openai/gpt-4o', { listed }), listed);
    assert.equal(findPrices(preset('openrouter'), 'openai/gpt-4o'), undefined);
  });

  it('reads OpenRouter’s "-1" (its auto router) and unreadable prices as unknown', () => {
    assert.equal(listedPrices({ prompt: '-1', completion: '-1' }), undefined);
    assert.equal(listedPrices({ prompt: 'free', completion: '0' }), undefined);
    assert.deepEqual(listedPrices({ prompt: '0', completion: '0' }), { input: 0, output: 0 });
    assert.equal(listedPrices(undefined), undefined);
  });

  it('prices images: Stability credits per model and per edit operation, OpenAI per image or by image tokens', () => {
    assert.deepEqual(findPrices(preset('stability'), 'core', { image: {} }), { perImage: 0.03 });
    assert.deepEqual(findPrices(preset('stability'), 'ultra', { image: {} }), { perImage: 0.08 });
    assert.deepEqual(findPrices(preset('stability'), 'sd3/sd3.5-large-turbo', { image: {} }), { perImage: 0.04 });
    assert.deepEqual(findPrices(preset('stability'), 'core', { image: { operation: 'remove-background' } }), { perImage: 0.05 });
    assert.equal(findPrices(preset('stability'), 'sd-unknown', { image: {} }), undefined);
    assert.deepEqual(findPrices(preset('openai'), 'gpt-image-1', { image: {} }), {
      input: 5,
      output: 40,
      cachedInput: 1.25,
      imageInput: 10,
    });
    assert.deepEqual(findPrices(preset('openai'), 'dall-e-3', { image: {} }), { perImage: 0.04 });
    assert.equal(findPrices(preset('fusionbrain'), 'kandinsky', { image: {} })?.perImage, 0);
    assert.equal(findPrices(preset('sydney'), 'sdxl', { image: {} }), undefined);
  });
});

// Key and moderation errors as the live services report them, over HTTP through the real chat clients: Gemini's
// invalid key is a 400 with reason API_KEY_INVALID (an `auth` error, so the chat offers "Set key"), and
// OpenRouter's 403 is a moderation verdict (content-filtered), before the stream or inside it.
import * as assert from 'node:assert/strict';
import type { ChatRequest } from '../../../src/core/chat/chatTypes';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import { collect, finalError } from '../fakes/chatTestKit';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { geminiInvalidKey, geminiServiceBlocked } from '../fakes/geminiKeyErrors';
import { openAiFrame, openAiSseHeaders } from '../fakes/openAiFake';
import { openRouterError, openRouterModeration, openRouterModerationBody } from '../fakes/openRouterKeyFake';

// Made up for these tests; they only ever reach the local fake.
const geminiKey = 'AIzaFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE456';
const routerKey = 'sk-or-v1-FAKEFAKE0123456789abcdef0123456789abcdef01';

describe('key and moderation errors over HTTP', () => {
  const fake = fakeServerPerTest();

  const ask = (model: string): ChatRequest => ({ model, messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hello' }] }] });
  const chat = (entry: ProviderEntry, apiKey: string, model: string) =>
    collect(createChatProvider(entry, { apiKey }, { http: fake.client() }).streamChat(ask(model)));

  it('Gemini: a chat with an invalid key ends in an auth error (the chat offers Set key for those), sent once', async () => {
    fake.server.enqueue(geminiInvalidKey(geminiKey));
    const events = await chat({ id: 'gemini', baseUrl: `${fake.server.origin}/v1beta` }, geminiKey, 'gemini-2.5-flash');
    const error = finalError(events);
    assert.equal(error.kind, 'auth');
    assert.equal(error.retryable, false);
    assert.equal(error.message, 'The gemini API key was rejected (400). Set a new key with “Switchboard: Set API Key”.');
    assert.ok(!JSON.stringify(events).includes(geminiKey), 'the key the server echoed must not reach an event');
    assert.equal(fake.server.requests.length, 1);
    assert.match(fake.server.requests[0]?.url ?? '', /^\/v1beta\/models\/gemini-2\.5-flash:streamGenerateContent\?alt=sse$/);
  });

  it('Gemini: a key whose API restrictions leave the API out is an auth error too', async () => {
    fake.server.enqueue(geminiServiceBlocked());
    const error = finalError(
      await chat(
        { id: 'work-gemini', kind: 'gemini', baseUrl: `${fake.server.origin}/v1beta`, requiresKey: true },
        geminiKey,
        'gemini-2.5-pro',
      ),
    );
    assert.equal(error.kind, 'auth');
    assert.equal(error.code, 'API_KEY_SERVICE_BLOCKED');
    assert.match(error.message, /^The work-gemini API key is not allowed to call this API \(403\)/);
  });

  it('OpenRouter: a 403 with moderation metadata is content-filtered, and the flagged text is not repeated', async () => {
    fake.server.enqueue(openRouterModeration(['self-harm'], 'the very words the user typed'));
    const error = finalError(await chat({ id: 'openrouter', baseUrl: `${fake.server.origin}/api/v1` }, routerKey, 'openai/gpt-4o'));
    assert.equal(error.kind, 'content-filtered');
    assert.equal(error.status, 403);
    assert.match(error.message, /moderation flagged the input for “self-harm” \(403\)/);
    assert.ok(!error.message.includes('the very words'));
  });

  it('OpenRouter moderation works for any entry that talks to OpenRouter, whatever its id', async () => {
    fake.server.enqueue(openRouterModeration(['violence'], 'x'));
    const error = finalError(
      await chat(
        { id: 'my-router', kind: 'openai', baseUrl: `${fake.server.origin}/api/v1`, requiresKey: true },
        routerKey,
        'openai/gpt-4o',
      ),
    );
    assert.equal(error.kind, 'content-filtered');
    assert.equal(error.provider, 'my-router');
  });

  it('OpenRouter: moderation reported inside a stream that began with 200 OK is content-filtered too', async () => {
    fake.server.enqueue({
      status: 200,
      headers: openAiSseHeaders,
      chunks: [': OPENROUTER PROCESSING\n\n', openAiFrame(openRouterModerationBody(['hate'], 'x'))],
    });
    const error = finalError(await chat({ id: 'openrouter', baseUrl: `${fake.server.origin}/api/v1` }, routerKey, 'openai/gpt-4o'));
    assert.equal(error.kind, 'content-filtered');
    assert.match(error.message, /for “hate”/);
  });

  it('OpenRouter: 401 is still a rejected key', async () => {
    fake.server.enqueue(openRouterError(401, 'User not found.'));
    const error = finalError(await chat({ id: 'openrouter', baseUrl: `${fake.server.origin}/api/v1` }, routerKey, 'openai/gpt-4o'));
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /^The openrouter API key was rejected \(401\)/);
  });
});

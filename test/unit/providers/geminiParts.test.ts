// Images through Gemini's generateContent (geminiParts.ts), against a local server that checks inline data the way
// the API does (fakes/geminiFake, geminiImageCheck): the exact JSON a message with a context chip, a question and two
// images becomes (each image as inlineData, then the text), text-only turns unchanged, and the refusals.
import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatRequest } from '../../../src/core/chat/chatTypes';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { collect, finalError, lastEvent, textOf } from '../fakes/chatTestKit';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { geminiImageCheck, geminiStream } from '../fakes/geminiFake';
import { chipAndQuestion, jpegData, pictureQuestion, pngData } from '../fakes/imageMessages';

describe('Gemini chat: images', () => {
  const fake = fakeServerPerTest();

  function chat(request: ChatRequest): Promise<ChatEvent[]> {
    const provider = createChatProvider(
      { id: 'gemini', baseUrl: `${fake.server.origin}/v1beta` },
      { apiKey: 'AIzaFAKE0123456789abcdefghijklmnopqrs' },
      { http: fake.client() },
    );
    return collect(provider.streamChat(request));
  }

  beforeEach(() => {
    fake.server.onRequest((request) => geminiImageCheck(request.body) ?? geminiStream(['Two charts.']));
  });

  const sentBody = (): Record<string, unknown> => JSON.parse(fake.server.requests[0]?.body ?? '{}') as Record<string, unknown>;

  it('sends each image as inlineData before the text part', async () => {
    const events = await chat({
      model: 'gemini-2.5-flash',
      systemPrompt: 'Be brief.',
      messages: [
        { role: 'user', parts: [{ type: 'text', text: 'Hello' }] },
        { role: 'assistant', parts: [{ type: 'text', text: 'Hi.' }] },
        pictureQuestion(),
      ],
    });
    assert.equal(textOf(events), 'Two charts.');
    assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'stop' });
    assert.equal(fake.server.requests[0]?.url, '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    assert.deepEqual(sentBody(), {
      contents: [
        { role: 'user', parts: [{ text: 'Hello' }] },
        { role: 'model', parts: [{ text: 'Hi.' }] },
        {
          role: 'user',
          parts: [
            { inlineData: { mimeType: 'image/png', data: pngData } },
            { inlineData: { mimeType: 'image/jpeg', data: jpegData } },
            { text: chipAndQuestion },
          ],
        },
      ],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
    });
  });

  it('refuses an image whose bytes were not read before sending', async () => {
    const events = await chat({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', parts: [{ type: 'image', path: 'shots/b.webp', mimeType: 'image/webp', alt: '' }] }],
    });
    assert.equal(
      finalError(events).message,
      'The image “shots/b.webp” was not read before sending to gemini/gemini-2.5-flash, so nothing was sent. This is a bug in Switchboard; please report it.',
    );
    assert.equal(fake.server.requests.length, 0);
  });

  it('reports the API’s 400 for inline data it cannot read', async () => {
    const events = await chat({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', parts: [{ type: 'image', path: 'a.gif', mimeType: 'image/gif', alt: 'spinner', data: pngData }] }],
    });
    assert.equal(finalError(events).kind, 'bad-request');
    assert.equal(fake.server.requests.length, 1);
  });

  it('has a fake that refuses what Gemini refuses: data that is not base64, a type it does not read', () => {
    const body = (inlineData: unknown): string => JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'x' }, { inlineData }] }] });
    const refusal = (inlineData: unknown): { error: { code: number; status: string; message: string; details?: unknown[] } } =>
      JSON.parse(String(geminiImageCheck(body(inlineData))?.chunks?.[0] ?? 'null'));
    const broken = refusal({ mimeType: 'image/png', data: 'data:image/png;base64,AAAA' });
    assert.equal(broken.error.status, 'INVALID_ARGUMENT');
    assert.match(
      broken.error.message,
      /^Invalid value at 'contents\[0\]\.parts\[1\]\.inline_data\.data' \(TYPE_BYTES\), Base64 decoding failed/,
    );
    assert.deepEqual(
      (broken.error.details?.[0] as { fieldViolations: Array<{ field: string }> }).fieldViolations[0]?.field,
      'contents[0].parts[1].inline_data.data',
    );
    assert.equal(refusal({ mimeType: 'image/svg+xml', data: pngData }).error.message, 'Unsupported MIME type: image/svg+xml');
    assert.equal(geminiImageCheck(body({ mimeType: 'image/png', data: pngData })), undefined);
  });
});

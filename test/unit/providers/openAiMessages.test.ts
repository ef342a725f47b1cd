// Images through the OpenAI-compatible protocol (openAiMessages.ts), against a local server that checks them the
// way OpenAI's Chat Completions does (fakes/openAiFake, openAiImageCheck): the exact JSON a message with a context
// chip, a question and two images becomes, the same form on every compatible preset, text-only messages unchanged,
// and the refusals before anything is sent.
import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatRequest } from '../../../src/core/chat/chatTypes';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import { collect, finalError, lastEvent, textOf } from '../fakes/chatTestKit';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { chipAndQuestion, jpegData, pictureQuestion, pngData } from '../fakes/imageMessages';
import { openAiImageCheck, openAiStream } from '../fakes/openAiFake';

describe('OpenAI-compatible chat: images', () => {
  const fake = fakeServerPerTest();

  function chat(request: ChatRequest, entry: Partial<ProviderEntry> = {}): Promise<ChatEvent[]> {
    const provider = createChatProvider(
      { id: 'openai', baseUrl: `${fake.server.origin}/v1`, ...entry },
      { apiKey: 'sk-test-FAKE-0123456789' },
      { http: fake.client() },
    );
    return collect(provider.streamChat(request));
  }

  const serveChecked = (visionModels?: readonly string[]): void => {
    fake.server.onRequest(
      (request) => openAiImageCheck(request.body, visionModels ? { visionModels } : {}) ?? openAiStream(['Two charts.']),
    );
  };

  const sentBody = (index = 0): Record<string, unknown> => JSON.parse(fake.server.requests[index]?.body ?? '{}') as Record<string, unknown>;

  it('sends the text, then each image as an image_url data URL, in a content list', async () => {
    serveChecked(['gpt-4o']);
    const events = await chat({
      model: 'gpt-4o',
      systemPrompt: 'Be brief.',
      messages: [
        { role: 'user', parts: [{ type: 'text', text: 'Hello' }] },
        { role: 'assistant', parts: [{ type: 'text', text: 'Hi.' }] },
        pictureQuestion(),
      ],
    });
    assert.equal(textOf(events), 'Two charts.');
    assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'stop' });
    assert.deepEqual(sentBody().messages, [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: chipAndQuestion },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${pngData}` } },
          { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${jpegData}` } },
        ],
      },
    ]);
  });

  it('speaks the same form to every compatible preset (OpenRouter, Groq, Ollama, LM Studio, vLLM)', async () => {
    serveChecked();
    for (const [id, path] of [
      ['openrouter', '/api/v1'],
      ['groq', '/openai/v1'],
      ['ollama', '/v1'],
      ['lmstudio', '/v1'],
      ['vllm', '/v1'],
    ] as const) {
      const before = fake.server.requests.length;
      const events = await chat(
        { model: 'some-vision-model', messages: [pictureQuestion()] },
        { id, baseUrl: `${fake.server.origin}${path}` },
      );
      assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'stop' }, id);
      const request = fake.server.requests[before];
      assert.equal(request?.url, `${path}/chat/completions`, id);
      const content = (JSON.parse(request?.body ?? '{}') as { messages: Array<{ content: unknown }> }).messages[0]?.content;
      assert.deepEqual(
        (content as Array<{ type: string }>).map((part) => part.type),
        ['text', 'image_url', 'image_url'],
        id,
      );
    }
  });

  it('keeps a text-only request byte for byte as before: plain string contents', async () => {
    serveChecked();
    await chat({
      model: 'gpt-4o',
      messages: [
        {
          role: 'user',
          parts: [
            { type: 'context', context: { kind: 'file', label: 'a.ts', text: 'x', language: 'ts' } },
            { type: 'text', text: 'why?' },
          ],
        },
        { role: 'user', parts: [{ type: 'text', text: '  spaced  ' }] },
      ],
    });
    assert.equal(
      fake.server.requests[0]?.body,
      JSON.stringify({
        model: 'gpt-4o',
        messages: [
          { role: 'user', content: 'File: a.ts, ts\n```ts\nx\n```\n\nwhy?' },
          { role: 'user', content: '  spaced  ' },
        ],
        stream: true,
        stream_options: { include_usage: true },
      }),
    );
  });

  it('sends an image alone as a list with just the image (no empty text part)', async () => {
    serveChecked();
    await chat({
      model: 'gpt-4o',
      messages: [
        {
          role: 'user',
          parts: [
            { type: 'text', text: '  ' },
            { type: 'image', path: 'a.png', mimeType: 'image/png', alt: '', data: pngData },
          ],
        },
      ],
    });
    assert.deepEqual(sentBody().messages, [
      { role: 'user', content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${pngData}` } }] },
    ]);
  });

  it('refuses an image whose bytes were not read, naming it, before anything is sent', async () => {
    serveChecked();
    const events = await chat({
      model: 'gpt-4o',
      messages: [
        {
          role: 'user',
          parts: [
            { type: 'text', text: 'What is this?' },
            { type: 'image', path: 'a.png', mimeType: 'image/png', alt: 'a chart' },
          ],
        },
      ],
    });
    const error = finalError(events);
    assert.equal(error.kind, 'bad-request');
    assert.equal(error.messageId, 'chat.imageNotLoaded');
    assert.equal(
      error.message,
      'The image “a chart” was not read before sending to openai/gpt-4o, so nothing was sent. This is a bug in Switchboard; please report it.',
    );
    assert.equal(fake.server.requests.length, 0);
  });

  it('refuses an image in an assistant message, which the API would reject', async () => {
    serveChecked();
    const events = await chat({
      model: 'gpt-4o',
      messages: [{ role: 'assistant', parts: [{ type: 'image', path: 'a.png', mimeType: 'image/png', alt: 'x', data: pngData }] }],
    });
    assert.equal(finalError(events).message, 'openai/gpt-4o cannot take image parts yet.');
    assert.equal(fake.server.requests.length, 0);
  });

  it('reports what the server says of an image it cannot read, or of a model that does not see images', async () => {
    serveChecked(['gpt-4o']);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64');
    const bad = await chat({
      model: 'gpt-4o',
      messages: [{ role: 'user', parts: [{ type: 'image', path: 'a.svg', mimeType: 'image/svg+xml', alt: 'logo', data: svg }] }],
    });
    assert.equal(finalError(bad).kind, 'bad-request');
    assert.match(finalError(bad).message, /unsupported image/);
    const blind = await chat({ model: 'gpt-3.5-turbo', messages: [pictureQuestion()] });
    assert.equal(finalError(blind).kind, 'bad-request');
    assert.match(finalError(blind).message, /image_url is only supported by certain models/);
  });

  it('has a fake that refuses what OpenAI refuses: a URL without `data:`, empty or non-base64 bytes', () => {
    const body = (url: string, role = 'user'): string =>
      JSON.stringify({ model: 'gpt-4o', messages: [{ role, content: [{ type: 'image_url', image_url: { url } }] }] });
    const refusal = (url: string, role?: string): unknown => JSON.parse(String(openAiImageCheck(body(url, role))?.chunks?.[0] ?? 'null'));
    assert.deepEqual(refusal(pngData), {
      error: {
        message:
          "Invalid image URL: 'messages[0].content[0].image_url.url'. Expected a base64-encoded data URL with an image MIME type (e.g. 'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU='), but got a value without the 'data:' prefix.",
        type: 'invalid_request_error',
        param: 'messages[0].content[0].image_url.url',
        code: 'invalid_value',
      },
    });
    assert.match(JSON.stringify(refusal('data:image/png;base64,')), /empty base64-encoded bytes/);
    assert.match(JSON.stringify(refusal('data:image/png;base64,not base64!')), /not base64-encoded/);
    assert.match(JSON.stringify(refusal(`data:image/png;base64,${pngData}`, 'assistant')), /Supported values are: 'text' and 'refusal'/);
    assert.equal(openAiImageCheck(body(`data:image/png;base64,${pngData}`)), undefined);
  });
});

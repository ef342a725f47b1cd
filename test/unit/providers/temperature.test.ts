// The temperature setting on every protocol: sent only when set, within the protocol's range, and dropped (once,
// with a notice, then remembered) for a model that refuses it — against local servers that refuse it as the real
// services do (temperatureFakes.ts).
import * as assert from 'node:assert/strict';
import type { ChatEvent, ChatProvider, ChatRequest } from '../../../src/core/chat/chatTypes';
import { readSwitchboardSettings } from '../../../src/core/config/switchboardSettings';
import { ProviderEngine } from '../../../src/core/providerEngine';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { ModelQuirks } from '../../../src/core/providers/modelQuirks';
import type { ProviderEntry } from '../../../src/core/providers/providerEntry';
import { anthropicStream } from '../fakes/anthropicFake';
import { collect, finalError, lastEvent, textOf } from '../fakes/chatTestKit';
import type { RecordedRequest } from '../fakes/fakeHttpServer';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';
import { geminiStream } from '../fakes/geminiFake';
import { openAiError, openAiStream } from '../fakes/openAiFake';
import {
  anthropicModelWithoutTemperature,
  anthropicModelWithTemperature,
  geminiModelWithoutTemperature,
  openAiReasoningModel,
} from '../fakes/temperatureFakes';

const key = 'sk-test-FAKE-temperature-0000';

function sentBody(request: RecordedRequest | undefined): Record<string, unknown> {
  assert.ok(request, 'a request was sent');
  return JSON.parse(request.body) as Record<string, unknown>;
}

/** The temperature a request carried, wherever its protocol puts it; undefined when it has none. */
function sentTemperature(request: RecordedRequest | undefined): unknown {
  const body = sentBody(request);
  const config = body.generationConfig as Record<string, unknown> | undefined;
  return 'temperature' in body ? body.temperature : config !== undefined && 'temperature' in config ? config.temperature : undefined;
}

function hasTemperatureField(request: RecordedRequest | undefined): boolean {
  return /"temperature"/.test(request?.body ?? '');
}

function notices(events: readonly ChatEvent[]): ChatEvent[] {
  return events.filter((event) => event.type === 'notice');
}

describe('temperature', () => {
  const fake = fakeServerPerTest();

  /** A fresh client per request, as the engine builds them, sharing `quirks` when given. */
  function provider(entry: Partial<ProviderEntry> & { id: string }, quirks?: ModelQuirks): ChatProvider {
    const http = fake.client();
    return createChatProvider({ baseUrl: fake.server.origin, ...entry }, { apiKey: key }, { http, ...(quirks ? { quirks } : {}) });
  }

  const protocols = [
    { name: 'OpenAI-compatible', id: 'openai', model: 'gpt-4o-mini', stream: () => openAiStream(['ok']) },
    { name: 'Anthropic', id: 'anthropic', model: 'claude-sonnet-4-5', stream: () => anthropicStream(['ok']) },
    { name: 'Gemini', id: 'gemini', model: 'gemini-2.5-flash', stream: () => geminiStream(['ok']) },
  ] as const;

  describe('when the user set none', () => {
    for (const protocol of protocols) {
      it(`sends no temperature field at all (${protocol.name})`, async () => {
        fake.server.enqueue(protocol.stream());
        const events = await collect(
          provider({ id: protocol.id }).streamChat({
            model: protocol.model,
            messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
            maxTokens: 50,
          }),
        );
        assert.deepEqual(lastEvent(events), { type: 'done', finishReason: 'stop' });
        assert.equal(hasTemperatureField(fake.server.requests[0]), false, fake.server.requests[0]?.body);
      });
    }

    it('a setting left empty (null) or unset reads as no temperature', () => {
      assert.equal(readSwitchboardSettings((k) => (k === 'chat.temperature' ? null : undefined)).settings.temperature, undefined);
      assert.equal(readSwitchboardSettings(() => undefined).settings.temperature, undefined);
      assert.equal(readSwitchboardSettings((k) => (k === 'chat.temperature' ? 0 : undefined)).settings.temperature, 0);
    });
  });

  describe('a model that takes a temperature', () => {
    it('gets it unchanged on OpenAI-compatible servers (0–2), zero included', async () => {
      fake.server.enqueue(openAiStream(['a']), openAiStream(['b']));
      await collect(
        provider({ id: 'openai' }).streamChat({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
          temperature: 1.7,
        }),
      );
      await collect(
        provider({ id: 'openai' }).streamChat({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
          temperature: 0,
        }),
      );
      assert.equal(sentTemperature(fake.server.requests[0]), 1.7);
      assert.equal(sentTemperature(fake.server.requests[1]), 0);
    });

    it('gets it unchanged on Gemini (0–2), in generationConfig', async () => {
      fake.server.enqueue(geminiStream(['a']));
      await collect(
        provider({ id: 'gemini' }).streamChat({
          model: 'gemini-2.5-flash',
          messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
          temperature: 1.7,
        }),
      );
      assert.deepEqual(sentBody(fake.server.requests[0]).generationConfig, { temperature: 1.7 });
    });

    it('gets it clamped to 0–1 on Anthropic, which refuses anything above 1', async () => {
      const quirks = new ModelQuirks();
      fake.server.onRequest(anthropicModelWithTemperature(['fine']));
      const high = await collect(
        provider({ id: 'anthropic' }, quirks).streamChat({
          model: 'claude-sonnet-4-5',
          messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
          temperature: 1.5,
        }),
      );
      const low = await collect(
        provider({ id: 'anthropic' }, quirks).streamChat({
          model: 'claude-sonnet-4-5',
          messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
          temperature: 0.3,
        }),
      );
      assert.equal(textOf(high), 'fine');
      assert.equal(textOf(low), 'fine');
      assert.equal(fake.server.requests.length, 2, 'each answered at the first request');
      assert.equal(sentTemperature(fake.server.requests[0]), 1);
      assert.equal(sentTemperature(fake.server.requests[1]), 0.3);
      assert.deepEqual(notices([...high, ...low]), []);
      assert.equal(quirks.refusesTemperature('anthropic', 'claude-sonnet-4-5'), false);
    });

    it('an OpenAI reasoning model takes its default temperature, 1', async () => {
      fake.server.onRequest(openAiReasoningModel(['fine']));
      const events = await collect(
        provider({ id: 'openai' }).streamChat({
          model: 'gpt-5-mini',
          messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
          temperature: 1,
        }),
      );
      assert.equal(textOf(events), 'fine');
      assert.equal(fake.server.requests.length, 1);
      assert.equal(sentTemperature(fake.server.requests[0]), 1);
      assert.deepEqual(notices(events), []);
    });
  });

  const refusing = [
    {
      name: 'an OpenAI reasoning model (unsupported_value)',
      id: 'openai',
      model: 'gpt-5-mini',
      handler: () => openAiReasoningModel(['Hello', ' there']),
    },
    {
      name: 'an OpenAI o-series model (unsupported_parameter)',
      id: 'openai',
      model: 'o3-mini',
      handler: () => openAiReasoningModel(['Hello', ' there'], 'unsupported_parameter'),
    },
    {
      name: 'a recent Claude model',
      id: 'anthropic',
      model: 'claude-opus-4-7',
      handler: () => anthropicModelWithoutTemperature(['Hello', ' there']),
    },
    {
      name: 'a Gemini endpoint without the field',
      id: 'gemini',
      model: 'gemini-fake',
      handler: () => geminiModelWithoutTemperature(['Hello', ' there']),
    },
  ] as const;

  for (const model of refusing) {
    describe(`${model.name} that refuses any temperature`, () => {
      const ask = (temperature: number): ChatRequest => ({
        model: model.model,
        messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
        temperature,
      });

      it('is asked again at once without it, the answer says so once, and the next request goes without it first', async () => {
        const quirks = new ModelQuirks();
        fake.server.onRequest(model.handler());

        const first = await collect(provider({ id: model.id }, quirks).streamChat(ask(0.2)));
        assert.equal(textOf(first), 'Hello there');
        assert.deepEqual(lastEvent(first), { type: 'done', finishReason: 'stop' });
        assert.equal(fake.server.requests.length, 2);
        assert.equal(sentTemperature(fake.server.requests[0]), 0.2);
        assert.equal(hasTemperatureField(fake.server.requests[1]), false, fake.server.requests[1]?.body);
        assert.deepEqual(notices(first), [{ type: 'notice', notice: 'temperature-dropped', provider: model.id, model: model.model }]);
        // Told after the model is named and before any text; the refusal is not a retry of the HTTP layer.
        const types = first.map((event) => event.type);
        assert.ok(types.indexOf('model') < types.indexOf('notice') && types.indexOf('notice') < types.indexOf('text-delta'), types.join());
        assert.ok(!types.includes('retry'), types.join());

        // A new client (the engine builds one per request) with the same memory: no temperature from the start.
        const second = await collect(provider({ id: model.id }, quirks).streamChat(ask(0.2)));
        assert.equal(textOf(second), 'Hello there');
        assert.equal(fake.server.requests.length, 3);
        assert.equal(hasTemperatureField(fake.server.requests[2]), false, fake.server.requests[2]?.body);
        assert.deepEqual(notices(second), []);
      });

      it('without a shared memory it still answers, asking again each time', async () => {
        fake.server.onRequest(model.handler());
        const first = await collect(provider({ id: model.id }).streamChat(ask(0.7)));
        const second = await collect(provider({ id: model.id }).streamChat(ask(0.7)));
        assert.equal(textOf(first), 'Hello there');
        assert.equal(textOf(second), 'Hello there');
        assert.equal(fake.server.requests.length, 4);
        assert.equal(notices(second).length, 1);
      });
    });
  }

  it('remembers per provider and model: another model of the same provider still gets its temperature', async () => {
    const quirks = new ModelQuirks();
    fake.server.onRequest((request) =>
      sentBody(request).model === 'gpt-5-mini' ? openAiReasoningModel(['r'])(request) : openAiStream(['k']),
    );
    await collect(
      provider({ id: 'openai' }, quirks).streamChat({
        model: 'gpt-5-mini',
        messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
        temperature: 0.2,
      }),
    );
    await collect(
      provider({ id: 'openai' }, quirks).streamChat({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
        temperature: 0.2,
      }),
    );
    await collect(
      provider({ id: 'work-proxy', kind: 'openai' }, quirks).streamChat({
        model: 'gpt-5-mini',
        messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
        temperature: 0.2,
      }),
    );
    assert.deepEqual(
      fake.server.requests.map((request) => [sentBody(request).model, sentTemperature(request)]),
      [
        ['gpt-5-mini', 0.2],
        ['gpt-5-mini', undefined],
        ['gpt-4o-mini', 0.2],
        ['gpt-5-mini', 0.2],
        ['gpt-5-mini', undefined],
      ],
    );
  });

  it('a 400 that does not name the temperature is reported as it is, after one request', async () => {
    const quirks = new ModelQuirks();
    fake.server.enqueue(
      openAiError(400, {
        message: "This model's maximum context length is 128000 tokens. However, your messages resulted in 130000 tokens.",
        type: 'invalid_request_error',
        code: 'context_length_exceeded',
      }),
    );
    const events = await collect(
      provider({ id: 'openai' }, quirks).streamChat({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
        temperature: 0.2,
      }),
    );
    assert.equal(finalError(events).kind, 'bad-request');
    assert.equal(fake.server.requests.length, 1);
    assert.deepEqual(notices(events), []);
    assert.equal(quirks.refusesTemperature('openai', 'gpt-4o-mini'), false);
  });

  it('a model that refuses the temperature on a server that also refuses stream_options is asked three times in all', async () => {
    fake.server.onRequest((request) => {
      if ('stream_options' in sentBody(request)) {
        return {
          status: 400,
          headers: { 'content-type': 'application/json' },
          chunks: [
            JSON.stringify({
              object: 'error',
              message: 'Unrecognized request argument supplied: stream_options',
              type: 'BadRequestError',
              code: 400,
            }),
          ],
        };
      }
      return openAiReasoningModel(['done'])(request);
    });
    const events = await collect(
      provider({ id: 'local', kind: 'openai', requiresKey: false }, new ModelQuirks()).streamChat({
        model: 'reasoner',
        messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
        temperature: 0.5,
      }),
    );
    assert.equal(textOf(events), 'done');
    assert.deepEqual(
      fake.server.requests.map((request) => ['stream_options' in sentBody(request), sentTemperature(request)]),
      [
        [true, 0.5],
        [false, 0.5],
        [false, undefined],
      ],
    );
    assert.equal(notices(events).length, 1);
  });

  it('the engine remembers a refusal for the session, across requests and through the fallback chain', async () => {
    fake.server.onRequest(openAiReasoningModel(['Hi!']));
    const engine = new ProviderEngine({ credentials: () => Promise.resolve({ apiKey: key }) });
    engine.configure({
      providers: [{ id: 'openai', baseUrl: fake.server.origin }],
      responseCache: false,
      http: { maxRetries: 0, env: {} },
    });
    const request = { messages: [{ role: 'user' as const, parts: [{ type: 'text' as const, text: 'Hi' }] }], temperature: 0.2 };
    const first = await collect(engine.chat(['openai/gpt-5'], request));
    const second = await collect(engine.chat(['openai/gpt-5'], request));
    assert.equal(textOf(first), 'Hi!');
    assert.equal(textOf(second), 'Hi!');
    assert.deepEqual(notices(first), [{ type: 'notice', notice: 'temperature-dropped', provider: 'openai', model: 'gpt-5' }]);
    assert.deepEqual(notices(second), []);
    assert.deepEqual(fake.server.requests.map(sentTemperature), [0.2, undefined, undefined]);
  });
});

// The chat engine as the extension drives it: settings entries + keys → clients, fallback, rate limits and cache,
// against real local servers.
import * as assert from 'node:assert/strict';
import { ProviderEngine } from '../../../src/core/providerEngine';
import type { ProviderSetting } from '../../../src/core/config/switchboardSettings';
import type { ResolvedProviderEntry } from '../../../src/core/providers/createChatProvider';
import { collect, textOf } from '../fakes/chatTestKit';
import { FakeHttpServer } from '../fakes/fakeHttpServer';
import { openAiInvalidKey, openAiModels, openAiOverloaded, openAiStream } from '../fakes/openAiFake';

describe('provider engine', () => {
  let primary: FakeHttpServer;
  let backup: FakeHttpServer;
  const keysAsked: string[] = [];

  function service(providers: ProviderSetting[], keys: Record<string, string> = {}): ProviderEngine {
    const chat = new ProviderEngine({
      credentials: async (entry: ResolvedProviderEntry) => {
        keysAsked.push(entry.id);
        const apiKey = keys[entry.id];
        return apiKey ? { apiKey } : {};
      },
    });
    chat.configure({ providers, responseCache: false, http: { maxRetries: 0, firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000 } });
    return chat;
  }

  beforeEach(async () => {
    primary = await FakeHttpServer.start();
    backup = await FakeHttpServer.start();
    keysAsked.length = 0;
  });
  afterEach(async () => {
    await primary.close();
    await backup.close();
  });

  it('offers every preset plus the user entries, an entry with a preset id overriding the preset', () => {
    const chat = service([
      { id: 'openai', baseUrl: `${primary.origin}/v1` },
      { id: 'mine', kind: 'openai', baseUrl: `${backup.origin}/v1` },
    ]);
    const { entries, problems } = chat.providerEntries();
    const ids = entries.map((entry) => entry.id);
    for (const preset of ['openai', 'anthropic', 'gemini', 'openrouter', 'groq', 'ollama', 'lmstudio', 'vllm', 'sydney', 'mine'])
      assert.ok(ids.includes(preset), preset);
    assert.equal(chat.entry('openai')?.baseUrl, `${primary.origin}/v1`);
    assert.deepEqual(problems, []);
  });

  it('streams from the chosen model with its key, and sends the key to nobody else', async () => {
    primary.enqueue(openAiStream(['Hel', 'lo']));
    const chat = service(
      [
        { id: 'openai', baseUrl: `${primary.origin}/v1` },
        { id: 'mine', kind: 'openai', baseUrl: `${backup.origin}/v1`, requiresKey: false },
      ],
      {
        openai: 'sk-primary-key',
      },
    );
    const events = await collect(
      chat.chat(['openai/gpt-test', 'mine/backup-model'], { messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }] }),
    );
    assert.equal(textOf(events), 'Hello');
    assert.deepEqual(events[0], { type: 'model', provider: 'openai', model: 'gpt-test' });
    assert.equal(primary.requests[0]?.headers.authorization, 'Bearer sk-primary-key');
    assert.equal(JSON.parse(primary.requests[0]?.body ?? '{}').model, 'gpt-test');
    assert.equal(backup.requests.length, 0);
  });

  it('falls back to the next model on a 503 and says which model answered', async () => {
    primary.enqueue(openAiOverloaded());
    backup.enqueue(openAiStream(['from backup']));
    const chat = service(
      [
        { id: 'openai', baseUrl: `${primary.origin}/v1` },
        { id: 'mine', kind: 'openai', baseUrl: `${backup.origin}/v1`, requiresKey: false },
      ],
      {
        openai: 'sk-primary-key',
      },
    );
    const events = await collect(
      chat.chat(['openai/gpt-test', 'mine/backup-model'], { messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }] }),
    );
    assert.equal(textOf(events), 'from backup');
    const fallback = events.find((event) => event.type === 'fallback');
    assert.ok(fallback && fallback.type === 'fallback');
    assert.deepEqual(fallback.to, { provider: 'mine', model: 'backup-model' });
    assert.deepEqual(events.filter((event) => event.type === 'model').at(-1), { type: 'model', provider: 'mine', model: 'backup-model' });
    assert.equal(backup.requests[0]?.headers.authorization, undefined, 'the openai key must not go to the backup server');
  });

  it('does not fall back when the key is rejected', async () => {
    primary.enqueue(openAiInvalidKey('sk-bad-key'));
    const chat = service(
      [
        { id: 'openai', baseUrl: `${primary.origin}/v1` },
        { id: 'mine', kind: 'openai', baseUrl: `${backup.origin}/v1`, requiresKey: false },
      ],
      {
        openai: 'sk-bad-key',
      },
    );
    const events = await collect(
      chat.chat(['openai/gpt-test', 'mine/backup-model'], { messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }] }),
    );
    const last = events.at(-1);
    assert.ok(last?.type === 'error');
    assert.equal(last.error.kind, 'auth');
    assert.equal(backup.requests.length, 0);
  });

  it('says clearly when the chosen model names a provider that does not exist', async () => {
    const chat = service([]);
    const events = await collect(chat.chat(['nobody/model'], { messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }] }));
    assert.equal(events.length, 1);
    assert.ok(events[0]?.type === 'error');
    assert.match(events[0].error.message, /no provider “nobody”/);
  });

  it('lists models from the server plus the ones typed into the entry, and returns a failure with its provider', async () => {
    primary.enqueue(openAiModels(['listed-1']));
    const chat = service([
      { id: 'mine', kind: 'openai', baseUrl: `${primary.origin}/v1`, requiresKey: false, models: ['typed-1', 'listed-1'] },
    ]);
    const listed = await chat.listModels('mine');
    assert.deepEqual(
      listed.models.map((model) => model.id),
      ['listed-1', 'typed-1'],
    );
    assert.equal(listed.error, undefined);

    primary.enqueue(openAiInvalidKey());
    const failed = await chat.listModels('mine');
    assert.equal(failed.error?.kind, 'auth');
    assert.deepEqual(
      failed.models.map((model) => model.id),
      ['typed-1', 'listed-1'],
    );
  });

  it('checks a key with the model list', async () => {
    primary.enqueue(openAiModels(['a', 'b']));
    primary.enqueue(openAiInvalidKey('sk-wrong-key'));
    const chat = service([{ id: 'openai', baseUrl: `${primary.origin}/v1` }], { openai: 'sk-wrong-key' });
    assert.deepEqual(await chat.checkKey('openai'), { result: 'works', models: 2 });
    const rejected = await chat.checkKey('openai');
    assert.equal(rejected.result, 'rejected');
    assert.ok(rejected.result === 'rejected' && !rejected.error.message.includes('sk-wrong-key'));
  });
});

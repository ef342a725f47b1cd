// The fallback chain against real local HTTP servers speaking OpenAI-compatible SSE, through the real client.
import * as assert from 'node:assert/strict';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import { CircuitBreaker } from '../../../src/core/chat/circuitBreaker';
import { streamWithFallback } from '../../../src/core/chat/streamWithFallback';
import { HttpClient } from '../../../src/core/http/httpClient';
import { OpenAiCompatibleProvider } from '../../../src/core/providers/openAiCompatibleProvider';
import { FakeHttpServer, type ScriptedResponse } from '../fakes/fakeHttpServer';
import { openAiInvalidKey, openAiOverloaded, openAiStream } from '../fakes/openAiFake';
import { FakeClock } from './fakeClock';
import { collect, textOf, types } from './fakeProvider';

interface LocalServer {
  baseUrl: string;
  server: FakeHttpServer;
  /** The model each request asked for. */
  models(): Array<string | undefined>;
  authorizations(): Array<string | undefined>;
  close(): Promise<void>;
}

/** A server that answers every request with `answer()`. */
async function listen(answer: () => ScriptedResponse): Promise<LocalServer> {
  const server = await FakeHttpServer.start();
  server.onRequest(answer);
  return {
    baseUrl: `${server.origin}/v1`,
    server,
    models: () => server.requests.map((r) => (JSON.parse(r.body || '{}') as { model?: string }).model),
    authorizations: () => server.requests.map((r) => r.headers.authorization),
    close: () => server.close(),
  };
}

function client(id: string, baseUrl: string, apiKey: string): OpenAiCompatibleProvider {
  // One retry, slept instantly, so "fails after its retries" is exercised without waiting.
  const http = new HttpClient({ maxRetries: 1, sleep: () => Promise.resolve(), random: () => 0, env: {} });
  return new OpenAiCompatibleProvider({ id, baseUrl, apiKey, http, requiresKey: true });
}

describe('fallback over real OpenAI-compatible servers', () => {
  const servers: LocalServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  const request = { messages: [{ role: 'user' as const, parts: [{ type: 'text' as const, text: 'hello' }] }] };

  it('falls back to the second server when the first answers 503, and says which model answered', async () => {
    const primary = await listen(() => openAiOverloaded());
    const backup = await listen(() =>
      openAiStream(['Hel', 'lo!'], { model: 'backup-model', usage: { prompt_tokens: 9, completion_tokens: 3 } }),
    );
    servers.push(primary, backup);
    const breaker = new CircuitBreaker({ clock: new FakeClock() });
    const chain = [
      { provider: client('primary', primary.baseUrl, 'sk-test-primary'), model: 'primary-model' },
      { provider: client('backup', backup.baseUrl, 'sk-test-backup'), model: 'backup-model' },
    ];

    const events = await collect(streamWithFallback(chain, request, { breaker }));

    // The client hands over the text of one network read as one text-delta, so count runs of deltas, not deltas.
    const runs = types(events).filter((type, i, all) => !(type === 'text-delta' && all[i - 1] === 'text-delta'));
    assert.deepEqual(runs, ['model', 'retry', 'fallback', 'model', 'text-delta', 'usage', 'done']);
    const fallback = events.find((event): event is Extract<ChatEvent, { type: 'fallback' }> => event.type === 'fallback');
    assert.ok(fallback?.error.kind === 'server' || fallback?.error.kind === 'overloaded', fallback?.error.kind);
    assert.equal(fallback?.error.status, 503);
    assert.deepEqual(fallback?.to, { provider: 'backup', model: 'backup-model' });
    assert.deepEqual(events.filter((event) => event.type === 'model').at(-1), { type: 'model', provider: 'backup', model: 'backup-model' });
    assert.equal(textOf(events), 'Hello!');
    assert.equal(primary.server.requests.length, 2, 'the first attempt and its one retry');
    assert.deepEqual(backup.models(), ['backup-model']);
    assert.ok(primary.authorizations().every((a) => a === 'Bearer sk-test-primary'));
    assert.deepEqual(backup.authorizations(), ['Bearer sk-test-backup'], 'each key goes only to its own server');
    assert.equal(breaker.state('primary'), 'closed', 'one failure does not open the breaker');
  });

  it('does not fall back when the first answers 401', async () => {
    const primary = await listen(() => openAiInvalidKey('sk-test-primary'));
    const backup = await listen(() => openAiStream(['never'], { model: 'backup-model' }));
    servers.push(primary, backup);
    const chain = [
      { provider: client('primary', primary.baseUrl, 'sk-test-primary'), model: 'primary-model' },
      { provider: client('backup', backup.baseUrl, 'sk-test-backup'), model: 'backup-model' },
    ];

    const events = await collect(streamWithFallback(chain, request));

    assert.deepEqual(types(events), ['model', 'error']);
    const last = events.at(-1) as Extract<ChatEvent, { type: 'error' }>;
    assert.equal(last.error.kind, 'auth');
    assert.equal(last.error.status, 401);
    assert.ok(!last.error.message.includes('sk-test-primary'), 'the key never appears in the error');
    assert.equal(primary.server.requests.length, 1, '401 is not retried');
    assert.equal(backup.server.requests.length, 0);
  });
});

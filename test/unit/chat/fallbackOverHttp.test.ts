// The fallback chain against real local HTTP servers speaking OpenAI-compatible SSE, through the real client.
import * as assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import { CircuitBreaker } from '../../../src/core/chat/circuitBreaker';
import { streamWithFallback } from '../../../src/core/chat/streamWithFallback';
import { HttpClient } from '../../../src/core/http/httpClient';
import { OpenAiCompatibleProvider } from '../../../src/core/providers/openAiCompatibleProvider';
import { FakeClock } from './fakeClock';
import { collect, textOf, types } from './fakeProvider';

interface Recorded {
  url: string | undefined;
  authorization: string | undefined;
  body: { model?: string };
}

interface LocalServer {
  baseUrl: string;
  requests: Recorded[];
  close(): Promise<void>;
}

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<LocalServer> {
  const requests: Recorded[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        url: request.url,
        authorization: request.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { model?: string },
      });
      handler(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function jsonError(status: number, message: string, type: string): (request: IncomingMessage, response: ServerResponse) => void {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { message, type, code: null } }));
  };
}

function sseAnswer(model: string, parts: readonly string[]): (request: IncomingMessage, response: ServerResponse) => void {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const part of parts) {
      response.write(`data: ${JSON.stringify({ model, choices: [{ index: 0, delta: { content: part }, finish_reason: null }] })}\n\n`);
    }
    response.write(`data: ${JSON.stringify({ model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
    response.write(`data: ${JSON.stringify({ model, choices: [], usage: { prompt_tokens: 9, completion_tokens: 3 } })}\n\n`);
    response.end('data: [DONE]\n\n');
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

  const request = { messages: [{ role: 'user' as const, content: 'hello' }] };

  it('falls back to the second server when the first answers 503, and says which model answered', async () => {
    const primary = await listen(jsonError(503, 'The server is overloaded, try again later.', 'server_error'));
    const backup = await listen(sseAnswer('backup-model', ['Hel', 'lo!']));
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
    assert.equal(primary.requests.length, 2, 'the first attempt and its one retry');
    assert.equal(backup.requests.length, 1);
    assert.equal(backup.requests[0]?.body.model, 'backup-model');
    assert.ok(primary.requests.every((r) => r.authorization === 'Bearer sk-test-primary'));
    assert.equal(backup.requests[0]?.authorization, 'Bearer sk-test-backup', 'each key goes only to its own server');
    assert.equal(breaker.state('primary'), 'closed', 'one failure does not open the breaker');
  });

  it('does not fall back when the first answers 401', async () => {
    const primary = await listen(jsonError(401, 'Incorrect API key provided.', 'invalid_request_error'));
    const backup = await listen(sseAnswer('backup-model', ['never']));
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
    assert.equal(primary.requests.length, 1, '401 is not retried');
    assert.equal(backup.requests.length, 0);
  });
});

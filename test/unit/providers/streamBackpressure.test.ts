// A consumer that stops taking events (a busy UI) must hold the server back through TCP instead of letting the
// client read the whole answer into memory: the body is paused while too many events wait, and resumed after.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import type { HttpClient } from '../../../src/core/http/httpClient';
import { AnthropicProvider } from '../../../src/core/providers/anthropicProvider';
import { defaultAnswerLimits } from '../../../src/core/providers/answerLimits';
import { anthropicEvent, anthropicSseHeaders } from '../fakes/anthropicFake';
import { testHttpClient } from '../fakes/chatTestKit';

const piece = 'x'.repeat(1000);
const totalEvents = 32_000; // about 32 MB of events

describe('streamed answers and a slow consumer', () => {
  let server: Server;
  let written = 0;
  let http: HttpClient;

  beforeEach(async () => {
    written = 0;
    const event = Buffer.from(
      anthropicEvent('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } }),
    );
    server = createServer((_request, response) => {
      response.writeHead(200, anthropicSseHeaders);
      const writeMore = (): void => {
        while (written < totalEvents) {
          written++;
          if (!response.write(event)) {
            response.once('drain', writeMore);
            return;
          }
        }
        response.end(anthropicEvent('message_stop', { type: 'message_stop' }));
      };
      writeMore();
    });
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    http = testHttpClient();
  });

  afterEach(async () => {
    await http.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Resolves once the server has written nothing for `quietMs`: it is waiting for the client to read. */
  async function serverStalled(quietMs: number): Promise<void> {
    let last = -1;
    while (written !== last) {
      last = written;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
  }

  it('stops reading while the consumer does not take events, and delivers the whole answer after', async () => {
    const { port } = server.address() as AddressInfo;
    // 32 MB is far beyond the answer-size cap; this test is about back-pressure, so the cap is lifted.
    const provider = new AnthropicProvider({
      id: 'anthropic',
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: 'sk-ant-test',
      http,
      requiresKey: true,
      answerLimits: { ...defaultAnswerLimits, maxAnswerChars: 64_000_000 },
    });
    const stream = provider.streamChat({
      model: 'claude-fake',
      messages: [{ role: 'user', parts: [{ type: 'text', text: 'long, please' }] }],
    });
    const events = stream[Symbol.asyncIterator]();
    assert.equal((await events.next()).value?.type, 'model');
    const firstText = (await events.next()).value as ChatEvent;
    assert.equal(firstText.type, 'text-delta');

    await serverStalled(300);
    assert.ok(written < totalEvents / 2, `the client kept reading: the server wrote ${written} of ${totalEvents} events`);

    let chars = firstText.type === 'text-delta' ? firstText.text.length : 0;
    let last: ChatEvent | undefined;
    for (let next = await events.next(); next.done !== true; next = await events.next()) {
      last = next.value;
      if (next.value.type === 'text-delta') chars += next.value.text.length;
    }
    assert.deepEqual(last, { type: 'done', finishReason: 'stop' });
    assert.equal(chars, totalEvents * piece.length);
  });
});

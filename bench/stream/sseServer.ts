// The local server of the streaming benchmark: 127.0.0.1, plain HTTP/1.1 with chunked bodies, answering
// `POST /v1/chat/completions` with the OpenAI stream and `POST /v1/messages` with the Anthropic one. Every client
// gets the same bytes, written the same way:
//   - paced: one `write` per SSE frame, at a fixed rate (default 10 frames per millisecond, so 20,000 frames take
//     ~2 s): a fast model on a fast link; each network read of the client carries a few frames;
//   - bulk: the whole body as fast as the socket takes it, in 16 KiB writes: throughput, many frames per read.
// Headers and error bodies follow OpenAI's API reference (Chat Completions streaming; the error object; the
// `x-request-id`, `openai-processing-ms` and `openai-version` headers) and Anthropic's API docs ("Streaming
// Messages"; "Errors": `{type: "error", error: {type, message}, request_id}` and the `request-id` header).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StreamFixture, StreamFormat } from './streamData';

export type Delivery = 'paced' | 'bulk';

export interface SseServer {
  origin: string;
  /** Applies to the requests that start after it. */
  setDelivery(delivery: Delivery): void;
  /** Requests answered so far, per format. */
  served: Record<StreamFormat, number>;
  close(): Promise<void>;
}

const headers = (format: StreamFormat): Record<string, string> => ({
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  'x-content-type-options': 'nosniff',
  ...(format === 'openai'
    ? { 'openai-processing-ms': '112', 'openai-version': '2020-10-01', 'x-request-id': 'req_bench0000000000000000000001' }
    : { 'request-id': 'req_011CbenchSwitchboard0001', 'anthropic-organization-id': '00000000-0000-0000-0000-000000000000' }),
});

export async function startSseServer(
  fixtures: Record<StreamFormat, StreamFixture>,
  options: { framesPerMs?: number } = {},
): Promise<SseServer> {
  const framesPerMs = options.framesPerMs ?? 10;
  let delivery: Delivery = 'paced';
  const served: Record<StreamFormat, number> = { openai: 0, anthropic: 0 };
  const bulkBodies = new Map<StreamFormat, Buffer[]>();
  const bulkOf = (format: StreamFormat): Buffer[] => {
    let chunks = bulkBodies.get(format);
    if (!chunks) {
      const all = Buffer.concat(fixtures[format].frames);
      chunks = [];
      for (let offset = 0; offset < all.length; offset += 16 * 1024) chunks.push(all.subarray(offset, offset + 16 * 1024));
      bulkBodies.set(format, chunks);
    }
    return chunks;
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const body: Buffer[] = [];
    request.on('data', (chunk: Buffer) => body.push(chunk));
    request.on('end', () => {
      const format: StreamFormat | undefined =
        request.method === 'POST' && request.url === '/v1/chat/completions'
          ? 'openai'
          : request.method === 'POST' && request.url === '/v1/messages'
            ? 'anthropic'
            : undefined;
      let parsed: { stream?: unknown } = {};
      try {
        parsed = JSON.parse(Buffer.concat(body).toString('utf8')) as { stream?: unknown };
      } catch {
        // answered below
      }
      if (format === undefined || parsed.stream !== true) {
        const message = `not a streaming request the bench serves: ${request.method} ${request.url}`;
        response.writeHead(format === undefined ? 404 : 400, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify(
            format === 'anthropic'
              ? { type: 'error', error: { type: 'invalid_request_error', message }, request_id: 'req_011CbenchSwitchboard0002' }
              : { error: { message, type: 'invalid_request_error', param: null, code: null } },
          ),
        );
        return;
      }
      served[format]++;
      response.writeHead(200, headers(format));
      response.flushHeaders();
      if (delivery === 'bulk') void sendBulk(response, bulkOf(format));
      else sendPaced(response, fixtures[format].frames, framesPerMs);
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setDelivery: (next) => {
      delivery = next;
    },
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendPaced(response: ServerResponse, frames: readonly Buffer[], framesPerMs: number): void {
  const start = performance.now();
  let next = 0;
  const tick = (): void => {
    if (response.destroyed) return;
    const due = Math.min(frames.length, Math.floor((performance.now() - start) * framesPerMs) + framesPerMs);
    while (next < due) response.write(frames[next++]);
    if (next < frames.length) setTimeout(tick, 1);
    else response.end();
  };
  tick();
}

async function sendBulk(response: ServerResponse, chunks: readonly Buffer[]): Promise<void> {
  for (const chunk of chunks) {
    if (response.destroyed) return;
    if (!response.write(chunk)) await new Promise<void>((resolve) => response.once('drain', resolve));
  }
  response.end();
}

// A small Anthropic Messages server for the real-editor tests of images in the chat (issue 16): lists models, streams
// answers as named SSE events, and checks image blocks the way the API does. Follows Anthropic's API docs:
// "Messages" (request shape; the `anthropic-version` header is required), "Vision" (image blocks with a base64
// `source` of media type image/jpeg, image/png, image/gif or image/webp; 400 invalid_request_error otherwise),
// "Models" (`GET /v1/models`), "Streaming Messages" and "Errors" (the error body and the `request-id` header).
import * as http from 'node:http';
import { anthropicRequestId, anthropicStreamBody } from '../../unit/fakes/anthropicFake';

export interface AnthropicRecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const mediaTypes = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

export class FakeAnthropicServer {
  readonly requests: AnthropicRecordedRequest[] = [];
  models = ['claude-sonnet-4-5'];

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeAnthropicServer> {
    const server = http.createServer();
    const instance = new FakeAnthropicServer(server);
    server.on('request', (request, response) => void instance.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get origin(): string {
    const address = this.server.address();
    if (!address || typeof address !== 'object') throw new Error('not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = request.url ?? '/';
    this.requests.push({ method: request.method ?? 'GET', path, headers: request.headers, body });
    const id = anthropicRequestId();
    const error = (status: number, type: string, message: string): void => {
      response.writeHead(status, { 'content-type': 'application/json', 'request-id': id });
      response.end(JSON.stringify({ type: 'error', error: { type, message }, request_id: id }));
    };
    if (request.headers['anthropic-version'] === undefined) {
      error(400, 'invalid_request_error', 'anthropic-version: header is required');
      return;
    }
    if (request.method === 'GET' && path.startsWith('/v1/models')) {
      response.writeHead(200, { 'content-type': 'application/json', 'request-id': id });
      const data = this.models.map((model) => ({ type: 'model', id: model, display_name: model, created_at: '2025-09-29T00:00:00Z' }));
      response.end(JSON.stringify({ data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null }));
      return;
    }
    if (request.method === 'POST' && path === '/v1/messages') {
      const parsed = JSON.parse(body) as { messages: { role: string; content: unknown }[] };
      for (const [index, message] of parsed.messages.entries()) {
        if (!Array.isArray(message.content)) continue;
        for (const [blockIndex, block] of (
          message.content as { type: string; source?: { type: string; media_type: string; data: string } }[]
        ).entries()) {
          if (block.type !== 'image') continue;
          const where = `messages.${index}.content.${blockIndex}.image.source`;
          if (block.source?.type !== 'base64') return error(400, 'invalid_request_error', `${where}.type: Input should be 'base64'`);
          if (!mediaTypes.has(block.source.media_type)) {
            return error(
              400,
              'invalid_request_error',
              `${where}.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'`,
            );
          }
          if (!/^[A-Za-z0-9+/]+={0,2}$/.test(block.source.data)) {
            return error(400, 'invalid_request_error', `${where}.base64.data: The image data is not valid base64`);
          }
        }
      }
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'request-id': id });
      response.end(anthropicStreamBody(['I see ', 'a gradient.']));
      return;
    }
    error(404, 'not_found_error', 'Not found');
  }
}

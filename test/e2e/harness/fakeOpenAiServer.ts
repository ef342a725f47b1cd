// A small OpenAI-compatible server for the real-editor tests: lists models, streams chat answers in SSE, makes
// images, and records every request (with headers) so a test can check where requests and keys went.
// Follows OpenAI's API reference (Models "list", Chat Completions streaming chunks — with `tool_calls` deltas as the
// function-calling guide streams them —, Images "create", the error object and the `x-request-id` header of every
// answer, Moderations "create" with the omni-moderation categories, Embeddings "create").
import * as http from 'node:http';
import { crc32, deflateSync } from 'node:zlib';
import { openAiModerationResult } from '../../unit/fakes/moderationFakes';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Resolves when the client closed the connection (before or after the answer finished). */
  closed: Promise<void>;
  /** When each piece of a streamed answer was written (ms since the epoch). */
  pieceTimes: number[];
}

/** A chat request's message as the fake reads it: text, parts (images), or a tool call / result. */
export interface FakeChatMessage {
  role: string;
  content: string | null | { type: string; text?: string }[];
  tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

export type ChatReply = (body: {
  model: string;
  messages: FakeChatMessage[];
  tools?: { type: 'function'; function: { name: string; description?: string; parameters?: unknown } }[];
}) => {
  /** Pieces of the answer, one SSE frame each. */
  pieces: string[];
  /** Wait this long between pieces. */
  delayMs?: number;
  /**
   * Tool calls after the text: each streamed as OpenAI does — a first delta with its index, id and name, then its
   * arguments in two pieces — and the answer finishes with `tool_calls`.
   */
  toolCalls?: { id: string; name: string; arguments: string }[];
};

/** A legacy completions request (fill-in-the-middle through `suffix`), as llama.cpp, LM Studio and vLLM take it. */
export interface FakeCompletionBody {
  model: string;
  prompt: string;
  suffix?: string;
  max_tokens?: number;
  stop?: string | string[];
}

export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  /** The middle a `/completions` request gets, and how long the server thinks first (nothing is sent meanwhile). */
  completionReply: (body: FakeCompletionBody) => { text: string; delayMs?: number } = () => ({ text: '' });
  models = ['fake-model-a', 'fake-model-b'];
  /** Context windows listed with the models, as Groq's and vLLM's lists say them (`context_window`). */
  windows: Record<string, number> = {};
  reply: ChatReply = () => ({ pieces: ['Hello', ' from', ' the fake', ' model.'] });
  /**
   * The usage of a streamed chat answer (its final chunk, as `stream_options.include_usage` asks): prompt and
   * completion tokens, and the prompt tokens read from OpenAI's prompt cache (`prompt_tokens_details.cached_tokens`,
   * the "Prompt caching" guide), counted in prompt_tokens.
   */
  usage: (pieces: readonly string[]) => { prompt: number; completion: number; cached: number } = (pieces) => ({
    prompt: 11,
    completion: pieces.length,
    cached: 0,
  });
  /** How long an image generation takes before the server answers at all. */
  imageDelayMs = 0;
  /**
   * What `/moderations` flags in an input: category names to scores (empty: nothing). Every other category of
   * omni-moderation-latest is answered false with a low score, as OpenAI does.
   */
  moderation: (input: string) => Record<string, number> = () => ({});
  /** The vector `/embeddings` gives each input (a test makes paraphrases point the same way). */
  embedding: (input: string) => number[] = () => [1, 0, 0];

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeOpenAiServer> {
    const server = http.createServer();
    const instance = new FakeOpenAiServer(server);
    server.on('request', (request, response) => void instance.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get origin(): string {
    const address = this.server.address();
    if (!address || typeof address !== 'object') throw new Error('not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** Requests whose path ends with `suffix`. */
  requestsTo(suffix: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path.endsWith(suffix));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const closed = new Promise<void>((resolve) => response.once('close', () => resolve()));
    const path = request.url ?? '/';
    const pieceTimes: number[] = [];
    this.requests.push({ method: request.method ?? 'GET', path, headers: request.headers, body, closed, pieceTimes });
    const requestId = { 'x-request-id': `req_fake${String(this.requests.length).padStart(24, '0')}` };

    if (request.method === 'GET' && path.endsWith('/models')) {
      response.writeHead(200, { 'content-type': 'application/json', ...requestId });
      response.end(
        JSON.stringify({
          object: 'list',
          data: this.models.map((id) => ({
            id,
            object: 'model',
            created,
            owned_by: 'system',
            ...(this.windows[id] !== undefined ? { context_window: this.windows[id] } : {}),
          })),
        }),
      );
      return;
    }
    if (request.method === 'POST' && path.endsWith('/chat/completions')) {
      const parsed = JSON.parse(body) as Parameters<ChatReply>[0];
      const { pieces, delayMs = 0, toolCalls = [] } = this.reply(parsed);
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...requestId });
      const chunk = (delta: Record<string, unknown>, finish: string | null): string =>
        `data: ${JSON.stringify({ id: 'chatcmpl-fake1', object: 'chat.completion.chunk', created, model: parsed.model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
      // The first chunk names the role and carries no text, as OpenAI's do.
      response.write(chunk({ role: 'assistant', content: '', refusal: null }, null));
      for (const piece of pieces) {
        if (response.destroyed) return;
        response.write(chunk({ content: piece }, null));
        pieceTimes.push(Date.now());
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
      if (response.destroyed) return;
      toolCalls.forEach((call, index) => {
        const half = Math.ceil(call.arguments.length / 2);
        response.write(
          chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }, null),
        );
        for (const piece of [call.arguments.slice(0, half), call.arguments.slice(half)]) {
          response.write(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }, null));
        }
      });
      response.write(chunk({}, toolCalls.length > 0 ? 'tool_calls' : 'stop'));
      const counts = this.usage(pieces);
      const usage = {
        prompt_tokens: counts.prompt,
        completion_tokens: counts.completion,
        total_tokens: counts.prompt + counts.completion,
        prompt_tokens_details: { cached_tokens: counts.cached, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      };
      response.write(
        `data: ${JSON.stringify({ id: 'chatcmpl-fake1', object: 'chat.completion.chunk', created, model: parsed.model, choices: [], usage })}\n\n`,
      );
      response.end('data: [DONE]\n\n');
      return;
    }
    if (request.method === 'POST' && path.endsWith('/completions') && !path.endsWith('/chat/completions')) {
      // OpenAI's legacy Completions API ("Create completion"): one JSON answer, a `text_completion` object.
      const parsed = JSON.parse(body) as FakeCompletionBody;
      const { text, delayMs = 0 } = this.completionReply(parsed);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (response.destroyed) return;
      pieceTimes.push(Date.now());
      response.writeHead(200, { 'content-type': 'application/json', ...requestId });
      response.end(
        JSON.stringify({
          id: 'cmpl-fake1',
          object: 'text_completion',
          created,
          model: parsed.model,
          choices: [{ text, index: 0, logprobs: null, finish_reason: 'stop' }],
          usage: { prompt_tokens: Math.ceil(parsed.prompt.length / 4), completion_tokens: Math.ceil(text.length / 4), total_tokens: 0 },
        }),
      );
      return;
    }
    if (request.method === 'POST' && path.endsWith('/images/generations')) {
      const parsed = JSON.parse(body) as { n?: number; size?: string; quality?: string; output_format?: string };
      // Like OpenAI's image endpoint, nothing (not even the status line) comes back until the image is made.
      if (this.imageDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.imageDelayMs));
      if (response.destroyed) return;
      response.writeHead(200, { 'content-type': 'application/json', ...requestId });
      response.end(
        JSON.stringify({
          created,
          background: 'opaque',
          data: Array.from({ length: parsed.n ?? 1 }, () => ({ b64_json: gradientPng(96).toString('base64') })),
          output_format: parsed.output_format ?? 'png',
          quality: parsed.quality ?? 'medium',
          size: parsed.size ?? '1024x1024',
          usage: { input_tokens: 12, input_tokens_details: { image_tokens: 0, text_tokens: 12 }, output_tokens: 1056, total_tokens: 1068 },
        }),
      );
      return;
    }
    if (request.method === 'POST' && path.endsWith('/moderations')) {
      const parsed = JSON.parse(body) as { model?: string; input: string | string[] };
      const inputs = Array.isArray(parsed.input) ? parsed.input : [parsed.input];
      response.writeHead(200, { 'content-type': 'application/json', ...requestId });
      response.end(
        JSON.stringify({
          id: 'modr-fake1',
          model: parsed.model ?? 'omni-moderation-latest',
          results: inputs.map((input) => openAiModerationResult(this.moderation(input))),
        }),
      );
      return;
    }
    if (request.method === 'POST' && path.endsWith('/embeddings')) {
      const parsed = JSON.parse(body) as { model: string; input: string | string[] };
      const inputs = Array.isArray(parsed.input) ? parsed.input : [parsed.input];
      response.writeHead(200, { 'content-type': 'application/json', ...requestId });
      response.end(
        JSON.stringify({
          object: 'list',
          data: inputs.map((input, index) => ({ object: 'embedding', index, embedding: this.embedding(input) })),
          model: parsed.model,
          usage: { prompt_tokens: inputs.length * 8, total_tokens: inputs.length * 8 },
        }),
      );
      return;
    }
    // What OpenAI answers a path it does not have.
    response.writeHead(404, { 'content-type': 'application/json', ...requestId });
    response.end(
      JSON.stringify({
        error: { message: `Invalid URL (${request.method ?? 'GET'} ${path})`, type: 'invalid_request_error', param: null, code: null },
      }),
    );
  }
}

/** 2026-01-01T00:00:00Z: the `created` of every answer (nothing reads it). */
const created = 1_767_225_600;

/** A real PNG (a square colour gradient), so the editor's image preview shows something. */
export function gradientPng(size: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      row[1 + x * 3] = Math.round((255 * x) / size);
      row[2 + x * 3] = Math.round((255 * y) / size);
      row[3 + x * 3] = 160;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

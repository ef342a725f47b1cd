// A real HTTP server on 127.0.0.1 (random port) that plays scripted responses, so protocol clients are tested
// against the network stack they use in production, with the ugly cases: bytes split anywhere, stalls, cut
// connections, HTML error pages, servers that never answer, servers that think for minutes before the status line.
// What each service answers lives in its own builder file (openAiFake, anthropicFake, geminiFake, …), each naming
// the public document it follows.
import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextTick } from 'node:timers/promises';

export type ScriptStep = string | Uint8Array | { delayMs: number };

export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Written in order; a `{delayMs}` step pauses. */
  chunks?: ScriptStep[];
  /**
   * Written after `chunks` for as long as it yields and the client listens: a generator can go on forever (keep-alive
   * comments, say); the server stops when the client hangs up or the fake is closed.
   */
  tail?: Iterable<ScriptStep>;
  /** Pause between chunks: `immediate` yields to the event loop once, so each chunk leaves as its own write. */
  gap?: 'none' | 'immediate' | number;
  /** After the chunks: end the response (default), cut the socket, or keep it open forever. */
  after?: 'end' | 'destroy' | 'hang';
  /** Never send the status line: the client waits for its first byte. */
  silent?: boolean;
  /**
   * Send the status line only after this long (a generation that answers when its work is done). If the client
   * hangs up meanwhile, nothing is written.
   */
  headersAfterMs?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body's bytes (a multipart upload of an image is not UTF-8). */
  raw: Uint8Array;
  /** Resolves when the response closes, with whether it was written to the end (false: the client hung up). */
  closed: Promise<{ completed: boolean }>;
}

type Handler = (request: RecordedRequest) => ScriptedResponse | undefined;

export class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: ScriptedResponse[] = [];
  private handler: Handler | undefined;

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeHttpServer> {
    const server = http.createServer();
    const fake = new FakeHttpServer(server);
    server.on('request', (req, res) => void fake.serve(req, res));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get origin(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Responses served in order, one per request. */
  enqueue(...responses: ScriptedResponse[]): this {
    this.queue.push(...responses);
    return this;
  }

  /** Used when the queue is empty. */
  onRequest(handler: Handler): this {
    this.handler = handler;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.socket?.setNoDelay(true);
    const closed = new Promise<{ completed: boolean }>((resolve) => {
      res.on('close', () => resolve({ completed: res.writableFinished }));
    });
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(parts).toString('utf8'),
      raw: new Uint8Array(Buffer.concat(parts)),
      closed,
    };
    this.requests.push(recorded);
    const script = this.queue.shift() ?? this.handler?.(recorded) ?? { status: 500, chunks: ['no scripted response'] };
    if (script.silent) return;
    if (script.headersAfterMs !== undefined) {
      await delayUnlessClosed(script.headersAfterMs, res);
      if (res.destroyed) return;
    }
    res.writeHead(script.status ?? 200, script.headers ?? {});
    res.flushHeaders();
    for (const step of steps(script)) {
      if (res.destroyed) return;
      if (typeof step === 'object' && !(step instanceof Uint8Array)) {
        await delayUnlessClosed(step.delayMs, res);
        continue;
      }
      // Like a real server, wait while the client is not reading: otherwise a big body would pile up in this
      // process and could all reach the kernel's buffers before the client hangs up.
      if (!res.write(step))
        await new Promise<void>((resolve) => {
          const done = (): void => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.once('drain', done);
          res.once('close', done);
        });
      if (script.gap === 'immediate') await nextTick();
      else if (typeof script.gap === 'number') await delay(script.gap);
    }
    switch (script.after ?? 'end') {
      case 'end':
        res.end();
        break;
      case 'destroy':
        // Let the written bytes leave before cutting, so the client sees a partial answer, then a reset.
        await delay(20);
        res.socket?.destroy();
        break;
      case 'hang':
        break;
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits `ms`, or less if the client hangs up first (so a closed fake leaves no timer behind). */
function delayUnlessClosed(ms: number, res: http.ServerResponse): Promise<void> {
  if (res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.once('close', done);
  });
}

function* steps(script: ScriptedResponse): Generator<ScriptStep> {
  yield* script.chunks ?? [];
  if (script.tail) yield* script.tail;
}

/** Splits bytes at the given offsets (sorted, deduplicated, within range). */
export function splitAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const cuts = [...new Set(offsets)].filter((o) => o > 0 && o < bytes.length).sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let start = 0;
  for (const cut of cuts) {
    out.push(bytes.subarray(start, cut));
    start = cut;
  }
  out.push(bytes.subarray(start));
  return out;
}

/** Every byte on its own. */
export function everyByte(bytes: Uint8Array): Uint8Array[] {
  return Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
}

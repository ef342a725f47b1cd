// What every HTTP chat client shares: the `model` event first, the key check, retries surfaced as `retry`
// events, and the rule that a stream ends in exactly one `done` or `error` event — a cancelled request ends with
// `done` (finishReason `cancelled`), never with an error, and text already streamed stays valid.
import type * as z from 'zod/mini';
import type { ChatEvent, ChatProvider, ChatRequest, ModelInfo, ProviderKind } from '../chat/chatTypes';
import { parseErrorBody } from '../errors/errorBodyInfo';
import type { ErrorContext } from '../errors/errorContext';
import { type HttpErrorResponse, mapErrorInfo, mapHttpError } from '../errors/mapHttpError';
import { mapStreamError } from '../errors/mapStreamError';
import { ProviderError } from '../errors/providerError';
import { toProviderError } from '../errors/errorFactories';
import type { HttpRequest, HttpResponse } from '../http/httpClient';
import { createSseFeed } from '../sse/sseFeed';
import { invalidResponse, parseJsonText, parseResponse } from '../validation/parseResponse';
import { ChatEventQueue, type ChatEventSink } from './chatEventQueue';
import { HttpProviderBase, type HttpProviderBaseConfig } from './httpProviderBase';
import { type AnswerLimits, answerTooLarge, defaultAnswerLimits, eventTooLarge } from './answerLimits';
import type { ModelQuirks } from './modelQuirks';
import { openWithTemperature } from './openWithTemperature';
import type { SseChatDecoder } from './sseChatDecoder';
import { type TemperatureProtocol, temperatureFor } from './temperatureRange';
import { SseEventTooLargeError } from '../sse/sseFeed';

/** Events a consumer has not taken yet before the body is paused (a slow consumer holds the server back by TCP). */
const maxBacklog = 256;

export interface ChatProviderConfig extends HttpProviderBaseConfig {
  /** Other secrets to scrub from messages, besides the key. */
  extraSecrets?: readonly string[];
  /** Caps on one streamed answer; default {@link defaultAnswerLimits}. */
  answerLimits?: AnswerLimits;
  /** The session's memory of models that refuse a temperature (kept by the engine across requests). */
  quirks?: ModelQuirks;
}

export abstract class HttpChatProvider extends HttpProviderBase<ChatProviderConfig> implements ChatProvider {
  abstract readonly kind: ProviderKind;

  constructor(config: ChatProviderConfig) {
    super(config, [config.apiKey, ...(config.extraSecrets ?? [])]);
  }

  streamChat(request: ChatRequest): AsyncIterable<ChatEvent> {
    const context = this.context('chat', request.model);
    return new ChatEventQueue(
      { type: 'model', provider: this.id, model: request.model },
      (sink) => this.run(request, context, sink),
      (error) => this.endEvent(error, context, request.signal),
      request.signal,
    );
  }

  async listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    const context = this.context('models');
    this.requireKey(context);
    return this.fetchModels(context, signal);
  }

  /** Checks that can fail before any request; a thrown error becomes the stream's final event. */
  private async run(request: ChatRequest, context: ErrorContext, sink: ChatEventQueue): Promise<void> {
    if (request.signal?.aborted) {
      sink.push({ type: 'done', finishReason: 'cancelled' });
      return;
    }
    this.requireKey(context);
    await this.chat(request, context, sink);
  }

  /**
   * The protocol: send the request (with `sink.signal`), push text/usage events and exactly one `done` into
   * `sink`; throw ProviderErrors. SSE protocols do it with {@link streamSse}.
   */
  protected abstract chat(request: ChatRequest, context: ErrorContext, sink: ChatEventQueue): Promise<void>;

  protected abstract fetchModels(context: ErrorContext, signal: AbortSignal | undefined): Promise<ModelInfo[]>;

  /** Sends the request, turning retries into `retry` events; returns the 2xx response. */
  protected async open(request: HttpRequest, sink: ChatEventSink): Promise<HttpResponse> {
    for await (const step of this.config.http.send(request)) {
      if (step.type === 'response') return step.response;
      sink.push({
        type: 'retry',
        provider: this.id,
        model: request.context.model ?? '',
        attempt: step.retry.attempt,
        delayMs: step.retry.delayMs,
        error: step.retry.error,
      });
    }
    throw new Error('HttpClient.send ended without a response');
  }

  /**
   * POSTs a JSON chat request that answers with a stream; every error answer is shown to `observe` before it is
   * mapped (how a refused temperature or `stream_options` is noticed).
   */
  protected postForStream(
    path: string,
    body: unknown,
    context: ErrorContext,
    sink: ChatEventQueue,
    observe: (response: HttpErrorResponse) => void,
  ): Promise<HttpResponse> {
    return this.open(
      {
        method: 'POST',
        url: this.url(path),
        headers: this.headers({ 'content-type': 'application/json', accept: 'text/event-stream' }),
        body: JSON.stringify(body),
        context,
        mapError: (response) => {
          observe(response);
          return mapHttpError(response, context);
        },
        signal: sink.signal,
      },
      sink,
    );
  }

  /** Sends with the user's temperature in `protocol`'s range, or without it for a model that refuses one. */
  protected withTemperature<T>(
    protocol: TemperatureProtocol,
    request: ChatRequest,
    sink: ChatEventQueue,
    send: (temperature: number | undefined, observe: (response: HttpErrorResponse) => void) => Promise<T>,
  ): Promise<T> {
    const target = { provider: this.id, model: request.model, quirks: this.config.quirks, sink };
    return openWithTemperature(temperatureFor(protocol, request.temperature), target, send);
  }

  /**
   * Reads a streamed answer: each network chunk goes through the SSE parser into the protocol's decoder and its
   * text out to the consumer as one event, all in one synchronous call. After the end marker the consumer is done
   * at once, and the rest of the body is read quietly so the connection goes back to the pool.
   */
  protected async streamSse(response: HttpResponse, context: ErrorContext, decoder: SseChatDecoder, sink: ChatEventQueue): Promise<void> {
    await this.rejectNonStream(response, context);
    const limits = this.config.answerLimits ?? defaultAnswerLimits;
    const feed = createSseFeed(decoder, limits.maxEventChars);
    const pipe = response.pipe((chunk) => {
      if (decoder.finished) return;
      try {
        feed.feed(chunk);
      } catch (error) {
        sink.flush(); // what was decoded before the oversized event stays the partial answer
        throw error instanceof SseEventTooLargeError ? eventTooLarge(context, limits) : error;
      }
      sink.flush();
      if (sink.textLength > limits.maxAnswerChars) throw answerTooLarge(context, limits);
      if (decoder.finished) sink.end();
      else if (sink.backlog > maxBacklog) {
        pipe.pause();
        sink.onDrained = () => pipe.resume();
      }
    });
    try {
      await pipe.done;
    } catch (error) {
      if (decoder.finished) return; // The answer was complete; what came after it does not matter.
      throw error;
    }
    if (decoder.finished) return;
    feed.end();
    decoder.end();
  }

  /** GET a JSON document under the base URL and validate it. */
  protected async getJson<S extends z.ZodMiniType>(
    path: string,
    schema: S,
    context: ErrorContext,
    signal: AbortSignal | undefined,
    what: string,
  ): Promise<z.infer<S>> {
    const response = await this.config.http.request({
      method: 'GET',
      url: this.url(path),
      headers: this.headers({ accept: 'application/json' }),
      context,
      ...(signal !== undefined ? { signal } : {}),
    });
    const text = await response.text();
    this.rejectHtml(text, response, context);
    return parseResponse(schema, parseJsonText(text, context, what), context, what);
  }

  /**
   * A 2xx answer to a streaming request that is not a stream: an HTML page (a captive portal or a proxy) or a JSON
   * error body. Anything else is read as a stream.
   */
  protected async rejectNonStream(response: HttpResponse, context: ErrorContext): Promise<void> {
    const type = response.headers['content-type'] ?? '';
    if (!/text\/html|application\/json/i.test(type)) return;
    const text = await response.text(64 * 1024);
    this.rejectHtml(text, response, context);
    if (parseErrorBody(text, type).message !== undefined) throw mapStreamError(text, context);
    throw invalidResponse(context, `expected an event stream (text/event-stream), got ${type}`);
  }

  /** An HTML page where JSON was expected: a proxy, gateway or captive portal answered instead of the provider. */
  protected rejectHtml(text: string, response: HttpResponse, context: ErrorContext): void {
    const info = parseErrorBody(text, response.headers['content-type'] ?? '');
    if (info.format === 'html') throw mapErrorInfo(undefined, info, context);
  }

  private requireKey(context: ErrorContext): void {
    if (!this.config.requiresKey || (this.config.apiKey ?? '').trim() !== '') return;
    throw this.missingSecret(context, 'API key', this.config.keyEnvVars ?? []);
  }

  private endEvent(error: unknown, context: ErrorContext, signal: AbortSignal | undefined): ChatEvent {
    if (signal?.aborted || (error instanceof ProviderError && error.kind === 'cancelled')) {
      return { type: 'done', finishReason: 'cancelled' };
    }
    return {
      type: 'error',
      error: toProviderError(error, { provider: this.id, model: context.model, redact: this.redact, stage: 'reading' }),
    };
  }
}

// Small in-memory ChatProviders for the reliability tests: each call plays the next scripted event sequence and
// the requests are recorded.
import type { ChatEvent, ChatProvider, ChatRequest, ProviderKind } from '../../../src/core/chat/chatTypes';
import { ProviderError, type ProviderErrorKind } from '../../../src/core/errors/providerError';
export { collect } from '../fakes/chatTestKit';

export type Script = readonly ChatEvent[] | ((request: ChatRequest) => AsyncIterable<ChatEvent> | Iterable<ChatEvent>);

export interface FakeProvider extends ChatProvider {
  readonly requests: ChatRequest[];
}

/** A provider that plays `scripts[i]` for its i-th request (the last script repeats). */
export function fakeProvider(id: string, scripts: readonly Script[], kind: ProviderKind = 'openai'): FakeProvider {
  const requests: ChatRequest[] = [];
  return {
    id,
    kind,
    requests,
    listModels: () => Promise.resolve([{ id: 'model' }]),
    async *streamChat(request: ChatRequest): AsyncGenerator<ChatEvent> {
      const script = scripts[Math.min(requests.length, scripts.length - 1)];
      requests.push(request);
      if (script === undefined) throw new Error('no script');
      yield* typeof script === 'function' ? script(request) : script;
    },
  };
}

/** A successful answer from `provider`/`model`. */
export function answer(
  provider: string,
  model: string,
  text: string,
  usage?: { inputTokens?: number; outputTokens?: number },
): ChatEvent[] {
  return [
    { type: 'model', provider, model },
    { type: 'text-delta', text },
    ...(usage ? [{ type: 'usage', usage } as const] : []),
    { type: 'done', finishReason: 'stop' },
  ];
}

export function providerError(
  kind: ProviderErrorKind,
  provider: string,
  extra: { status?: number; code?: string; model?: string } = {},
): ProviderError {
  return new ProviderError({ kind, provider, message: `${kind} from ${provider}`, ...extra });
}

/** An attempt that fails before any text. */
export function failure(
  kind: ProviderErrorKind,
  provider: string,
  model: string,
  extra: { status?: number; code?: string } = {},
): ChatEvent[] {
  return [
    { type: 'model', provider, model },
    { type: 'error', error: providerError(kind, provider, { model, ...extra }) },
  ];
}

export function types(events: readonly ChatEvent[]): string[] {
  return events.map((event) => event.type);
}

export function textOf(events: readonly ChatEvent[]): string {
  return events.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');
}

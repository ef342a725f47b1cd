// Puts a provider behind the ResponseCache (when the cache is enabled). A hit replays the stored answer as
// `model` (with `cached: true`), one `text-delta` with the whole text, `usage` (what the answer cost when it was
// generated; `cached` tells the UI it cost nothing now) and `done` (`stop`). A miss streams from the provider as
// usual and stores the answer only when it completed with `done` finishReason `stop` — never a partial, failed,
// length-truncated, filtered or stopped answer, and never an empty one. A request that offers tools or asks for a
// JSON answer format bypasses the cache both ways: a tool-using answer depends on what the tools find now, and the
// cache key does not hold the format (a plain answer must never be replayed where JSON was asked for).
//
// Wrap it outside withRateLimit, so that a hit spends no rate-limit budget.
import type { ChatEvent, ChatProvider, ChatRequest } from './chatTypes';
import { responseCacheKey, type ResponseCache } from './responseCache';
import { UsageTotals } from './usageTotals';

export function withResponseCache(provider: ChatProvider, cache: ResponseCache): ChatProvider {
  return {
    id: provider.id,
    kind: provider.kind,
    listModels: (signal) => provider.listModels(signal),
    streamChat: (request) => cachedStream(provider, cache, request),
  };
}

async function* cachedStream(provider: ChatProvider, cache: ResponseCache, request: ChatRequest): AsyncGenerator<ChatEvent> {
  if (!cache.enabled || (request.tools ?? []).length > 0 || request.responseFormat !== undefined) {
    yield* provider.streamChat(request);
    return;
  }
  const key = responseCacheKey(provider.id, request);
  const hit = await cache.get(key);
  if (request.signal?.aborted) {
    yield { type: 'done', finishReason: 'cancelled' };
    return;
  }
  if (hit !== undefined) {
    yield { type: 'model', provider: hit.provider, model: hit.model, cached: true };
    yield { type: 'text-delta', text: hit.text };
    if (hit.usage !== undefined) yield { type: 'usage', usage: hit.usage };
    yield { type: 'done', finishReason: 'stop' };
    return;
  }

  let answeredBy = { provider: provider.id, model: request.model };
  const text: string[] = [];
  const usage = new UsageTotals();
  for await (const event of provider.streamChat(request)) {
    if (event.type === 'model') answeredBy = { provider: event.provider, model: event.model };
    else if (event.type === 'text-delta') text.push(event.text);
    usage.observe(event);
    if (event.type === 'done' && event.finishReason === 'stop' && !request.signal?.aborted) {
      const answer = text.join('');
      if (answer.length > 0) {
        await cache.put(key, { ...answeredBy, text: answer, ...(usage.reported ? { usage: usage.usage } : {}) });
      }
    }
    yield event;
  }
}

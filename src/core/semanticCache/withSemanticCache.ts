// Puts the semantic cache in front of a chat engine (docs/moderation-and-caching.md). For a plain single question
// (plainQuestion.ts) the question is embedded, and a stored question of the same chat model, embedding model and
// system prompt at or above the threshold answers instead of the model: `model` (with `cached: true` and the
// original question), one `text-delta` with the stored answer, `done` (`stop`). No `usage`: nothing was spent.
// Otherwise the request goes to the engine, and a complete answer (`done`/`stop`, no tool calls, from the chosen model,
// not empty, not stopped) is stored with the question's embedding.
//
// The cache never stands between the user and an answer: when embedding fails (no key, a 429, a wrong vector) the
// problem is reported through `onProblem` and the request goes to the model as if the cache were off. `fresh` (Ask
// fresh) skips the lookup and stores the new answer.
import { asProviderError } from '../chat/asProviderError';
import type { ChatEvent, ChatRequest } from '../chat/chatTypes';
import { parseModelRef } from '../config/modelRef';
import type { ProviderError } from '../errors/providerError';
import type { ChatEngine } from '../turns/turnTypes';
import { plainQuestion } from './plainQuestion';
import { type SemanticCache, semanticScope } from './semanticCache';

export interface SemanticChatOptions {
  cache: SemanticCache;
  /** Embeds with the embedding model; one vector per text; throws a ProviderError. */
  embed: (texts: readonly string[], signal?: AbortSignal) => Promise<number[][]>;
  /** `providerId/modelId` of the embedding model (entries of another one are not compared). */
  embeddingModel: string;
  threshold: number;
  /** Ask fresh: no lookup; the answer is stored. */
  fresh?: boolean;
  /** Embedding failed; the request went to the model. */
  onProblem?: (error: ProviderError) => void;
  log?: (message: string) => void;
}

export function withSemanticCache(inner: ChatEngine, options: SemanticChatOptions): ChatEngine {
  return (models, request) => semanticStream(inner, options, models, request);
}

async function* semanticStream(
  inner: ChatEngine,
  options: SemanticChatOptions,
  models: readonly string[],
  request: Omit<ChatRequest, 'model'>,
): AsyncGenerator<ChatEvent> {
  const question = plainQuestion(request);
  const chosen = models[0];
  const ref = chosen === undefined ? undefined : parseModelRef(chosen);
  if (question === undefined || chosen === undefined || ref === undefined) {
    yield* inner(models, request);
    return;
  }
  let embedding: number[];
  try {
    const [vector] = await options.embed([question], request.signal);
    if (vector === undefined) throw new Error('no embedding');
    embedding = vector;
  } catch (error) {
    if (request.signal?.aborted) {
      yield { type: 'done', finishReason: 'cancelled' };
      return;
    }
    const [provider = 'switchboard', model = ''] = splitRef(options.embeddingModel);
    const problem = asProviderError(error, provider, model);
    options.log?.(`Semantic cache: embedding with ${options.embeddingModel} failed, asking ${chosen}: ${problem.message}`);
    options.onProblem?.(problem);
    yield* inner(models, request);
    return;
  }
  const key = { model: chosen, embeddingModel: options.embeddingModel, scope: semanticScope(request.systemPrompt) };
  if (options.fresh !== true) {
    const hit = await options.cache.find(key, embedding, options.threshold);
    if (request.signal?.aborted) {
      yield { type: 'done', finishReason: 'cancelled' };
      return;
    }
    if (hit !== undefined) {
      options.log?.(`Semantic cache: answered from a question ${hit.similarity.toFixed(3)} alike (${chosen})`);
      yield { type: 'model', provider: ref.provider, model: ref.model, cached: true, cachedQuestion: hit.entry.question };
      yield { type: 'text-delta', text: hit.entry.answer };
      yield { type: 'done', finishReason: 'stop' };
      return;
    }
  }

  let answeredBy = chosen;
  let usedTools = false;
  const text: string[] = [];
  for await (const event of inner(models, request)) {
    if (event.type === 'model') answeredBy = `${event.provider}/${event.model}`;
    else if (event.type === 'text-delta') text.push(event.text);
    else if (event.type === 'tool-call' || event.type === 'tool-call-start') usedTools = true;
    if (event.type === 'done' && event.finishReason === 'stop' && !usedTools && answeredBy === chosen && !request.signal?.aborted) {
      const answer = text.join('');
      if (answer.trim() !== '') await options.cache.put({ ...key, question, answer, embedding });
    }
    yield event;
  }
}

function splitRef(ref: string): [string, string] | [] {
  const parsed = parseModelRef(ref);
  return parsed === undefined ? [] : [parsed.provider, parsed.model];
}

// ProviderEngine.vision's work (visionSupport.ts says the order): the entry's setting answers without a request;
// otherwise the provider is asked where it can say — Ollama's `/api/show` for an Ollama entry, the model list for
// an OpenAI-compatible server that is neither OpenAI nor Ollama (OpenRouter's list says input modalities) — through
// sources the engine caches for the session, and the dated table answers the rest. Never throws: a failure, or the
// caller giving up, only means the table answers.
import type { ModelInfo } from '../chat/chatTypes';
import { errorDetail } from '../errors/errorFactories';
import { isOpenAiApi } from './chatModelFilter';
import type { ResolvedProviderEntry } from './createChatProvider';
import { isOllamaEntry, type OllamaShow, ollamaVisionFromShow } from './ollamaContextWindow';
import { modelSeesImages, type VisionAnswer } from './visionSupport';

export interface VisionSources {
  /** The provider's model list, listed at most once a session; undefined when the listing failed. */
  list: (entry: ResolvedProviderEntry) => Promise<readonly ModelInfo[] | undefined>;
  /** Ollama's answer about one model, asked at most once a session; throws when Ollama cannot say. */
  showOllama: (entry: ResolvedProviderEntry, model: string) => Promise<OllamaShow | undefined>;
  log?: (message: string) => void;
}

export async function lookUpVision(
  entry: ResolvedProviderEntry,
  model: string,
  sources: VisionSources,
  signal?: AbortSignal,
): Promise<VisionAnswer> {
  const setting = modelSeesImages(entry, model);
  if (setting.source === 'setting' || signal?.aborted) return setting;
  try {
    const listed = await untilAborted(providerSays(entry, model, sources), signal);
    return modelSeesImages(entry, model, listed);
  } catch (error) {
    sources.log?.(`Image input of ${entry.id}/${model}: the provider did not say (${errorDetail(error)})`);
    return setting;
  }
}

/** What the provider says about the model, as a list entry; undefined when it cannot say or does not list it. */
async function providerSays(entry: ResolvedProviderEntry, model: string, sources: VisionSources): Promise<ModelInfo | undefined> {
  if (isOllamaEntry(entry)) {
    const show = await sources.showOllama(entry, model);
    const vision = show === undefined ? undefined : ollamaVisionFromShow(show);
    return vision === undefined ? undefined : { id: model, vision };
  }
  // Only an OpenAI-compatible list can say it (OpenRouter's); OpenAI's own never does.
  if (entry.kind !== 'openai' || isOpenAiApi(entry.id, entry.baseUrl)) return undefined;
  const list = await sources.list(entry);
  return list?.find((info) => info.id === model);
}

/** `promise`'s value, or undefined as soon as `signal` aborts (the promise itself goes on for the next caller). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (signal === undefined) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

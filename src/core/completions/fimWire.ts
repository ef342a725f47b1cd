// One fill-in-the-middle protocol on the wire (docs/completions.md): where the request goes, its body, how the
// answer is read, and how the server says that it will not fill in the middle. Each protocol is one small file
// (openAiCompletionsWire, ollamaGenerateWire, mistralFimWire, deepSeekFimWire); FimCompletionClient sends them all
// the same way.
import type { TokenUsage } from '../chat/chatTypes';
import type { ErrorContext } from '../errors/errorContext';
import type { HttpErrorResponse } from '../errors/mapHttpError';
import type { FimPrompt } from './fimPrompt';

/** The model's middle as the server answered it, and what it cost. */
export interface FimAnswer {
  text: string;
  usage?: TokenUsage;
}

/**
 * How a server refused: `suffix` — it does not take the text after the cursor as a field (vLLM; Ollama for a model
 * without an insert template), so a templated prompt may work; `model` — the model is not there, or cannot fill in
 * the middle at all.
 */
export type FimRefusal = 'suffix' | 'model';

export interface FimWire {
  /** Where requests go: the entry's base URL, or the native API beside it (Ollama). Undefined: the entry has none. */
  baseUrl(entryBaseUrl: string): string | undefined;
  /** The path under that base URL. */
  readonly path: string;
  /** Whether the entry's key goes with the request (never to an address beside its base URL: docs/security.md). */
  readonly sendsKey: boolean;
  body(model: string, prompt: FimPrompt, maxTokens: number): Record<string, unknown>;
  /** The middle from a 2xx answer's JSON; throws an `invalid-response` ProviderError when it has another shape. */
  read(json: unknown, context: ErrorContext): FimAnswer;
  /** Whether an error answer says the server will not fill in the middle this way. */
  refusal(response: HttpErrorResponse): FimRefusal | undefined;
}

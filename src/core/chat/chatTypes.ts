// The one chat interface every provider speaks (docs/architecture.md, docs/providers.md): a request in, a stream of tagged events out.
// Streaming and non-streaming providers emit the same events; failures arrive as an `error` event, never as an
// exception thrown into the middle of the UI.
import type { MessagePart } from '../conversations/messagePart';
import type { ProviderError } from '../errors/providerError';
import type { ModelPrices } from '../pricing/modelPrices';

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

/**
 * One message of a request: a role and the parts of the conversation's message model (messagePart.ts). Each
 * protocol encodes the parts it supports and refuses the others before sending (providers/partsAsText.ts).
 */
export interface ChatMessage {
  role: ChatRole;
  parts: MessagePart[];
}

export interface ChatRequest {
  /** The provider's own model id, e.g. `gpt-4o-mini` or `meta-llama/llama-3.1-8b-instruct`. */
  model: string;
  messages: ChatMessage[];
  /** Sent the way each protocol wants it (a system message, Anthropic's `system`, Gemini's `systemInstruction`). */
  systemPrompt?: string;
  temperature?: number;
  maxTokens?: number;
  /** Aborting it closes the HTTP request; the stream then ends with `done` (finishReason `cancelled`). */
  signal?: AbortSignal;
  /**
   * Tools the model may call (issue 17). Each protocol sends them in its own form (OpenAI-compatible `tools`,
   * Anthropic `tools`, Gemini `functionDeclarations`); a protocol without tool calling refuses a request that has
   * them, by name, before sending.
   */
  tools?: readonly ToolDefinition[];
  /** `auto` (the default when tools are given), `none`, `required` (some tool), or one tool by name. */
  toolChoice?: ToolChoice;
  /**
   * Ask for a machine-readable answer: JSON, matching `schema` when given (OpenAI-compatible `response_format`,
   * Gemini `responseMimeType` / `responseSchema`, Anthropic a forced tool whose input is the answer).
   */
  responseFormat?: ResponseFormat;
}

/** A tool as the model sees it: a name, what it does, and its arguments as a JSON Schema object. */
export interface ToolDefinition {
  /** Letters, digits, `_` and `-`, at most 64 characters (the strictest protocol's rule). */
  name: string;
  description: string;
  /** A JSON Schema of `type: "object"` (the subset every protocol accepts: no `$ref`, no `oneOf` at the top). */
  parameters: Readonly<Record<string, unknown>>;
}

export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

export interface ResponseFormat {
  type: 'json';
  /** A JSON Schema the answer must match; absent: any JSON object. */
  schema?: Readonly<Record<string, unknown>>;
  /** The schema's name (OpenAI requires one; letters, digits, `_`, `-`). */
  name?: string;
}

/** A complete tool call of the answer: its arguments are the JSON text the model produced, joined from its deltas. */
export interface ToolCall {
  /** The provider's id of the call (Gemini has none: one is made up, unique within the answer). */
  id: string;
  name: string;
  arguments: string;
}

export type FinishReason = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'cancelled' | 'other';

export interface TokenUsage {
  /** Every input token, the cached and cache-written ones included (Anthropic's three counts are added up). */
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
  /**
   * Of the input, the tokens read from the provider's prompt cache, billed at the cached price (OpenAI
   * `prompt_tokens_details.cached_tokens`, Anthropic `cache_read_input_tokens`, Gemini `cachedContentTokenCount`).
   */
  cachedInputTokens?: number | undefined;
  /** Of the input, the tokens written to Anthropic's prompt cache (`cache_creation_input_tokens`), billed at 1.25×. */
  cacheWriteInputTokens?: number | undefined;
}

/** Every event a chat stream can produce. */
export type ChatEvent =
  /** Which provider/model is answering; the first event of every attempt (fallback can change it). */
  | {
      type: 'model';
      provider: string;
      model: string;
      /** The answer is replayed from the response cache (or the semantic cache). */
      cached?: true;
      /** The semantic cache answers: the earlier, similar question whose answer this is (docs/moderation-and-caching.md). */
      cachedQuestion?: string;
    }
  /** A piece of the answer's text, in order. */
  | { type: 'text-delta'; text: string }
  /**
   * The model started a tool call (its name is known, its arguments still streaming): for the UI to show a card at
   * once. Always followed by the `tool-call` of the same id, unless the stream ends in an error or is stopped.
   */
  | { type: 'tool-call-start'; id: string; name: string }
  /** A tool call, complete, in the order the model made them; the answer then ends with finishReason `tool-calls`. */
  | { type: 'tool-call'; call: ToolCall }
  /** Token counts, when the provider reports them (may come more than once; the last one wins). */
  | { type: 'usage'; usage: TokenUsage }
  /** The client is waiting for a rate limit before sending (so the UI can say "waiting 12 s"). */
  | { type: 'rate-limit-wait'; provider: string; model: string; waitMs: number; reason: RateLimitReason }
  /** A failed attempt will be retried after `delayMs` (only ever before the first byte of a streamed body). */
  | { type: 'retry'; provider: string; model: string; attempt: number; delayMs: number; error: ProviderError }
  /** A model failed and the next one of the fallback chain is tried. */
  | { type: 'fallback'; from: { provider: string; model: string }; to: { provider: string; model: string }; error: ProviderError }
  /** Something the client changed in the request for this model, worth telling the user (the UI words it). */
  | { type: 'notice'; notice: ChatNotice; provider: string; model: string }
  /** The answer is complete. Always the last event unless `error` is. */
  | { type: 'done'; finishReason: FinishReason }
  /** The answer failed. Always the last event. Text already streamed stays valid as a partial answer. */
  | { type: 'error'; error: ProviderError };

/**
 * `temperature-dropped`: the model refused the temperature setting (reasoning models and recent Claude models
 * accept only their default), so the request was sent without it, and will be for the rest of the session.
 * `tools-dropped`: the server refused the tool definitions for this model (Ollama's "does not support tools", vLLM
 * without a tool parser), so the request was sent without them, and will be for the rest of the session.
 */
export type ChatNotice = 'temperature-dropped' | 'tools-dropped';

export type RateLimitReason = 'requests-per-minute' | 'tokens-per-minute' | 'requests-per-day';

export interface ModelInfo {
  id: string;
  /** A human name when the provider gives one. */
  name?: string;
  /**
   * How many input tokens the model accepts, when the provider's list says so (OpenRouter, Groq, vLLM, Gemini,
   * Anthropic); the context meter falls back to a dated table otherwise (src/core/context/contextWindows.ts).
   */
  contextWindow?: number;
  /**
   * Whether the model takes images as input, when the provider's list says so (OpenRouter's input modalities,
   * Ollama's capabilities); otherwise a dated table answers (src/core/providers/visionSupport.ts).
   */
  vision?: boolean;
  /** What the model costs, when the provider's list says so (OpenRouter's `pricing`; docs/spend.md "Prices"). */
  prices?: ModelPrices;
}

/** A configured chat provider: one protocol, one base URL, one key (given to it, never read by it). */
export interface ChatProvider {
  /** The user's name for this provider entry, e.g. `openrouter` or `work-vllm`. */
  readonly id: string;
  /** The protocol. */
  readonly kind: ProviderKind;
  streamChat(request: ChatRequest): AsyncIterable<ChatEvent>;
  /** Lists models from the provider's list endpoint; throws ProviderError. */
  listModels(signal?: AbortSignal): Promise<ModelInfo[]>;
}

/**
 * `vscode-lm`: the language models VS Code offers other extensions (`vscode.lm.selectChatModels`), reached through the
 * editor, never over HTTP and never with a key (docs/vscode-chat.md).
 */
export type ProviderKind = 'openai' | 'anthropic' | 'gemini' | 'sydney' | 'stability' | 'fusionbrain' | 'vscode-lm';

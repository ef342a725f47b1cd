// What real OpenAI-compatible `GET /models` lists hold: every model of the account or server, chat or not. Ids as
// OpenAI's "Models" pages and API reference ("List models"), Groq's "Supported models" page and Ollama's
// OpenAI-compatibility page (`/v1/models` lists every pulled model, embedding ones too) name them.
import type { ScriptedResponse } from './fakeHttpServer';

/** OpenAI: chat models (on /chat/completions) and the rest of a typical account's list. */
export const openAiChatIds = [
  'gpt-4o',
  'gpt-4o-mini',
  'gpt-4.1',
  'gpt-4.1-nano-2025-04-14',
  'gpt-5',
  'gpt-5-mini',
  'gpt-5-chat-latest',
  'chatgpt-4o-latest',
  'o3',
  'o4-mini',
  'gpt-3.5-turbo',
  // Web search in Chat Completions is done by these: they chat (on /chat/completions only).
  'gpt-4o-search-preview',
  'gpt-4o-mini-search-preview',
] as const;

export const openAiOtherIds = [
  'text-embedding-3-small',
  'text-embedding-3-large',
  'text-embedding-ada-002',
  'tts-1',
  'tts-1-hd',
  'gpt-4o-mini-tts',
  'whisper-1',
  'gpt-4o-transcribe',
  'gpt-4o-mini-transcribe',
  'dall-e-2',
  'dall-e-3',
  'gpt-image-1',
  'chatgpt-image-latest',
  'omni-moderation-latest',
  'omni-moderation-2024-09-26',
  'gpt-4o-realtime-preview',
  'gpt-realtime',
  'gpt-4o-audio-preview',
  'gpt-audio',
  'computer-use-preview',
  'o3-deep-research',
  'o4-mini-deep-research',
  'codex-mini-latest',
  'gpt-5-codex',
  'o1-pro',
  'o3-pro-2025-06-10',
  'gpt-5-pro',
  'babbage-002',
  'davinci-002',
  'gpt-3.5-turbo-instruct',
  'sora-2',
] as const;

/** Groq: chat models beside speech-to-text and text-to-speech ones. */
export const groqChatIds = [
  'llama-3.3-70b-versatile',
  'llama-3.1-8b-instant',
  'openai/gpt-oss-120b',
  'meta-llama/llama-4-scout-17b-16e-instruct',
  'meta-llama/llama-guard-4-12b',
] as const;
export const groqOtherIds = [
  'whisper-large-v3',
  'whisper-large-v3-turbo',
  'distil-whisper-large-v3-en',
  'playai-tts',
  'playai-tts-arabic',
] as const;

/** Ollama: whatever was pulled, with tags. */
export const ollamaChatIds = ['llama3.2:latest', 'qwen2.5-coder:7b', 'mistral:latest'] as const;
export const ollamaOtherIds = [
  'nomic-embed-text:latest',
  'mxbai-embed-large:latest',
  'snowflake-arctic-embed:335m',
  'embeddinggemma:latest',
] as const;
/** An embedding model whose name does not say so: nothing tells it from a chat model. */
export const ollamaUnjudgedIds = ['all-minilm:latest'] as const;

/** OpenRouter serves OpenAI's Responses-only and audio models on its chat endpoint. */
export const openRouterChatIds = [
  'openai/gpt-4o-audio-preview',
  'openai/o3-pro',
  'openai/codex-mini',
  'openai/gpt-3.5-turbo-instruct',
  'anthropic/claude-sonnet-4',
] as const;

/** 2026-01-01T00:00:00Z, as every model's `created` (nothing reads it). */
const created = 1_767_225_600;
const json = { 'content-type': 'application/json' };

/**
 * Groq's `GET /openai/v1/models` as its API reference ("Models", List models) shows it: each model has
 * `context_window` (tokens), `active` and `max_completion_tokens` besides OpenAI's fields.
 */
export function groqModelList(models: ReadonlyArray<{ id: string; contextWindow: number }>): ScriptedResponse {
  return {
    status: 200,
    headers: json,
    chunks: [
      JSON.stringify({
        object: 'list',
        data: models.map((model) => ({
          id: model.id,
          object: 'model',
          created,
          owned_by: 'Meta',
          active: true,
          context_window: model.contextWindow,
          public_apps: null,
          max_completion_tokens: 32_768,
        })),
      }),
    ],
  };
}

/**
 * vLLM's OpenAI-compatible `GET /v1/models`, as its server's ModelCard (vllm/entrypoints/openai/protocol.py) writes
 * it: the served model with `root`, `parent` and `max_model_len`, the context it was started with.
 */
export function vllmModelList(id: string, maxModelLen: number): ScriptedResponse {
  return {
    status: 200,
    headers: json,
    chunks: [
      JSON.stringify({
        object: 'list',
        data: [
          {
            id,
            object: 'model',
            created,
            owned_by: 'vllm',
            root: id,
            parent: null,
            max_model_len: maxModelLen,
            permission: [{ id: 'modelperm-fake0001', object: 'model_permission', created, allow_sampling: true, organization: '*' }],
          },
        ],
      }),
    ],
  };
}

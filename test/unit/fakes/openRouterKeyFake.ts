// OpenRouter as its API reference and "Errors" page describe it: errors are `{error: {code, message, metadata?}}`
// with the HTTP status equal to `code`; `GET /api/v1/models` is public (any key, or none, gets the list);
// `GET /api/v1/key` answers 401 "User not found." for an unknown key and the key's credit for a good one; a 403 is
// a moderation verdict with `metadata: {reasons, flagged_input, provider_name, model_slug}`, not a key problem.
import type { RecordedRequest, ScriptedResponse } from './fakeHttpServer';
import { openAiStream } from './openAiFake';

const json = { 'content-type': 'application/json' };

export interface OpenRouterKeyData {
  /** The key's credit limit in US dollars; null when it has none. */
  limit: number | null;
  /** Spent with the key so far. */
  usage: number;
}

/** `GET /key` for a good key, with every field the reference lists (limit_remaining is null without a limit). */
export function openRouterKeyInfo(key: OpenRouterKeyData): ScriptedResponse {
  const remaining = key.limit === null ? null : Math.max(0, key.limit - key.usage);
  return {
    status: 200,
    headers: json,
    chunks: [
      JSON.stringify({
        data: {
          label: 'sk-or-v1-fak...e00',
          limit: key.limit,
          limit_reset: null,
          limit_remaining: remaining,
          include_byok_in_limit: false,
          usage: key.usage,
          usage_daily: key.usage,
          usage_weekly: key.usage,
          usage_monthly: key.usage,
          byok_usage: 0,
          byok_usage_daily: 0,
          byok_usage_weekly: 0,
          byok_usage_monthly: 0,
          is_free_tier: false,
          is_provisioning_key: false,
          rate_limit: { requests: -1, interval: '10s', note: 'This field is deprecated and safe to ignore.' },
        },
      }),
    ],
  };
}

export function openRouterError(status: number, message: string, metadata?: Record<string, unknown>): ScriptedResponse {
  return {
    status,
    headers: json,
    chunks: [JSON.stringify({ error: { code: status, message, ...(metadata !== undefined ? { metadata } : {}) } })],
  };
}

/** What an unknown key gets from any authenticated endpoint. */
export function openRouterUnknownKey(): ScriptedResponse {
  return openRouterError(401, 'User not found.');
}

/** The input was flagged by the moderation a model requires (OpenAI's models on OpenRouter, for one). */
export function openRouterModerationBody(reasons: readonly string[], flaggedInput: string, model = 'openai/gpt-4o'): unknown {
  return {
    error: {
      code: 403,
      message: `${model} requires moderation on OpenAI. Your input was flagged for "${reasons.join(', ')}". No credits were charged.`,
      metadata: {
        reasons,
        flagged_input: flaggedInput.length > 100 ? `${flaggedInput.slice(0, 48)}...${flaggedInput.slice(-48)}` : flaggedInput,
        provider_name: 'OpenAI',
        model_slug: model,
      },
    },
  };
}

export function openRouterModeration(reasons: readonly string[], flaggedInput: string, model?: string): ScriptedResponse {
  return { status: 403, headers: json, chunks: [JSON.stringify(openRouterModerationBody(reasons, flaggedInput, model))] };
}

/** One model of the list: its window (`null` where OpenRouter has none) and its first provider's, if different. */
export interface OpenRouterModelSpec {
  id: string;
  contextLength: number | null;
  /** `top_provider.context_length`; default the same as `contextLength`. */
  topProviderContextLength?: number | null;
  /** `architecture.input_modalities`; default `['text']`. */
  inputModalities?: readonly string[];
}

/**
 * A slice of the public model list, each model with the fields of OpenRouter's API reference ("List available
 * models"): `context_length`, `architecture`, `pricing` (strings of dollars per token), `top_provider`,
 * `per_request_limits`, `supported_parameters`. A bare id gets a 128,000-token window.
 */
export function openRouterModels(models: ReadonlyArray<string | OpenRouterModelSpec>): ScriptedResponse {
  return {
    status: 200,
    headers: json,
    chunks: [
      JSON.stringify({
        data: models.map((model) => {
          const spec: OpenRouterModelSpec = typeof model === 'string' ? { id: model, contextLength: 128_000 } : model;
          const top = spec.topProviderContextLength === undefined ? spec.contextLength : spec.topProviderContextLength;
          return {
            id: spec.id,
            canonical_slug: spec.id,
            name: spec.id,
            created: 1_767_225_600,
            description: `${spec.id} on OpenRouter.`,
            context_length: spec.contextLength,
            architecture: {
              modality: `${(spec.inputModalities ?? ['text']).join('+')}->text`,
              input_modalities: spec.inputModalities ?? ['text'],
              output_modalities: ['text'],
              tokenizer: 'Other',
              instruct_type: null,
            },
            pricing: { prompt: '0.0000003', completion: '0.0000012', request: '0', image: '0', web_search: '0', internal_reasoning: '0' },
            top_provider: { context_length: top, max_completion_tokens: 16_384, is_moderated: false },
            per_request_limits: null,
            supported_parameters: ['max_tokens', 'temperature', 'top_p', 'stop'],
          };
        }),
      }),
    ],
  };
}

export interface OpenRouterFakeOptions {
  /** The one key the fake accepts. */
  goodKey: string;
  key: OpenRouterKeyData;
  models?: readonly string[];
}

/**
 * A handler for FakeHttpServer.onRequest serving the base path `/api/v1`: the public model list, `/key`, and chat
 * (which needs a good key). No key at all gets 401 "No auth credentials found".
 */
export function openRouterHandler(options: OpenRouterFakeOptions): (request: RecordedRequest) => ScriptedResponse {
  return (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && path === '/api/v1/models')
      return openRouterModels(options.models ?? ['openai/gpt-4o-mini', 'meta-llama/llama-3.1-8b-instruct']);
    const authorization = request.headers.authorization;
    if (authorization === undefined) return openRouterError(401, 'No auth credentials found');
    if (authorization !== `Bearer ${options.goodKey}`) return openRouterUnknownKey();
    if (request.method === 'GET' && path === '/api/v1/key') return openRouterKeyInfo(options.key);
    if (request.method === 'POST' && path === '/api/v1/chat/completions') return openAiStream(['Hello from the fake OpenRouter.']);
    return openRouterError(404, 'Not Found');
  };
}

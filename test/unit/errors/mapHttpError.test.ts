import * as assert from 'node:assert/strict';
import type { ErrorContext } from '../../../src/core/errors/errorContext';
import { mapHttpError } from '../../../src/core/errors/mapHttpError';
import { mapNetworkError } from '../../../src/core/errors/mapNetworkError';
import { mapStreamError } from '../../../src/core/errors/mapStreamError';
import type { ProviderErrorKind } from '../../../src/core/errors/providerError';
import { createRedactor } from '../../../src/core/errors/redactSecrets';

const key = 'sk-proj-REALLOOKINGKEY0123456789abcdefXYZ';
const context = (provider: string, model = 'gpt-x', operation: ErrorContext['operation'] = 'chat'): ErrorContext => ({
  provider,
  model,
  operation,
  redact: createRedactor([key]),
});
const json = { 'content-type': 'application/json' };

interface Case {
  name: string;
  provider: string;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  kind: ProviderErrorKind;
  retryable: boolean;
  message: RegExp;
  operation?: ErrorContext['operation'];
}

const cases: Case[] = [
  // As Gemini answers from a region it does not serve (public gemini-cli issue reports show this body).
  {
    name: '400 Gemini FAILED_PRECONDITION region',
    provider: 'gemini',
    status: 400,
    body: { error: { code: 400, message: 'User location is not supported for the API use.', status: 'FAILED_PRECONDITION' } },
    kind: 'bad-request',
    retryable: false,
    message:
      /^gemini is not available in your region \(400\): “User location is not supported for the API use”\. Pick a model of another provider\.$/,
  },
  {
    name: '401 OpenAI echoing the key',
    provider: 'openai',
    status: 401,
    body: { error: { message: `Incorrect API key provided: ${key}`, type: 'invalid_request_error', code: 'invalid_api_key' } },
    kind: 'auth',
    retryable: false,
    message: /^The openai API key was rejected \(401\)\. Set a new key with “Switchboard: Set API Key”\.$/,
  },
  {
    name: '401 Anthropic',
    provider: 'anthropic',
    status: 401,
    body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } },
    kind: 'auth',
    retryable: false,
    message: /The anthropic API key was rejected \(401\)/,
  },
  {
    name: '402 payment required',
    provider: 'openrouter',
    status: 402,
    body: { error: { code: 402, message: 'Insufficient credits' } },
    kind: 'quota',
    retryable: false,
    message: /payment is required \(402\): “Insufficient credits”/,
  },
  // OpenAI's "Error codes" guide: 403 "Country, region, or territory not supported".
  {
    name: '403 forbidden region',
    provider: 'openai',
    status: 403,
    body: {
      error: {
        code: 'unsupported_country_region_territory',
        message: 'Country, region, or territory not supported',
        param: null,
        type: 'request_forbidden',
      },
    },
    kind: 'auth',
    retryable: false,
    message: /openai refused access \(403\): “Country, region, or territory not supported”/,
  },
  {
    name: '404 model',
    provider: 'groq',
    status: 404,
    body: { error: { message: 'The model `llama-9` does not exist', type: 'invalid_request_error', code: 'model_not_found' } },
    kind: 'not-found',
    retryable: false,
    message: /The model “gpt-x” was not found at groq \(404\)/,
  },
  {
    name: '404 model list',
    provider: 'vllm',
    status: 404,
    body: '',
    operation: 'models',
    kind: 'not-found',
    retryable: false,
    message: /vllm has no model list at its base URL \(404\)/,
  },
  {
    name: '408',
    provider: 'openai',
    status: 408,
    body: '',
    kind: 'timeout',
    retryable: true,
    message: /timed out waiting for the request \(408\)/,
  },
  {
    name: '409',
    provider: 'openai',
    status: 409,
    body: { error: { message: 'lock timeout' } },
    kind: 'server',
    retryable: true,
    message: /conflict \(409\)/,
  },
  {
    name: '413',
    provider: 'anthropic',
    status: 413,
    body: { type: 'error', error: { type: 'request_too_large', message: 'Request exceeds the maximum size' } },
    kind: 'bad-request',
    retryable: false,
    message: /The request is too large for anthropic/,
  },
  {
    name: '400 context length',
    provider: 'openai',
    status: 400,
    body: { error: { message: "This model's maximum context length is 128000 tokens.", code: 'context_length_exceeded' } },
    kind: 'bad-request',
    retryable: false,
    message: /too large for openai for “gpt-x” \(400\)/,
  },
  {
    name: '429 rate limit',
    provider: 'openai',
    status: 429,
    body: { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } },
    headers: { 'retry-after': '20' },
    kind: 'rate-limit',
    retryable: true,
    message: /openai is rate-limiting requests \(429\); it asked to wait 20 s: “Rate limit reached for requests”/,
  },
  {
    name: '429 insufficient_quota',
    provider: 'openai',
    status: 429,
    body: { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } },
    kind: 'quota',
    retryable: false,
    message: /^Your openai account has run out of credits or reached its spending limit \(429\)/,
  },
  {
    name: '429 Gemini per-day',
    provider: 'gemini',
    status: 429,
    body: {
      error: {
        code: 429,
        message: 'Quota exceeded',
        status: 'RESOURCE_EXHAUSTED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier' }],
          },
        ],
      },
    },
    kind: 'quota',
    retryable: false,
    message: /The daily gemini quota for “gpt-x” is used up \(429\)/,
  },
  {
    name: '500',
    provider: 'openai',
    status: 500,
    body: { error: { message: 'The server had an error while processing your request.', type: 'server_error' } },
    kind: 'server',
    retryable: true,
    message: /openai had a server error \(500\): “The server had an error/,
  },
  {
    name: '503',
    provider: 'gemini',
    status: 503,
    body: { error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } },
    kind: 'overloaded',
    retryable: true,
    message: /overloaded or temporarily unavailable \(503\)/,
  },
  {
    name: '529 Anthropic',
    provider: 'anthropic',
    status: 529,
    body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    kind: 'overloaded',
    retryable: true,
    message: /anthropic is overloaded right now \(529\): “Overloaded”/,
  },
  {
    name: 'HTML 502',
    provider: 'openrouter',
    status: 502,
    body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>',
    headers: { 'content-type': 'text/html' },
    kind: 'server',
    retryable: true,
    message: /^openrouter answered \(502\) with an HTML page instead of JSON — a proxy or gateway error \(“502 Bad Gateway”\)\.$/,
  },
  {
    name: 'HTML with a long title',
    provider: 'openai',
    status: 403,
    body: `<html><title>${'x'.repeat(200)}</title></html>`,
    headers: { 'content-type': 'text/html' },
    kind: 'auth',
    retryable: false,
    message: /HTML page instead of JSON — a proxy or gateway error\.$/,
  },
  {
    name: 'empty 500',
    provider: 'ollama',
    status: 500,
    body: '',
    kind: 'server',
    retryable: true,
    message: /ollama had a server error \(500\) with an empty body\./,
  },
  {
    name: 'plain text 500',
    provider: 'lmstudio',
    status: 500,
    body: 'upstream connect error or disconnect/reset before headers',
    kind: 'server',
    retryable: true,
    message: /\(500\): the body is not JSON: “upstream connect error/,
  },
  {
    name: 'Sydney {error}',
    provider: 'sydney',
    status: 500,
    body: { error: 'Сервер ерор' },
    kind: 'server',
    retryable: true,
    message: /sydney had a server error \(500\): “Сервер ерор”/,
  },
  {
    name: 'vLLM top-level message',
    provider: 'vllm',
    status: 400,
    body: { object: 'error', message: 'max_tokens must be at least 1', type: 'BadRequestError', code: 400 },
    kind: 'bad-request',
    retryable: false,
    message: /“max_tokens must be at least 1”/,
  },
  {
    name: '400 Gemini API_KEY_INVALID',
    provider: 'gemini',
    status: 400,
    body: {
      error: {
        code: 400,
        message: 'API key not valid. Please pass a valid API key.',
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'API_KEY_INVALID',
            domain: 'googleapis.com',
            metadata: { service: 'generativelanguage.googleapis.com' },
          },
          { '@type': 'type.googleapis.com/google.rpc.DebugInfo', detail: `Invalid API key: ${key}` },
        ],
      },
    },
    kind: 'auth',
    retryable: false,
    message: /^The gemini API key was rejected \(400\)\. Set a new key with “Switchboard: Set API Key”\.$/,
  },
  {
    name: '400 Gemini without an ErrorInfo stays a bad request',
    provider: 'gemini',
    status: 400,
    body: { error: { code: 400, message: '* GenerateContentRequest.contents: contents is not specified', status: 'INVALID_ARGUMENT' } },
    kind: 'bad-request',
    retryable: false,
    message: /gemini rejected the request \(400\): “\* GenerateContentRequest\.contents/,
  },
  {
    name: '403 Gemini API_KEY_SERVICE_BLOCKED',
    provider: 'gemini',
    status: 403,
    body: {
      error: {
        code: 403,
        message: 'Requests to this API generativelanguage.googleapis.com method x are blocked.',
        status: 'PERMISSION_DENIED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_SERVICE_BLOCKED', domain: 'googleapis.com' }],
      },
    },
    kind: 'auth',
    retryable: false,
    message: /The gemini API key is not allowed to call this API \(403\): its API restrictions leave it out\..*Set API Key/,
  },
  {
    name: '403 Gemini API_KEY_IP_ADDRESS_BLOCKED',
    provider: 'gemini',
    status: 403,
    body: {
      error: {
        code: 403,
        message: 'The provided API key has an IP address restriction.',
        status: 'PERMISSION_DENIED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_IP_ADDRESS_BLOCKED', domain: 'googleapis.com' }],
      },
    },
    kind: 'auth',
    retryable: false,
    message: /only works from certain IP addresses \(403\)/,
  },
  {
    name: '403 Gemini SERVICE_DISABLED',
    provider: 'gemini',
    status: 403,
    body: {
      error: {
        code: 403,
        message: 'Generative Language API has not been used in project 1 before or it is disabled.',
        status: 'PERMISSION_DENIED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SERVICE_DISABLED', domain: 'googleapis.com' }],
      },
    },
    kind: 'auth',
    retryable: false,
    message: /^The API is not enabled in the Google Cloud project of the gemini key \(403\)/,
  },
  {
    name: '403 Gemini BILLING_DISABLED',
    provider: 'gemini',
    status: 403,
    body: {
      error: {
        code: 403,
        message: 'Billing is disabled.',
        status: 'PERMISSION_DENIED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'BILLING_DISABLED', domain: 'googleapis.com' }],
      },
    },
    kind: 'quota',
    retryable: false,
    message: /^Billing is disabled for the Google Cloud project of the gemini key \(403\)/,
  },
  {
    name: '403 OpenRouter moderation',
    provider: 'openrouter',
    status: 403,
    body: {
      error: {
        code: 403,
        message: 'openai/gpt-4o requires moderation on OpenAI. Your input was flagged for "harassment". No credits were charged.',
        metadata: {
          reasons: ['harassment', 'violence'],
          flagged_input: 'some words the user wrote',
          provider_name: 'OpenAI',
          model_slug: 'openai/gpt-4o',
        },
      },
    },
    kind: 'content-filtered',
    retryable: false,
    message:
      /^openrouter did not pass the request on: its moderation flagged the input for “harassment, violence” \(403\)\. Rephrase the request, or pick another model\.$/,
  },
  {
    name: '403 OpenRouter without moderation metadata stays an access error',
    provider: 'openrouter',
    status: 403,
    body: { error: { code: 403, message: 'This model is not available in your region.' } },
    kind: 'auth',
    retryable: false,
    message: /openrouter refused access \(403\)/,
  },
  {
    name: 'Stability content moderation',
    provider: 'stability',
    status: 403,
    body: { id: 'x', name: 'content_moderation', message: 'Your request was flagged' },
    kind: 'content-filtered',
    retryable: false,
    message: /content policy \(403\)/,
  },
];

describe('mapHttpError', () => {
  for (const c of cases) {
    it(`${c.name} → ${c.kind}`, () => {
      const error = mapHttpError(
        { status: c.status, headers: { ...json, ...c.headers }, body: typeof c.body === 'string' ? c.body : JSON.stringify(c.body) },
        context(c.provider, 'gpt-x', c.operation ?? 'chat'),
      );
      assert.equal(error.kind, c.kind);
      assert.equal(error.retryable, c.retryable);
      assert.equal(error.status, c.status);
      assert.equal(error.provider, c.provider);
      assert.match(error.message, c.message);
      assert.ok(!error.message.includes(key));
      assert.ok(!JSON.stringify(error.toJSON()).includes(key));
    });
  }

  it('scrubs the key and key-looking tokens from quoted provider text', () => {
    const error = mapHttpError(
      {
        status: 400,
        headers: json,
        body: JSON.stringify({ error: { message: `bad header ${key} and also sk-or-v1-abcdef0123456789 and ${key.slice(0, 14)}***` } }),
      },
      context('openai'),
    );
    assert.ok(!error.message.includes(key.slice(0, 14)));
    assert.ok(!error.message.includes('sk-or-v1-abcdef'));
    assert.match(error.message, /bad header \*\*\*/);
  });

  it('cuts long provider messages short', () => {
    const error = mapHttpError(
      { status: 400, headers: json, body: JSON.stringify({ error: { message: 'word '.repeat(500) } }) },
      context('openai'),
    );
    assert.ok(error.message.length < 400, String(error.message.length));
    assert.match(error.message, /…”/);
  });

  it('keeps what the server asked for in retryAfterMs (headers, or Gemini RetryInfo)', () => {
    assert.equal(mapHttpError({ status: 429, headers: { 'retry-after-ms': '1500' }, body: '' }, context('openai')).retryAfterMs, 1500);
    const gemini = mapHttpError(
      {
        status: 429,
        headers: json,
        body: JSON.stringify({
          error: {
            code: 429,
            status: 'RESOURCE_EXHAUSTED',
            message: 'x',
            details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' }],
          },
        }),
      },
      context('gemini'),
    );
    assert.equal(gemini.retryAfterMs, 7000);
    assert.equal(gemini.kind, 'rate-limit');
  });
});

describe('mapStreamError', () => {
  it('reads OpenRouter numeric codes, Anthropic types and Gemini statuses', () => {
    assert.equal(
      mapStreamError(JSON.stringify({ error: { code: 502, message: 'Provider disconnected' } }), context('openrouter')).kind,
      'server',
    );
    assert.equal(
      mapStreamError(JSON.stringify({ error: { code: 429, message: 'Rate limited upstream' } }), context('openrouter')).kind,
      'rate-limit',
    );
    assert.equal(
      mapStreamError(JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }), context('anthropic'))
        .kind,
      'overloaded',
    );
    assert.equal(
      mapStreamError(JSON.stringify({ type: 'error', error: { type: 'api_error', message: 'Internal' } }), context('anthropic')).kind,
      'server',
    );
    const gemini = mapStreamError(
      JSON.stringify({ error: { code: 500, message: 'Internal error', status: 'INTERNAL' } }),
      context('gemini'),
    );
    assert.equal(gemini.kind, 'server');
    assert.equal(gemini.status, 500);
  });
});

describe('mapNetworkError', () => {
  const base = { ...context('ollama'), host: 'localhost:11434' };

  it('names the host for refused connections and DNS failures', () => {
    const refused = mapNetworkError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), {
      ...base,
      phase: 'connect',
    });
    assert.equal(refused.kind, 'network');
    assert.match(refused.message, /Could not connect to localhost:11434: the connection was refused/);
    const dns = mapNetworkError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), {
      ...base,
      host: 'api.example',
      phase: 'connect',
    });
    assert.match(dns.message, /Could not find the host api\.example/);
    assert.equal(dns.retryable, false);
  });

  it('finds the code inside an AggregateError (both IPv4 and IPv6 refused)', () => {
    const aggregate = new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], 'all failed');
    assert.match(mapNetworkError(aggregate, { ...base, phase: 'connect' }).message, /connection was refused/);
  });

  it('says the answer was cut off when the socket dies mid-stream', () => {
    const error = mapNetworkError(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }), { ...base, phase: 'stream' });
    assert.equal(error.kind, 'network');
    assert.match(error.message, /closed before the answer finished/);
  });

  it('blames the proxy when the proxy refuses the tunnel', () => {
    const error = mapNetworkError(
      Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), { code: 'UND_ERR_ABORTED' }),
      { ...base, phase: 'connect', proxyHost: 'corp:3128' },
    );
    assert.match(error.message, /The proxy corp:3128 refused to connect to localhost:11434/);
  });
});

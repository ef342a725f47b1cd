// Stability AI's wire formats. v2beta Stable Image: `accept: image/*` answers the bytes with `finish-reason` and
// `seed` headers (`accept: application/json`: `{image, finish_reason, seed}`); errors `{id, name, errors: [...]}`.
// Legacy v1: `{artifacts: [{base64, seed, finishReason}]}`; errors `{id, name, message}`.
// Follows Stability AI's REST API reference (v2beta "Stable Image" generate endpoints and their error responses;
// v1 "text-to-image", "engines/list", "user/balance").
import type { ScriptedResponse } from './fakeHttpServer';
import { base64 } from './imageFakes';

const json = { 'content-type': 'application/json' };

let errorCounter = 0;

/** A v2beta error id: 32 hex digits. */
function v2ErrorId(): string {
  errorCounter++;
  return errorCounter.toString(16).padStart(32, 'e');
}

/** A v1 error id: a UUID. */
function v1ErrorId(): string {
  errorCounter++;
  return `296a972f-666a-44a1-a3df-${errorCounter.toString(16).padStart(12, '0')}`;
}

/** A v2beta image answer for `accept: image/*`. */
export function stabilityImage(
  bytes: Uint8Array,
  options: { finishReason?: 'SUCCESS' | 'CONTENT_FILTERED'; seed?: number; contentType?: string } = {},
): ScriptedResponse {
  return {
    status: 200,
    headers: {
      'content-type': options.contentType ?? 'image/png',
      'finish-reason': options.finishReason ?? 'SUCCESS',
      seed: String(options.seed ?? 42),
    },
    chunks: [bytes],
  };
}

/** A v2beta image answer for `accept: application/json`. */
export function stabilityImageJson(
  bytes: Uint8Array,
  options: { finishReason?: 'SUCCESS' | 'CONTENT_FILTERED'; seed?: number } = {},
): ScriptedResponse {
  return {
    status: 200,
    headers: json,
    chunks: [JSON.stringify({ image: base64(bytes), finish_reason: options.finishReason ?? 'SUCCESS', seed: options.seed ?? 42 })],
  };
}

/** A v2beta error: `name` is the class (`bad_request`, `content_moderation`, `payment_required` …), `errors` the details. */
export function stabilityV2Error(
  status: number,
  name: string,
  errors: readonly string[],
  headers: Record<string, string> = {},
): ScriptedResponse {
  return { status, headers: { ...json, ...headers }, chunks: [JSON.stringify({ id: v2ErrorId(), name, errors })] };
}

/** A v1 error. */
export function stabilityV1Error(status: number, name: string, message: string): ScriptedResponse {
  return { status, headers: json, chunks: [JSON.stringify({ id: v1ErrorId(), name, message })] };
}

/** 403 `content_moderation`: the prompt was refused before anything was made (and nothing was charged). */
export function stabilityModerated(): ScriptedResponse {
  return stabilityV2Error(403, 'content_moderation', [
    'Your request was flagged by our content moderation system, as a result your request was denied and you were not charged.',
  ]);
}

/** 402 `payment_required`: out of credits. */
export function stabilityNoCredits(): ScriptedResponse {
  return stabilityV2Error(402, 'payment_required', [
    'You lack sufficient credits to make this request. Please purchase more credits at https://platform.stability.ai/account/credits and try again.',
  ]);
}

/** 401 for a wrong or missing key. */
export function stabilityUnauthorized(): ScriptedResponse {
  return stabilityV2Error(401, 'unauthorized', ['authorization: invalid or missing header value']);
}

/** 429: more than 150 requests in 10 seconds. */
export function stabilityRateLimited(): ScriptedResponse {
  return stabilityV2Error(429, 'rate_limit_exceeded', ['You have exceeded the rate limit of 150 requests within a 10 second period.']);
}

/** A v1 text-to-image answer. */
export function stabilityArtifacts(
  artifacts: ReadonlyArray<{ bytes: Uint8Array; seed: number; finishReason?: 'SUCCESS' | 'CONTENT_FILTERED' | 'ERROR' }>,
): ScriptedResponse {
  return {
    status: 200,
    headers: json,
    chunks: [
      JSON.stringify({
        artifacts: artifacts.map((a) => ({ base64: base64(a.bytes), seed: a.seed, finishReason: a.finishReason ?? 'SUCCESS' })),
      }),
    ],
  };
}

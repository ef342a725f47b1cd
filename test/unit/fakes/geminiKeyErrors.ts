// How the Gemini API refuses a key: HTTP 400 INVALID_ARGUMENT (not 401) with an ErrorInfo reason API_KEY_INVALID,
// or 403 PERMISSION_DENIED with a reason naming the key's restriction — follows Google's AIP-193 "Errors" and the
// reasons of googleapis google/api/error_reason.proto, bodies as the Gemini API returns them.
import type { ScriptedResponse } from './fakeHttpServer';
import { geminiError } from './geminiFake';

const service = 'generativelanguage.googleapis.com';

function errorInfo(reason: string, metadata: Record<string, string> = {}): unknown {
  return { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com', metadata: { service, ...metadata } };
}

function localized(message: string): unknown {
  return { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message };
}

/**
 * A key Gemini does not know. Some answers add a DebugInfo detail that repeats the key (`echoKey`), which is why
 * such an error must never be quoted.
 */
export function geminiInvalidKey(echoKey?: string): ScriptedResponse {
  const message = 'API key not valid. Please pass a valid API key.';
  return geminiError(400, 'INVALID_ARGUMENT', message, [
    errorInfo('API_KEY_INVALID'),
    localized(message),
    ...(echoKey !== undefined ? [{ '@type': 'type.googleapis.com/google.rpc.DebugInfo', detail: `Invalid API key: ${echoKey}` }] : []),
  ]);
}

/** A key that was valid once: the same reason as an unknown key, another message. */
export function geminiExpiredKey(): ScriptedResponse {
  const message = 'API key expired. Please renew the API key.';
  return geminiError(400, 'INVALID_ARGUMENT', message, [errorInfo('API_KEY_INVALID'), localized(message)]);
}

/** A key whose API restrictions leave the Generative Language API out. */
export function geminiServiceBlocked(): ScriptedResponse {
  return geminiError(
    403,
    'PERMISSION_DENIED',
    `Requests to this API ${service} method google.ai.generativelanguage.v1beta.GenerativeService.StreamGenerateContent are blocked.`,
    [
      errorInfo('API_KEY_SERVICE_BLOCKED', {
        consumer: 'projects/123456789012',
        methodName: 'google.ai.generativelanguage.v1beta.GenerativeService.StreamGenerateContent',
      }),
    ],
  );
}

/** A key restricted to some websites: a request from an editor carries no referrer. */
export function geminiReferrerBlocked(): ScriptedResponse {
  return geminiError(403, 'PERMISSION_DENIED', 'Requests from referer <empty> are blocked.', [
    errorInfo('API_KEY_HTTP_REFERRER_BLOCKED', { consumer: 'projects/123456789012' }),
  ]);
}

/** A key restricted to some IP addresses. */
export function geminiIpBlocked(): ScriptedResponse {
  return geminiError(
    403,
    'PERMISSION_DENIED',
    'The provided API key has an IP address restriction. The originating IP address of the call (203.0.113.7) violates this restriction.',
    [errorInfo('API_KEY_IP_ADDRESS_BLOCKED', { consumer: 'projects/123456789012' })],
  );
}

/** The key's project has not enabled the Generative Language API. */
export function geminiServiceDisabled(): ScriptedResponse {
  return geminiError(
    403,
    'PERMISSION_DENIED',
    'Generative Language API has not been used in project 123456789012 before or it is disabled. Enable it by visiting the API console, then retry.',
    [
      errorInfo('SERVICE_DISABLED', {
        consumer: 'projects/123456789012',
        activationUrl: 'https://console.developers.google.com/apis/api/generativelanguage.googleapis.com/overview?project=123456789012',
      }),
    ],
  );
}

// Models that refuse a temperature, and models that take one, each deciding from the request body as the real
// service does. Install one with `server.onRequest(...)`.
import { anthropicStream } from './anthropicFake';
import type { RecordedRequest, ScriptedResponse } from './fakeHttpServer';
import { geminiStream } from './geminiFake';
import { openAiStream } from './openAiFake';

type Handler = (request: RecordedRequest) => ScriptedResponse;

function sentTemperature(request: RecordedRequest): number | undefined {
  const body = JSON.parse(request.body) as { temperature?: number; generationConfig?: { temperature?: number } };
  return body.temperature ?? body.generationConfig?.temperature;
}

function json(status: number, body: unknown, headers: Record<string, string>): ScriptedResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, chunks: [JSON.stringify(body)] };
}

/**
 * An OpenAI reasoning model (o1, o3, o4-mini, the gpt-5 family): only the default temperature, 1, is accepted.
 * Follows OpenAI's API reference (Chat Completions `temperature`, Error codes page) and its reasoning models guide.
 * `variant: 'unsupported_parameter'` is what the o-series answered at first to any temperature.
 */
export function openAiReasoningModel(
  pieces: readonly string[],
  variant: 'unsupported_value' | 'unsupported_parameter' = 'unsupported_value',
): Handler {
  return (request) => {
    const temperature = sentTemperature(request);
    if (temperature === undefined || (variant === 'unsupported_value' && temperature === 1)) return openAiStream(pieces);
    const message =
      variant === 'unsupported_value'
        ? `Unsupported value: 'temperature' does not support ${temperature} with this model. Only the default (1) value is supported.`
        : "Unsupported parameter: 'temperature' is not supported with this model.";
    return json(
      400,
      { error: { message, type: 'invalid_request_error', param: 'temperature', code: variant } },
      { 'x-request-id': 'req_fake0001' },
    );
  };
}

/**
 * A recent Claude model (Claude Opus 4.7 and later) that refuses any temperature. Follows Anthropic's API
 * reference, Errors page (`invalid_request_error`, the `request-id` header), with the message Opus 4.7 gives
 * (quoted in cline/cline issue 10572).
 */
export function anthropicModelWithoutTemperature(pieces: readonly string[]): Handler {
  return (request) => {
    if (sentTemperature(request) === undefined) return anthropicStream(pieces);
    return json(
      400,
      {
        type: 'error',
        error: { type: 'invalid_request_error', message: '`temperature` is deprecated for this model.' },
        request_id: 'req_011Fake',
      },
      { 'request-id': 'req_011Fake' },
    );
  };
}

/**
 * A Claude model that takes a temperature within 0–1 and refuses anything outside it. Follows Anthropic's
 * Messages API reference (`temperature`: 0.0 to 1.0) and its Errors page.
 */
export function anthropicModelWithTemperature(pieces: readonly string[]): Handler {
  return (request) => {
    const temperature = sentTemperature(request);
    if (temperature === undefined || (temperature >= 0 && temperature <= 1)) return anthropicStream(pieces);
    return json(
      400,
      { type: 'error', error: { type: 'invalid_request_error', message: 'temperature: range: 0..1' }, request_id: 'req_011Fake' },
      { 'request-id': 'req_011Fake' },
    );
  };
}

/**
 * A Gemini-protocol endpoint that does not take `generationConfig.temperature`: Google's error model (AIP-193),
 * INVALID_ARGUMENT with a google.rpc.BadRequest detail, as the Gemini API answers a field it does not know.
 */
export function geminiModelWithoutTemperature(pieces: readonly string[]): Handler {
  return (request) => {
    if (sentTemperature(request) === undefined) return geminiStream(pieces);
    const description = 'Invalid JSON payload received. Unknown name "temperature" at \'generation_config\': Cannot find field.';
    return json(
      400,
      {
        error: {
          code: 400,
          message: description,
          status: 'INVALID_ARGUMENT',
          details: [
            { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'generation_config', description }] },
          ],
        },
      },
      { 'content-type': 'application/json; charset=UTF-8' },
    );
  };
}

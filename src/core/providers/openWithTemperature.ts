// Sending a chat request with the user's temperature, for models that may refuse one. OpenAI's reasoning models
// (o1, o3, o4-mini, the gpt-5 family) and recent Claude models answer 400 to any temperature but their default,
// naming it in the error (OpenAI: `param: "temperature"`, code `unsupported_value` or `unsupported_parameter`;
// Anthropic: an `invalid_request_error` whose message names `temperature`). Such a request did no work and cost
// nothing, so it is sent once more without the temperature; the consumer is told with a `notice` event, and the
// model is remembered (ModelQuirks) so that its next request goes without a temperature at once.
//
// The extra request is a new HTTP send with its own retry budget: the refusal is a 400, which is never retried,
// so it takes nothing from the budget of the request that does the work. It happens inside one `streamChat`, so
// the rate limiter and the circuit breaker count one request with one outcome.
import type { ChatEventSink } from './chatEventQueue';
import { parseErrorBody } from '../errors/errorBodyInfo';
import type { HttpErrorResponse } from '../errors/mapHttpError';
import type { ModelQuirks } from './modelQuirks';

export interface TemperatureTarget {
  /** The provider entry id and the model, as in the `model` event. */
  provider: string;
  model: string;
  /** The session's memory of models that refuse a temperature; without it nothing is remembered. */
  quirks: ModelQuirks | undefined;
  sink: ChatEventSink;
}

/**
 * Calls `send` with `temperature` (already within the protocol's range; undefined: none), or without it when the
 * model is known to refuse one. `send` must pass every error answer to `observe` (from its `mapError`); when the
 * model refused the temperature, `send` is called once more without it.
 */
export async function openWithTemperature<T>(
  temperature: number | undefined,
  target: TemperatureTarget,
  send: (temperature: number | undefined, observe: (response: HttpErrorResponse) => void) => Promise<T>,
): Promise<T> {
  const { provider, model, quirks, sink } = target;
  if (temperature === undefined || quirks?.refusesTemperature(provider, model) === true) return send(undefined, ignore);
  let refused = false;
  try {
    return await send(temperature, (response) => {
      refused = refusesTemperature(response);
    });
  } catch (error) {
    if (!refused || sink.signal.aborted) throw error;
  }
  quirks?.noteRefusesTemperature(provider, model);
  sink.push({ type: 'notice', notice: 'temperature-dropped', provider, model });
  return send(undefined, ignore);
}

function ignore(): void {}

/** A 400/422 whose error names the temperature (its message, OpenAI's `param`, a validation error's field). */
function refusesTemperature(response: HttpErrorResponse): boolean {
  if (response.status !== 400 && response.status !== 422) return false;
  const info = parseErrorBody(response.body, response.headers['content-type']);
  if (info.format === 'html') return false;
  if (/\btemperature\b/i.test(info.message ?? info.text ?? '')) return true;
  // OpenAI's `param`, FastAPI's (vLLM's) `loc`, Google's BadRequest `fieldViolations[].field`.
  return /"param"\s*:\s*"temperature"|"loc"\s*:\s*\[[^\]]*"temperature"\s*\]|"field"\s*:\s*"[^"]*\btemperature"/.test(response.body);
}

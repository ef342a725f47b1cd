// A completion's own time limit (docs/completions.md): a suggestion that comes after several seconds is worse than
// none, so one completion has a short limit (10 s by default) for everything — connecting, the server's thinking
// (a non-streamed answer sends nothing until it is done), the retry with a template — where a chat answer waits a
// minute for its first byte. When it runs out the request is aborted, so the connection closes and the server stops,
// and the completion fails as a `timeout` that says so; the caller's own abort (typing on) stays `cancelled`.
import { cancelledError, toProviderError } from '../errors/errorFactories';
import { ProviderError } from '../errors/providerError';
import { completionTimeoutError } from './completionErrors';

export async function withCompletionDeadline<T>(
  subject: { provider: string; model: string },
  timeoutMs: number,
  outer: AbortSignal | undefined,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (outer?.aborted) throw cancelledError(subject);
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => controller.abort();
  outer?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    return await run(controller.signal);
  } catch (error) {
    if (outer?.aborted)
      throw error instanceof ProviderError && error.kind === 'cancelled' ? error : cancelledError(subject, { cause: error });
    // Ours ran out, or the HTTP client's own first-byte or idle limit did: either way the completion took too long.
    if (timedOut || (error instanceof ProviderError && error.kind === 'timeout')) {
      throw completionTimeoutError(subject.provider, subject.model, timeoutMs, error);
    }
    throw toProviderError(error, { ...subject, stage: 'client' });
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

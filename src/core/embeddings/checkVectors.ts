// What every embeddings answer must be before anything compares with it: one vector per text, in order, all of the
// same length, none empty. A server that answers otherwise (a proxy that drops an item, a model that changed its
// size mid-batch) is an `invalid-response` error, never a vector compared with the wrong question.
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';

export function checkVectors(
  vectors: readonly (readonly number[])[],
  expected: number,
  subject: { provider: string; model: string },
): number[][] {
  const fail = (text: ReturnType<typeof errorText>): ProviderError =>
    new ProviderError({ kind: 'invalid-response', provider: subject.provider, model: subject.model, retryable: false, text });
  if (vectors.length !== expected) {
    throw fail(errorText('embeddings.wrongCount', { provider: subject.provider, got: vectors.length, expected }));
  }
  const lengths = new Set(vectors.map((vector) => vector.length));
  if (lengths.has(0) || lengths.size > 1) {
    throw fail(errorText('embeddings.wrongLength', { provider: subject.provider, lengths: [...lengths].join(', ') }));
  }
  return vectors.map((vector) => [...vector]);
}

// One embeddings request as each protocol's client takes it (embedTexts.ts fills it from a provider entry).
export interface EmbeddingCall {
  /** The provider entry id, for errors. */
  provider: string;
  baseUrl: string;
  /** The entry's own headers (a preset's, the user's). */
  headers: Readonly<Record<string, string>>;
  apiKey?: string | undefined;
  model: string;
  texts: readonly string[];
  signal?: AbortSignal | undefined;
}

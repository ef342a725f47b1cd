// A model is named `providerId/modelId` in settings (docs/providers.md): the provider id is everything before the first
// slash, so model ids that contain slashes themselves (`openrouter/meta-llama/llama-3.1-8b-instruct`) work.

export interface ModelRef {
  provider: string;
  model: string;
}

export function parseModelRef(text: string): ModelRef | undefined {
  const slash = text.indexOf('/');
  if (slash <= 0 || slash === text.length - 1) return undefined;
  const provider = text.slice(0, slash).trim();
  const model = text.slice(slash + 1).trim();
  if (provider === '' || model === '') return undefined;
  return { provider, model };
}

export function formatModelRef(ref: ModelRef): string {
  return `${ref.provider}/${ref.model}`;
}

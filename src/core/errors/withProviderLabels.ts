// Errors name a provider the way the person knows it — its label ("OpenAI", "Google Gemini", a custom entry's own
// label) — wherever the sentence speaks of the provider itself: "The OpenAI API key was rejected", not "The openai API
// key". Where the id is what the person has to write or look for, it stays: in a model reference
// (`{provider}/{model}`) and in a quoted entry of `switchboard.providers` (“{provider}”). Applied while a message is
// rendered for a person, in any language, so stored errors keep the id they were made with.
import { errorTemplates, type ErrorMessageId } from './errorTemplates';
import type { ErrorTextRenderer } from './errorText';

/** Whether every `{provider}` of a message's (English) template stands for the provider itself. */
export function namesProviderByLabel(id: ErrorMessageId): boolean {
  const uses = errorTemplates[id].match(/.?\{provider\}.?/g) ?? [];
  return uses.length > 0 && uses.every((use) => !use.startsWith('“') && !use.endsWith('/'));
}

/** A renderer that gives `{provider}` the provider's label (when `labelOf` knows the id) before `render` fills it in. */
export function withProviderLabels(render: ErrorTextRenderer, labelOf: (id: string) => string | undefined): ErrorTextRenderer {
  return (id, params) => {
    const provider = params['provider'];
    const label = provider === undefined || !namesProviderByLabel(id) ? undefined : labelOf(provider);
    return render(id, label === undefined ? params : { ...params, provider: label });
  };
}

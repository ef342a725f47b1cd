// A failure of a VS Code language model as Switchboard's one error type (docs/architecture.md "One error type"), worded
// from an id of errors/errorTemplates.ts so that the chat says it in the UI's language.
import { errorDetail } from '../errors/errorFactories';
import { errorText, type ErrorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import { quoteProviderText } from '../errors/quoteProviderText';
import { isHostFailure, type HostFailureCode } from './hostLanguageModels';

/**
 * `no-permissions` and `blocked` are not the provider's fault and asking again will not help: `bad-request`, so no
 * fallback hides the refusal. A model that is not there (or went away mid-answer) is `not-found`, so a fallback model
 * may answer instead when nothing was streamed yet. Anything else is a `server` failure of the editor's model.
 */
export function hostModelError(error: unknown, provider: string, model: string): ProviderError {
  const code: HostFailureCode = isHostFailure(error) ? error.hostFailure : 'unknown';
  const said = isHostFailure(error) ? error.detail : errorDetail(error);
  // The editor's words are quoted as they are: no key ever reaches a host model, so there is nothing to redact.
  const detail: ErrorText | '' =
    said === undefined || said.trim() === '' ? '' : errorText('detail.quoted', { text: quoteProviderText(said, (text) => text) });
  const common = { provider, model, code: `vscode-lm-${code}`, cause: error };
  switch (code) {
    case 'no-permissions':
      return new ProviderError({ ...common, kind: 'bad-request', text: errorText('vscodeLm.noPermissions', { model }) });
    case 'blocked':
      return new ProviderError({ ...common, kind: 'bad-request', text: errorText('vscodeLm.blocked', { model, detail }) });
    case 'not-found':
      return new ProviderError({ ...common, kind: 'not-found', text: errorText('vscodeLm.notFound', { model }) });
    case 'withdrawn':
      return new ProviderError({ ...common, kind: 'not-found', text: errorText('vscodeLm.withdrawn', { model, detail }) });
    case 'unknown':
      return new ProviderError({ ...common, kind: 'server', retryable: false, text: errorText('vscodeLm.failed', { model, detail }) });
  }
}

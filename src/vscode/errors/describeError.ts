// The one way an error reaches a person: a ProviderError (or a stored answer's error) is shown from its message id
// and parameters in the UI's language; anything else thrown shows its own text.
import type { MessageError } from '../../core/conversations/conversation';
import { readErrorText, renderErrorText } from '../../core/errors/errorText';
import { withProviderLabels } from '../../core/errors/withProviderLabels';
import { localizedErrorTemplate } from './localizedErrorTemplates';
import { providerLabel } from './providerLabels';

/** The text to show for anything thrown or reported (a ProviderError, an Error, a string). */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    // Duck-typed: a ProviderError from the lazily loaded engine bundle is another class than this bundle's.
    const { messageId, params, message } = error as { messageId?: unknown; params?: unknown; message?: unknown };
    const localized = localize(messageId, params);
    if (localized !== undefined) return localized;
    if (typeof message === 'string') return message;
  }
  return String(error);
}

/** A stored answer's error in the UI's language; its English `message` when it has no (known) id. */
export function describeMessageError(error: MessageError): string {
  return localize(error.messageId, error.params) ?? error.message;
}

function localize(messageId: unknown, params: unknown): string | undefined {
  const text = readErrorText(messageId, params);
  // A provider is named by its label ("OpenAI"), as the pickers name it, not by its id.
  return text === undefined ? undefined : renderErrorText(text, withProviderLabels(localizedErrorTemplate, providerLabel));
}

/** A context chip's note (why its text is partial or missing) in the UI's language; its id when this version does not know it. */
export function describeContextNote(note: { id: string; params: Readonly<Record<string, string | number>> }): string {
  return localize(note.id, note.params) ?? note.id;
}

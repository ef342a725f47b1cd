// A tool call's error as both readers need it: the English sentence the model reads as the result, and the same
// sentence as data (a message id of errors/errorTemplates.ts) for the user's card, shown in the UI's language.
import type { ContextNote } from '../conversations/messagePart';
import { englishErrorText } from '../errors/errorText';
import type { ErrorMessageId } from '../errors/errorTemplates';
import type { ToolOutcome } from './toolTypes';

export function toolNote(id: ErrorMessageId, params: Readonly<Record<string, string | number>> = {}): ContextNote {
  return { id, params: { ...params } };
}

/** An error result: `content` is the English text of `id`, `note` the same as data. */
export function toolError(id: ErrorMessageId, params: Readonly<Record<string, string | number>> = {}): ToolOutcome {
  return { content: englishErrorText({ id, params }), isError: true, note: toolNote(id, params) };
}

/** The result of a call the user denied (the extension's approval): the model reads that it was not run, and why. */
export function toolDenied(name: string): ToolOutcome {
  return toolError('tool.denied', { name });
}

// The notes the VS Code side gives a context item when it cannot read it (the engine's readers have their own).
// Notes are data: an id of core/errors/errorTemplates.ts and its parameters, shown in the UI's language.
import type { ContextItem, ContextKind, ContextNote } from '../../core/conversations/messagePart';
import type { ErrorMessageId } from '../../core/errors/errorTemplates';

/** The notes worded here (the engine's readers give the others): each a template of core/errors/errorTemplates.ts. */
export type ContextNoteId = Extract<
  ErrorMessageId,
  | 'context.outsideWorkspace'
  | 'context.shellIntegrationOff'
  | 'context.noTerminal'
  | 'context.noTerminalCommand'
  | 'context.noGit'
  | 'context.noChanges'
  | 'context.noProblems'
  | 'context.untrusted'
>;

export function contextNote(id: ContextNoteId, params: Record<string, string | number> = {}): ContextNote {
  return { id, params };
}

/** An item whose text could not be (or must not be) read: empty text and the reason. */
export function unreadItem(
  kind: ContextKind,
  label: string,
  note: ContextNote,
  extra: { path?: string; language?: string } = {},
): ContextItem {
  return { kind, label, text: '', ...extra, note };
}

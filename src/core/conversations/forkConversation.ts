// When two windows changed one conversation in ways a merge cannot keep both of (mergeConversations), this window's
// state is saved as a copy: a new id, and a title that says it is one ("Parsing JSON (2)", then "(3)"…).
import type { Conversation } from './conversation';

const copySuffix = / \((\d{1,3})\)$/;

export function forkConversation(conversation: Conversation, id: string): Conversation {
  return {
    ...conversation,
    id,
    title: copyTitle(conversation.title),
    // Kept as given: otherwise the next message would derive the title again and drop the "(2)" that tells the
    // two conversations apart.
    renamed: true,
  };
}

export function copyTitle(title: string): string {
  const match = copySuffix.exec(title);
  if (match?.[1] === undefined) return `${title} (2)`;
  return `${title.slice(0, match.index)} (${Number(match[1]) + 1})`;
}

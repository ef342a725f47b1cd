// Project instructions (AGENTS.md and its kin) go with every turn as a chip, but the history already carries them
// once sent: a message repeats them only when they are new to the conversation or changed since (docs/chat.md).
// The model sees them on every turn through the history, and the conversation file grows by one copy per change.
import type { Conversation } from './conversation';
import { contextsOf, type ContextItem } from './messagePart';

/** `items` without the instructions the conversation's earlier messages already hold with the same text. */
export function withoutRepeatedInstructions(items: readonly ContextItem[], conversation: Conversation): ContextItem[] {
  const latest = new Map<string, string>();
  for (const message of conversation.messages) {
    if (message.role !== 'user') continue;
    for (const item of contextsOf(message.parts)) if (item.kind === 'instructions') latest.set(item.path ?? item.label, item.text);
  }
  return items.filter((item) => item.kind !== 'instructions' || latest.get(item.path ?? item.label) !== item.text);
}

// The chat view holds only the messages it renders (issue 13's soak: a view left open for a thousand answers must
// not keep every answer's text). The extension sends the last page of a conversation with the count of messages
// before it, and answers the view's `loadEarlier` with the page just before the oldest message the view shows.
// Both sides page by the same size, so it lives here.

/** Messages rendered when a conversation opens; earlier ones come in pages of this size. */
export const pageSize = 60;

/** A page of a conversation's messages and how many come before it. */
export interface MessagePage<T> {
  messages: T[];
  /** Messages before `messages` (0: the page starts the conversation). */
  earlier: number;
}

/** The last `size` messages. */
export function lastPage<T>(messages: readonly T[], size = pageSize): MessagePage<T> {
  const earlier = Math.max(0, messages.length - size);
  return { messages: messages.slice(earlier), earlier };
}

/** The `size` messages just before the one with id `beforeId`; undefined when there is no such message. */
export function pageBefore<T extends { readonly id: string }>(
  messages: readonly T[],
  beforeId: string,
  size = pageSize,
): MessagePage<T> | undefined {
  // From the end: the view asks about messages near it far more often than about the first ones.
  let end = messages.length - 1;
  while (end >= 0 && messages[end]!.id !== beforeId) end--;
  if (end < 0) return undefined;
  const earlier = Math.max(0, end - size);
  return { messages: messages.slice(earlier, end), earlier };
}

// `index.json`: the conversation list without reading every conversation file. It is derived data — the
// conversation files are the truth — so a missing, corrupt or foreign index is simply rebuilt from them.
import * as z from 'zod/mini';
import type { ConversationSummary } from './conversation';
import { conversationFormatVersion, isConversationId } from './conversation';

const time = z.number().check(z.nonnegative());

const conversationIndexSchema = z.object({
  version: z.literal(conversationFormatVersion),
  conversations: z.array(
    z.object({
      id: z.string().check(z.refine(isConversationId)),
      title: z.string(),
      createdAt: time,
      updatedAt: time,
      messageCount: z.int().check(z.nonnegative()),
    }),
  ),
});

export type ParsedConversationIndex =
  | { kind: 'ok'; entries: Map<string, ConversationSummary> }
  | { kind: 'newer-version'; version: number }
  | { kind: 'invalid'; reason: string };

export function parseConversationIndex(text: string): ParsedConversationIndex {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'it is not valid JSON' };
  }
  const version = typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version > conversationFormatVersion) return { kind: 'newer-version', version };
  const result = z.safeParse(conversationIndexSchema, value);
  if (!result.success) return { kind: 'invalid', reason: 'it does not have the expected shape' };
  const entries = new Map<string, ConversationSummary>();
  for (const entry of result.data.conversations) entries.set(entry.id, entry);
  return { kind: 'ok', entries };
}

/** Newest first, which is also the order the list shows. */
export function sortSummaries(summaries: Iterable<ConversationSummary>): ConversationSummary[] {
  return [...summaries].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function serializeConversationIndex(summaries: Iterable<ConversationSummary>): string {
  const conversations = sortSummaries(summaries).map(({ id, title, createdAt, updatedAt, messageCount }) => ({
    id,
    title,
    createdAt,
    updatedAt,
    messageCount,
  }));
  return JSON.stringify({ version: conversationFormatVersion, conversations });
}

// The stored form of a conversation (`<id>.json`), checked on every load: a file that does not fit is corrupt
// (moved aside by the store), one with a newer `version` belongs to a newer Switchboard (left alone).
import * as z from 'zod/mini';
import type { FinishReason } from '../chat/chatTypes';
import type { ProviderErrorKind } from '../errors/providerError';
import { describeSchemaIssue } from '../validation/describeSchemaIssue';
import type { AssistantMessage, Conversation, ConversationMessage, UserMessage } from './conversation';
import { conversationFormatVersion, isConversationId } from './conversation';
import { userParts } from './conversationOps';
import type { ContextKind, MessagePart } from './messagePart';
import { contextKinds, cutText, imageMimeType, maxAltLength } from './messagePart';

const errorKinds = [
  'auth',
  'rate-limit',
  'quota',
  'bad-request',
  'not-found',
  'server',
  'overloaded',
  'network',
  'timeout',
  'invalid-response',
  'content-filtered',
  'cancelled',
] as const satisfies readonly ProviderErrorKind[];
const finishReasons = ['stop', 'length', 'content-filter', 'tool-calls', 'cancelled', 'other'] as const satisfies readonly FinishReason[];

// Compile-time guards: a kind added to ProviderErrorKind or FinishReason must be added above too.
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
const _allErrorKinds: Missing<ProviderErrorKind, (typeof errorKinds)[number]> = true;
const _allFinishReasons: Missing<FinishReason, (typeof finishReasons)[number]> = true;

const time = z.number().check(z.nonnegative());
const count = z.number().check(z.nonnegative());
const line = z.int().check(z.positive());
const nonEmpty = z.string().check(z.minLength(1));

const noteSchema = z.object({ id: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });

const contextItemSchema = z.object({
  kind: z.enum(contextKinds as [ContextKind, ...ContextKind[]]),
  label: z.string(),
  path: z.exactOptional(z.string()),
  language: z.exactOptional(z.string()),
  text: z.string(),
  startLine: z.exactOptional(line),
  endLine: z.exactOptional(line),
  truncated: z.exactOptional(z.boolean()),
  note: z.exactOptional(noteSchema),
});

// Long fields are accepted here, never a reason to call a whole conversation corrupt (issue 13: a 10,000-character
// image prompt made one unviewable); the few shown as one-line texts are cut after parsing (fitLongFields).
const partSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('context'), context: contextItemSchema }),
  z.object({
    type: z.literal('image'),
    path: z.exactOptional(z.string()),
    hash: z.exactOptional(z.string().check(z.regex(/^[0-9a-f]{64}$/i))),
    mimeType: z.string(),
    alt: z.string(),
  }),
  z.object({ type: z.literal('tool-call'), id: z.string(), name: z.string(), arguments: z.string() }),
  z.object({
    type: z.literal('tool-result'),
    callId: z.string(),
    content: z.string(),
    isError: z.boolean(),
    note: z.exactOptional(noteSchema),
  }),
]);

const recipeSchema = z.object({
  systemPrompt: z.exactOptional(z.string()),
  promptParts: z.exactOptional(z.array(partSchema)),
  models: z.array(z.string()),
  temperature: z.exactOptional(z.number()),
  maxTokens: z.exactOptional(z.int().check(z.positive())),
});

const userMessageSchema = z.object({
  id: nonEmpty,
  role: z.literal('user'),
  parts: z.array(partSchema),
  createdAt: time,
  recipe: z.exactOptional(recipeSchema),
});

const answerFields = {
  id: nonEmpty,
  role: z.literal('assistant'),
  createdAt: time,
  status: z.enum(['streaming', 'complete', 'stopped', 'error']),
  provider: z.exactOptional(z.string()),
  model: z.exactOptional(z.string()),
  usage: z.exactOptional(
    z.object({
      inputTokens: z.exactOptional(count),
      outputTokens: z.exactOptional(count),
      // Added within format 2 (issue 19), like `cost`: an older Switchboard reading them drops them (zod strips).
      cachedInputTokens: z.exactOptional(count),
      cacheWriteInputTokens: z.exactOptional(count),
    }),
  ),
  cost: z.exactOptional(
    z.object({
      usd: z.exactOptional(z.number().check(z.gte(0))),
      estimated: z.exactOptional(z.literal(true)),
      unknown: z.exactOptional(z.literal(true)),
    }),
  ),
  finishReason: z.exactOptional(z.enum(finishReasons)),
  // messageId/params came later within format 2: optional, and read through readErrorText when shown.
  error: z.exactOptional(
    z.object({
      kind: z.enum(errorKinds),
      message: z.string(),
      messageId: z.exactOptional(z.string()),
      params: z.exactOptional(z.record(z.string(), z.unknown())),
    }),
  ),
  cached: z.exactOptional(z.boolean()),
  // Added within format 2 (issue 19): an older Switchboard drops it and shows the answer as cached.
  cachedQuestion: z.exactOptional(z.string()),
  fallbackFrom: z.exactOptional(z.object({ provider: z.string(), model: z.string() })),
  // Added within format 2 (issue 17): an older Switchboard reading a file with notes drops them (zod strips).
  notes: z.exactOptional(z.array(noteSchema)),
};

const assistantMessageSchema = z.object({ ...answerFields, parts: z.array(partSchema) });

const conversationFields = {
  id: z.string().check(z.refine(isConversationId, 'expected a UUID')),
  title: z.string(),
  renamed: z.exactOptional(z.boolean()),
  createdAt: time,
  updatedAt: time,
};

export const conversationSchema = z.object({
  version: z.literal(conversationFormatVersion),
  ...conversationFields,
  messages: z.array(z.discriminatedUnion('role', [userMessageSchema, assistantMessageSchema])),
});

/** Format 1 (before issue 13): `content` strings, a user message's `contexts`, an answer's `images`. */
const conversationV1Schema = z.object({
  version: z.literal(1),
  ...conversationFields,
  messages: z.array(
    z.discriminatedUnion('role', [
      z.object({
        id: nonEmpty,
        role: z.literal('user'),
        content: z.string(),
        createdAt: time,
        contexts: z.exactOptional(z.array(contextItemSchema)),
      }),
      z.object({ ...answerFields, content: z.string(), images: z.exactOptional(z.array(z.object({ path: z.string(), alt: z.string() }))) }),
    ]),
  ),
});

type ConversationV1 = z.infer<typeof conversationV1Schema>;

/**
 * Format 1 → 2, in memory (the store writes format 2 on the next save): a user message's contexts become context
 * parts before its text (the order they were sent in), an answer's text and images become parts. Format 1 kept
 * no recipe, so a migrated turn is replayed with the caller's current settings.
 */
export function migrateV1(old: ConversationV1): Conversation {
  const messages = old.messages.map((message): ConversationMessage => {
    if (message.role === 'user') {
      const { content, contexts, ...rest } = message;
      return { ...rest, parts: userParts(content, contexts ?? []) };
    }
    const { content, images, ...rest } = message;
    const parts: MessagePart[] = content !== '' ? [{ type: 'text', text: content }] : [];
    for (const image of images ?? []) parts.push({ type: 'image', path: image.path, mimeType: imageMimeType(image.path), alt: image.alt });
    return { ...rest, parts };
  });
  return { ...old, version: conversationFormatVersion, messages };
}

/** Limits of the fields shown as one line (a title in the list, an error under an answer, an image's caption). */
export const storedFieldLimits = { title: 500, errorMessage: 4000, alt: maxAltLength } as const;

/** Cuts the one-line fields that are over their limit (with "…"); returns its input when none is. */
export function fitLongFields(conversation: Conversation): Conversation {
  let changed = conversation.title.length > storedFieldLimits.title;
  const messages = conversation.messages.map((message) => {
    const parts = fitParts(message.parts);
    if (message.role === 'user') {
      const promptParts = message.recipe?.promptParts;
      const fittedPrompt = promptParts !== undefined ? fitParts(promptParts) : undefined;
      if (parts === message.parts && fittedPrompt === promptParts) return message;
      changed = true;
      const next: UserMessage = { ...message, parts };
      if (message.recipe !== undefined && fittedPrompt !== undefined) next.recipe = { ...message.recipe, promptParts: fittedPrompt };
      return next;
    }
    const tooLongError = message.error !== undefined && message.error.message.length > storedFieldLimits.errorMessage;
    if (parts === message.parts && !tooLongError) return message;
    changed = true;
    const next: AssistantMessage = { ...message, parts };
    if (message.error !== undefined && tooLongError)
      next.error = { ...message.error, message: cutText(message.error.message, storedFieldLimits.errorMessage) };
    return next;
  });
  if (!changed) return conversation;
  return { ...conversation, title: cutText(conversation.title, storedFieldLimits.title), messages };
}

function fitParts(parts: MessagePart[]): MessagePart[] {
  if (!parts.some((part) => part.type === 'image' && part.alt.length > storedFieldLimits.alt)) return parts;
  return parts.map((part) =>
    part.type === 'image' && part.alt.length > storedFieldLimits.alt ? { ...part, alt: cutText(part.alt, storedFieldLimits.alt) } : part,
  );
}

export type ParsedConversation =
  | { kind: 'ok'; conversation: Conversation }
  /** Written by a newer Switchboard: not readable here, and not to be overwritten. */
  | { kind: 'newer-version'; version: number }
  | { kind: 'invalid'; reason: string };

/** Checks a parsed JSON value against the stored form, migrating an older format and cutting over-long one-line fields. */
export function parseStoredConversation(value: unknown): ParsedConversation {
  const version = typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > conversationFormatVersion)
    return { kind: 'newer-version', version };
  if (version === 1) {
    const old = z.safeParse(conversationV1Schema, value);
    if (!old.success) return { kind: 'invalid', reason: describeSchemaIssue(old.error.issues, 'the conversation') };
    return { kind: 'ok', conversation: fitLongFields(migrateV1(old.data)) };
  }
  const result = z.safeParse(conversationSchema, value);
  if (!result.success) return { kind: 'invalid', reason: describeSchemaIssue(result.error.issues, 'the conversation') };
  const conversation: Conversation = result.data;
  return { kind: 'ok', conversation: fitLongFields(conversation) };
}

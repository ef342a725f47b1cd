// The stored form of a conversation (`<id>.json`), checked on every load: a file that does not fit is corrupt
// (moved aside by the store), one with a newer `version` belongs to a newer Switchboard (left alone).
import * as z from 'zod/mini';
import type { FinishReason } from '../chat/chatTypes';
import type { ProviderErrorKind } from '../errors/providerError';
import { describeSchemaIssue } from '../validation/describeSchemaIssue';
import type { Conversation } from './conversation';
import { conversationFormatVersion, isConversationId } from './conversation';

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

const contextItemSchema = z.object({
  kind: z.enum(['selection', 'file']),
  label: z.string(),
  path: z.optional(z.string()),
  language: z.optional(z.string()),
  text: z.string(),
  startLine: z.optional(line),
  endLine: z.optional(line),
  truncated: z.optional(z.boolean()),
});

const userMessageSchema = z.object({
  id: nonEmpty,
  role: z.literal('user'),
  content: z.string(),
  createdAt: time,
  contexts: z.optional(z.array(contextItemSchema)),
});

const assistantMessageSchema = z.object({
  id: nonEmpty,
  role: z.literal('assistant'),
  content: z.string(),
  createdAt: time,
  status: z.enum(['streaming', 'complete', 'stopped', 'error']),
  provider: z.optional(z.string()),
  model: z.optional(z.string()),
  usage: z.optional(z.object({ inputTokens: z.optional(count), outputTokens: z.optional(count) })),
  finishReason: z.optional(z.enum(finishReasons)),
  error: z.optional(z.object({ kind: z.enum(errorKinds), message: z.string() })),
  cached: z.optional(z.boolean()),
  fallbackFrom: z.optional(z.object({ provider: z.string(), model: z.string() })),
  images: z.optional(z.array(z.object({ path: z.string(), alt: z.string() }))),
});

export const conversationSchema = z.object({
  version: z.literal(conversationFormatVersion),
  id: z.string().check(z.refine(isConversationId, 'expected a UUID')),
  title: z.string(),
  renamed: z.optional(z.boolean()),
  createdAt: time,
  updatedAt: time,
  messages: z.array(z.discriminatedUnion('role', [userMessageSchema, assistantMessageSchema])),
});

export type ParsedConversation =
  | { kind: 'ok'; conversation: Conversation }
  /** Written by a newer Switchboard: not readable here, and not to be overwritten. */
  | { kind: 'newer-version'; version: number }
  | { kind: 'invalid'; reason: string };

/** Checks a parsed JSON value against the stored form. */
export function parseStoredConversation(value: unknown): ParsedConversation {
  const version = typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > conversationFormatVersion) return { kind: 'newer-version', version };
  const result = z.safeParse(conversationSchema, value);
  if (!result.success) return { kind: 'invalid', reason: describeSchemaIssue(result.error.issues, 'the conversation') };
  const conversation: Conversation = result.data;
  return { kind: 'ok', conversation };
}

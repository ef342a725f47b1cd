// The typed message protocol between the extension and the chat webview. Both sides import these schemas and
// validate every message they receive (a webview is a separate, less trusted context, and model output flows
// through it), so a malformed message is logged and ignored, never trusted.
//
// zod/mini keeps this file's share of each bundle to a few kilobytes (the classic API costs ~450 KB; docs/performance.md).
import * as z from 'zod/mini';
import { fitText, protocolLimits } from './protocolLimits';
import { visionMimeTypes } from './visionImageLimits';

export { fitText, protocolLimits } from './protocolLimits';

const id = z.string().check(z.minLength(1), z.maxLength(protocolLimits.id));
const shortText = z.string().check(z.maxLength(protocolLimits.shortText));
const longText = z.string().check(z.maxLength(protocolLimits.longText));
/** A count of messages, or a request's number. */
const count = z.int().check(z.nonnegative());

/** An action that fixes an error, offered next to it in the chat (docs/chat.md). */
/** `raiseBudget` and `sendAnyway` answer a request a budget held back (docs/spend.md "Budgets"). */
export const errorActionSchema = z.enum(['setKey', 'openSettings', 'retry', 'switchModel', 'openLog', 'raiseBudget', 'sendAnyway']);
export type ErrorAction = z.infer<typeof errorActionSchema>;

/** What a context chip was taken from (core's ContextKind), or an image attached to the message (issue 16). */
export const contextKindSchema = z.enum(['selection', 'file', 'folder', 'problems', 'terminal', 'diff', 'instructions', 'image']);
export type ContextKindView = z.infer<typeof contextKindSchema>;

/** A piece of context attached to a user message (or waiting to go with the next one), as the chat shows it. */
export const contextChipSchema = z.object({
  id,
  kind: contextKindSchema,
  label: shortText,
  language: z.optional(shortText),
  /** Characters of text the chip adds to the prompt. */
  chars: z.number(),
  /** Estimated tokens the chip adds to the prompt. */
  tokens: z.number(),
  /** Set when the text was cut to the context budget. */
  truncated: z.optional(z.boolean()),
  /**
   * Offered, not attached: the active editor's file or selection. It goes with the message only once the user
   * turns it on (`acceptContext`).
   */
  suggested: z.optional(z.boolean()),
  /** Why its text is partial or missing ("matches switchboard.context.exclude: not read"), in the UI's language. */
  note: z.optional(shortText),
  /** Clicking the chip opens what it refers to (`openContext`). */
  openable: z.optional(z.boolean()),
  /** An image chip's picture: a webview URI of the stored attachment. */
  thumbnail: z.optional(shortText),
});
export type ContextChip = z.infer<typeof contextChipSchema>;

/**
 * What the next message would cost against the chosen model's context window: the conversation so far and the
 * attached chips. The webview adds its estimate of the draft, and warns before sending when the total does not fit,
 * saying what will be cut (the oldest messages, then the largest attachments: core/turns/fitToWindow.ts).
 */
export const contextBudgetSchema = z.object({
  /** Estimated tokens of the conversation's earlier messages that would be sent again. */
  historyTokens: z.number(),
  /** Estimated tokens of the attached (not merely suggested) chips. */
  contextTokens: z.number(),
  /** The model's context window in tokens, when known. */
  window: z.optional(z.number()),
  /** Where `window` comes from: the provider's live model list, or Switchboard's dated table. */
  windowSource: z.optional(z.enum(['provider', 'table'])),
  /** The model the figures are for, e.g. `openai/gpt-4o`. */
  model: shortText,
});
export type ContextBudget = z.infer<typeof contextBudgetSchema>;

/** One entry of the `@` picker's workspace results: a file or folder, by URI (the extension checks it again). */
export const contextSuggestionSchema = z.object({
  uri: shortText,
  kind: z.enum(['file', 'folder']),
  /** The name, e.g. `app.ts`. */
  label: shortText,
  /** Where it is, e.g. `src/server` (with the workspace folder's name in a multi-root workspace). */
  description: shortText,
  /** Indexes into `label` of the characters the query matched, for highlighting. */
  matches: z.optional(z.array(count)),
});
export type ContextSuggestion = z.infer<typeof contextSuggestionSchema>;

/** The chat's `/` commands: `/image` is typed into the input; the others run the selection command of that name. */
export const slashCommandSchema = z.enum(['explain', 'refactor', 'fix', 'document', 'tests']);
export type SlashCommand = z.infer<typeof slashCommandSchema>;

export const usageViewSchema = z.object({
  inputTokens: z.optional(z.number()),
  outputTokens: z.optional(z.number()),
  /** Of the input, read from the provider's prompt cache. */
  cachedInputTokens: z.optional(z.number()),
});
export type UsageView = z.infer<typeof usageViewSchema>;

/** What an answer or a conversation cost (docs/spend.md "Cost"): known dollars, and whether estimated or partly unknown. */
export const costViewSchema = z.object({
  usd: z.optional(z.number()),
  estimated: z.optional(z.boolean()),
  unknown: z.optional(z.boolean()),
});
export type CostView = z.infer<typeof costViewSchema>;

/**
 * Where a tool call stands (issue 17, docs/chat.md "Tools"): `pending` waits for the user's Allow or Deny, `running`
 * was allowed and runs, `done` and `failed` have a result (a refused path or a tool error is `failed`), `denied` the
 * user said no, `stopped` ended without a result (Stop, or the answer ended before it ran).
 */
export const toolCardStateSchema = z.enum(['pending', 'running', 'done', 'failed', 'denied', 'stopped']);
export type ToolCardState = z.infer<typeof toolCardStateSchema>;

/** A tool call of an answer as its card shows it, in the answer's text where the model made it. */
export const toolCardSchema = z.object({
  callId: id,
  /** The tool's name as the model called it (`read_file`, or another extension's tool). */
  name: shortText,
  /** What the call does, in a line and in the UI's language: "Read src/app.ts, lines 1–40". */
  title: shortText,
  /** The arguments as the model sent them (JSON, indented; cut to the limit). */
  arguments: shortText,
  state: toolCardStateSchema,
  /** Only looks (read, list, search, problems, diff); "always allow" applies to these alone. */
  readOnly: z.boolean(),
  /** The result's size in UTF-8 bytes, as the model received it (done and failed calls). */
  resultSize: z.optional(count),
  /** What the user should know, in the UI's language: a refused path, a search cut at its cap, a denial. */
  note: z.optional(shortText),
  /** Where the card stands in the answer: after this many characters of its `content` (text of later steps follows). */
  offset: count,
  /** Ran without asking, because read-only tools are always allowed in this workspace (the card offers to revoke). */
  autoAllowed: z.optional(z.boolean()),
});
export type ToolCardView = z.infer<typeof toolCardSchema>;

/** The user's answer to a pending tool call: run it once, run read-only tools always in this workspace, or not. */
export const toolDecisionSchema = z.enum(['allow', 'allowAlways', 'deny']);
export type ToolDecision = z.infer<typeof toolDecisionSchema>;

export const messageViewSchema = z.object({
  id,
  role: z.enum(['user', 'assistant']),
  content: longText,
  contexts: z.optional(z.array(contextChipSchema)),
  provider: z.optional(shortText),
  model: z.optional(shortText),
  usage: z.optional(usageViewSchema),
  cost: z.optional(costViewSchema),
  status: z.optional(z.enum(['streaming', 'complete', 'stopped', 'error'])),
  error: z.optional(z.object({ kind: shortText, message: shortText, actions: z.array(errorActionSchema) })),
  cached: z.optional(z.boolean()),
  /** Answered by the semantic cache: the earlier question it was given to (the answer offers "Ask fresh"). */
  cachedQuestion: z.optional(shortText),
  fallbackFrom: z.optional(shortText),
  /**
   * Images shown with the message: generated by `/image` (on an answer; with actions: insert a reference, open,
   * reveal, edit, animate, ask about it) or attached by the user (on a question; opened on click). `src` is a webview
   * URI of the file, `path` the workspace-relative path (or the attachment's name).
   */
  images: z.optional(z.array(z.object({ src: shortText, alt: shortText, path: shortText, attached: z.optional(z.boolean()) }))),
  /** An answer's tool calls, in order (issue 17). */
  tools: z.optional(z.array(toolCardSchema)),
  /** Notes under an answer, in the UI's language: the step limit was reached, a repeated call was refused. */
  notes: z.optional(z.array(shortText)),
});
export type MessageView = z.infer<typeof messageViewSchema>;

export const conversationViewSchema = z.object({
  id,
  title: shortText,
  /** The last page of the conversation (shared/messagePage.ts); earlier ones are fetched with `loadEarlier`. */
  messages: z.array(messageViewSchema),
  /** Messages before `messages`, not sent (absent: none). */
  earlier: z.optional(count),
  /** What every answer of the conversation cost together (absent: none was priced). */
  cost: z.optional(costViewSchema),
});
export type ConversationView = z.infer<typeof conversationViewSchema>;

export const conversationSummarySchema = z.object({
  id,
  title: shortText,
  updatedAt: z.number(),
  messageCount: z.number(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const modelGroupSchema = z.object({
  provider: shortText,
  label: shortText,
  models: z.array(shortText),
  /** Why the provider could not be listed, in a few words: one line in the picker. */
  error: z.optional(shortText),
  /** The whole reason when `error` is its short form: shown when the pointer rests on that line. */
  errorDetail: z.optional(shortText),
});
export type ModelGroup = z.infer<typeof modelGroupSchema>;

export const codeActionSchema = z.enum(['copy', 'insertAtCursor', 'applyAsDiff', 'saveAsNewFile']);
export type CodeAction = z.infer<typeof codeActionSchema>;

/** What an image in the chat offers (issue 16): `ask` attaches it to the next message. */
export const imageActionSchema = z.enum(['insertReference', 'open', 'reveal', 'edit', 'animate', 'ask']);
export type ImageAction = z.infer<typeof imageActionSchema>;

export const visionMimeTypeSchema = z.enum(visionMimeTypes);

/** Messages the webview sends to the extension. */
export const webviewToExtensionMessageSchema = z.discriminatedUnion('type', [
  /** The webview script has loaded and can receive messages. */
  z.object({ type: z.literal('ready') }),
  /** Something in the webview went wrong; the extension writes it to its log. */
  z.object({ type: z.literal('reportError'), message: z.string().check(z.maxLength(4000)) }),
  /** The user sent a message (the chips currently attached go with it). */
  z.object({ type: z.literal('send'), text: longText }),
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('regenerate') }),
  /** "Ask fresh" on an answer from the semantic cache: the question goes to the model (docs/moderation-and-caching.md). */
  z.object({ type: z.literal('askFresh'), messageId: id }),
  z.object({ type: z.literal('editAndResend'), messageId: id, text: longText }),
  /** Undo the last edit-and-resend: the conversation as it was before it (the new answer stopped). */
  z.object({ type: z.literal('undoEdit') }),
  z.object({ type: z.literal('newChat') }),
  z.object({ type: z.literal('openConversation'), conversationId: id }),
  z.object({ type: z.literal('renameConversation'), conversationId: id, title: shortText }),
  z.object({ type: z.literal('deleteConversation'), conversationId: id }),
  z.object({ type: z.literal('exportConversation') }),
  z.object({ type: z.literal('requestConversations') }),
  z.object({ type: z.literal('requestModels'), refresh: z.boolean() }),
  z.object({ type: z.literal('selectModel'), model: shortText }),
  /** Attach one of the editor's own sources; `problems` with `activeFile` only the active file's diagnostics. */
  z.object({
    type: z.literal('addContext'),
    kind: z.enum(['selection', 'file', 'problems', 'terminal', 'diff']),
    activeFile: z.optional(z.boolean()),
  }),
  /**
   * An image pasted or dropped into the chat, already downscaled by the webview to visionImageLimits (so one stored
   * copy suits every provider): its bytes as base64, its type, size and name. The extension checks it again.
   */
  z.object({
    type: z.literal('attachImage'),
    name: shortText,
    mimeType: visionMimeTypeSchema,
    data: z.string().check(z.maxLength(protocolLimits.imageData)),
    width: count,
    height: count,
  }),
  /** An image's button in the chat; `path` as the message view gave it, `messageId` the message it is in. */
  z.object({ type: z.literal('imageAction'), action: imageActionSchema, path: shortText, messageId: z.optional(id) }),
  /** Attach a workspace file or folder picked in the `@` picker (or dropped on the view): URIs as strings. */
  z.object({ type: z.literal('addContextUris'), uris: z.array(shortText).check(z.maxLength(100)) }),
  /** Turn a suggested chip (the active editor's file) on. */
  z.object({ type: z.literal('acceptContext'), contextId: id }),
  z.object({ type: z.literal('removeContext'), contextId: id }),
  /** Open what a chip refers to; `messageId` when the chip belongs to a sent message. */
  z.object({ type: z.literal('openContext'), contextId: id, messageId: z.optional(id) }),
  /** The `@` picker's query changed; answered by `contextSuggestions` with the same `requestId`. */
  z.object({ type: z.literal('queryContext'), requestId: count, query: shortText }),
  /** A `/` command picked from the menu (other than `/image`, which the input keeps). */
  z.object({ type: z.literal('slashCommand'), command: slashCommandSchema }),
  /**
   * A code block's button. `info` is the fence's whole info string (it may name the target file: codeBlockTarget.ts);
   * `messageId` the answer it belongs to (the file its question was about is the next guess for the target).
   */
  z.object({
    type: z.literal('codeAction'),
    action: codeActionSchema,
    code: longText,
    language: z.optional(shortText),
    info: z.optional(shortText),
    messageId: z.optional(id),
  }),
  /** "Apply all": every code block of the answer that names a file, in one multi-file review. */
  z.object({ type: z.literal('applyAll'), messageId: id }),
  z.object({ type: z.literal('openLink'), href: shortText }),
  z.object({ type: z.literal('errorAction'), action: errorActionSchema, messageId: z.optional(id) }),
  /** The input's text, so a draft survives hiding the view and reloading the window. */
  z.object({ type: z.literal('draftChanged'), text: longText }),
  /** The user's Allow / Always allow / Deny on the pending tool call `callId` of the answer `messageId`. */
  z.object({ type: z.literal('toolDecision'), messageId: id, callId: id, decision: toolDecisionSchema }),
  /** "Ask again": read-only tools are no longer always allowed in this workspace. */
  z.object({ type: z.literal('revokeToolApprovals') }),
  /** "Show earlier": the page before `beforeId`, the oldest message shown; answered by `earlierMessages`. */
  z.object({ type: z.literal('loadEarlier'), requestId: count, conversationId: id, beforeId: id }),
]);
export type WebviewToExtensionMessage = z.infer<typeof webviewToExtensionMessageSchema>;

/** Messages the extension sends to the webview. */
export const extensionToWebviewMessageSchema = z.discriminatedUnion('type', [
  /** The first message after `ready`: what the webview needs to draw its initial state. */
  z.object({
    type: z.literal('init'),
    version: z.string(),
    locale: z.string(),
    conversation: conversationViewSchema,
    draft: longText,
    contexts: z.array(contextChipSchema),
    budget: z.optional(contextBudgetSchema),
    currentModel: shortText,
    sendOnEnter: z.boolean(),
    busy: z.boolean(),
  }),
  /** Replace the whole conversation (opened, new, edited). */
  z.object({ type: z.literal('conversation'), conversation: conversationViewSchema, busy: z.boolean() }),
  /** The open conversation's title changed (derived from the first message, or renamed). */
  z.object({ type: z.literal('title'), title: shortText }),
  z.object({ type: z.literal('conversations'), items: z.array(conversationSummarySchema), currentId: id, problems: z.array(shortText) }),
  /** A message was added or changed as a whole (a new user message, an assistant message starting or ending). */
  z.object({ type: z.literal('message'), message: messageViewSchema }),
  /** Streamed text of the assistant message `messageId`. */
  z.object({ type: z.literal('delta'), messageId: id, text: longText }),
  /** A status line under a streaming answer ("waiting 12 s for the rate limit", "retrying in 2 s"). */
  z.object({ type: z.literal('status'), messageId: id, text: shortText }),
  z.object({ type: z.literal('busy'), busy: z.boolean() }),
  z.object({ type: z.literal('models'), groups: z.array(modelGroupSchema), current: shortText, loading: z.boolean() }),
  /** The chips waiting to go with the next message (suggested ones included), and what they would cost. */
  z.object({ type: z.literal('contexts'), contexts: z.array(contextChipSchema), budget: z.optional(contextBudgetSchema) }),
  /** The answer to `queryContext`: workspace files and folders, best first; `indexing` while the list is still being built. */
  z.object({
    type: z.literal('contextSuggestions'),
    requestId: count,
    items: z.array(contextSuggestionSchema),
    indexing: z.boolean(),
  }),
  z.object({ type: z.literal('focusInput') }),
  /**
   * An image file to attach (Add to Chat, the `@` picker, "Ask about this image"): the webview downscales it like a
   * pasted one and answers with `attachImage`, or says why it cannot (issue 16). `data` is the file's bytes, base64.
   */
  z.object({
    type: z.literal('downscaleImage'),
    name: shortText,
    mimeType: shortText,
    data: z.string().check(z.maxLength(protocolLimits.sourceImageData)),
  }),
  /** Put text into the input (e.g. an edit of an earlier message), without sending it. */
  z.object({ type: z.literal('setDraft'), text: longText }),
  /** A notice over the input; `actions` are buttons that fix what it says (a send with no model chosen). */
  z.object({
    type: z.literal('notice'),
    text: shortText,
    level: z.enum(['info', 'warning', 'error']),
    actions: z.optional(z.array(errorActionSchema)),
    /**
     * A one-click switch to a model that can do what was refused (issue 16: images for a text-only model): the
     * button says `label`, and sends `selectModel` with `model` and then the input again.
     */
    switchModel: z.optional(z.object({ model: shortText, label: shortText })),
  }),
  /** The answer to `loadEarlier` with the same `requestId`: the messages just before its `beforeId`, oldest first. */
  z.object({
    type: z.literal('earlierMessages'),
    requestId: count,
    conversationId: id,
    messages: z.array(messageViewSchema),
    earlier: count,
  }),
]);
export type ExtensionToWebviewMessage = z.infer<typeof extensionToWebviewMessageSchema>;

export type ParseResult<T> =
  { ok: true; message: T; /** Fields that did not fit and were cut or left out. */ repaired?: string[] } | { ok: false; error: string };

/** Validates a message that arrived from the webview. The error names what did not fit. */
export function parseWebviewToExtensionMessage(data: unknown): ParseResult<WebviewToExtensionMessage> {
  return parseWith(webviewToExtensionMessageSchema, data);
}

/**
 * Validates a message that arrived from the extension. A field that does not fit costs only itself, not the
 * message or the whole conversation it is part of: a string that is too long is cut, any other bad field is left
 * out (or, when it is required, the smallest list entry that holds it). Anything that cannot be repaired that way
 * is refused like any malformed message. The webview is the receiving end here, so it shows what it can.
 */
export function parseExtensionToWebviewMessage(data: unknown): ParseResult<ExtensionToWebviewMessage> {
  const strict = parseWith(extensionToWebviewMessageSchema, data);
  if (strict.ok || typeof data !== 'object' || data === null) return strict;
  const copy = structuredClone(data) as Record<string, unknown>;
  const repaired: string[] = [];
  for (let pass = 0; pass < maxRepairs; pass++) {
    const result = z.safeParse(extensionToWebviewMessageSchema, copy);
    if (result.success) return { ok: true, message: result.data, repaired };
    const issue = result.error.issues[0];
    if (issue === undefined || !repairAt(copy, issue)) return strict;
    repaired.push(issue.path.join('.'));
  }
  return strict;
}

const maxRepairs = 50;

/** Cuts or removes what `issue` points at inside `root`; false when there is nothing it may remove. */
function repairAt(root: Record<string, unknown>, issue: z.core.$ZodIssue): boolean {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  // The message's own `type` and top-level fields are its shape: never repaired.
  if (path.length < 2) return false;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], root);
  const key = path[path.length - 1];
  if (typeof parent !== 'object' || parent === null || key === undefined) return false;
  const container = parent as Record<string | number, unknown>;
  const value = container[key];
  if (issue.code === 'too_big' && typeof value === 'string' && typeof issue.maximum === 'number') {
    container[key] = fitText(value, Number(issue.maximum));
    return true;
  }
  if (Array.isArray(container) && typeof key === 'number') {
    container.splice(key, 1);
    return true;
  }
  if (value === undefined) {
    // A required field is missing: leave out the list entry that holds it, if there is one.
    return dropEnclosingEntry(root, path.slice(0, -1));
  }
  delete container[key];
  return true;
}

function dropEnclosingEntry(root: Record<string, unknown>, path: readonly (string | number)[]): boolean {
  for (let end = path.length; end >= 2; end--) {
    const key = path[end - 1];
    const parent = path.slice(0, end - 1).reduce<unknown>((node, k) => (node as Record<string | number, unknown> | undefined)?.[k], root);
    if (Array.isArray(parent) && typeof key === 'number') {
      parent.splice(key, 1);
      return true;
    }
  }
  return false;
}

function parseWith<S extends z.ZodMiniType>(schema: S, data: unknown): ParseResult<z.infer<S>> {
  const result = z.safeParse(schema, data);
  if (result.success) return { ok: true, message: result.data };
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(message)'}: ${issue.message}`);
  return { ok: false, error: issues.join('; ') };
}

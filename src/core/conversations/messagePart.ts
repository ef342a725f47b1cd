// The parts a message is made of (issue 13): one model for what the chat shows, stores and sends. A user message is
// its text plus the context it attached; an answer is its text plus the images it produced, and — when the model
// used tools (issue 17) — every step of the tool loop in order: text, the step's tool calls, their results, more
// text or calls (toChatMessages sends each step as an assistant message and a `tool` message). Protocols encode the
// parts they support and refuse the others by name (see providers/partsAsText.ts), so adding a part never changes a
// message's shape.

/**
 * What a context item was taken from: the selection, a file, a folder (a listing plus the files that fit), the
 * Problems panel, the active terminal's last command, the working tree's diff, or the project's instructions file
 * (AGENTS.md and its kin, docs/chat.md).
 */
export type ContextKind = 'selection' | 'file' | 'folder' | 'problems' | 'terminal' | 'diff' | 'instructions';

export const contextKinds: readonly ContextKind[] = ['selection', 'file', 'folder', 'problems', 'terminal', 'diff', 'instructions'];

export interface ContextItem {
  kind: ContextKind;
  /** What the chip shows, e.g. `app.ts:10-24`. */
  label: string;
  /** Workspace-relative (or absolute) path of the file it came from. */
  path?: string;
  /** VS Code language id, e.g. `typescript`. */
  language?: string;
  text: string;
  /** 1-based, inclusive. */
  startLine?: number;
  endLine?: number;
  /** Set when `text` was cut to the context budget (docs/editor-commands.md: never silently). */
  truncated?: boolean;
  /** Why the text is partial or missing (an excluded, binary, deleted or too large file; shell integration off). */
  note?: ContextNote;
}

/**
 * A context item's note as data: a message id of errors/errorTemplates.ts and flat parameters, so the chip says it
 * in the UI's language. Stored as read (an id unknown to this version is shown by its id, never a reason to refuse a
 * conversation); turned into an ErrorText with readErrorText when shown.
 */
export interface ContextNote {
  id: string;
  params: Readonly<Record<string, string | number>>;
}

export interface TextPart {
  type: 'text';
  text: string;
}

/** A context item attached to a message (a chip), sent rendered as a fenced block (renderContextItem). */
export interface ContextPart {
  type: 'context';
  context: ContextItem;
}

/**
 * An image kept as a reference to a stored file — by path, or by content hash for a file the extension stores
 * itself — never as base64 inside the conversation file (which would make every save rewrite megabytes).
 */
export interface ImagePart {
  type: 'image';
  /** Where the file is (workspace-relative or absolute). */
  path?: string;
  /** The SHA-256 of the file's bytes, hex, when the file is kept by content. */
  hash?: string;
  /** e.g. `image/png`. */
  mimeType: string;
  /** The text shown in place of the image (for a generated image: its prompt, cut to maxAltLength). */
  alt: string;
  /**
   * The bytes, base64, only on a request about to be sent: the extension reads them from its attachment store just
   * before sending (issue 16), and each protocol encodes them in its own form. Never stored: the conversation
   * schema does not know the field, and parts are copied into requests, never the other way.
   */
  data?: string;
}

/** A model's request to call a tool. */
export interface ToolCallPart {
  type: 'tool-call';
  /** The provider's id of the call, echoed by the result. */
  id: string;
  name: string;
  /** The arguments as the JSON text the model produced (kept as text: a model may produce invalid JSON). */
  arguments: string;
}

/** What a tool call returned (or why it was not run: refused, denied, invalid arguments — then `isError`). */
export interface ToolResultPart {
  type: 'tool-result';
  callId: string;
  /** The text the model reads, in English (what was sent, already cut to the loop's limit). */
  content: string;
  isError: boolean;
  /**
   * The same for the user, when there is something to say (a refused path, a search cut at its limit): a message id
   * of errors/errorTemplates.ts and flat parameters, shown in the UI's language on the tool's card.
   */
  note?: ContextNote;
}

export type MessagePart = TextPart | ContextPart | ImagePart | ToolCallPart | ToolResultPart;

export type MessagePartType = MessagePart['type'];

/**
 * The longest `alt` kept. A generated image's alt is its prompt, which may be 10,000 characters; the chat shows
 * alt text as a caption and the webview protocol bounds short texts, so a longer one is cut (with "…") when the
 * image is attached and when an older file is loaded, instead of making the message unviewable (issue 13).
 */
export const maxAltLength = 1000;

export function textPart(text: string): TextPart {
  return { type: 'text', text };
}

export function contextPart(context: ContextItem): ContextPart {
  return {
    type: 'context',
    context: { ...context, ...(context.note ? { note: { id: context.note.id, params: { ...context.note.params } } } : {}) },
  };
}

/** The message's text: its text parts, joined. What a derived `content` used to be. */
export function textOf(parts: readonly MessagePart[]): string {
  let text = '';
  for (const part of parts) if (part.type === 'text') text += part.text;
  return text;
}

export function contextsOf(parts: readonly MessagePart[]): ContextItem[] {
  const out: ContextItem[] = [];
  for (const part of parts) if (part.type === 'context') out.push(part.context);
  return out;
}

export function imagesOf(parts: readonly MessagePart[]): ImagePart[] {
  return parts.filter((part): part is ImagePart => part.type === 'image');
}

/** A deep copy (parts are plain data; contexts and notes are the only nested objects). */
export function copyPart(part: MessagePart): MessagePart {
  if (part.type === 'context') return contextPart(part.context);
  if (part.type === 'tool-result' && part.note !== undefined) return { ...part, note: copyNote(part.note) };
  return { ...part };
}

export function copyNote(note: ContextNote): ContextNote {
  return { id: note.id, params: { ...note.params } };
}

/** `text` cut to at most `max` UTF-16 units, ending in "…" when cut, never splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

const mimeByExtension: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** The mime type of an image file from its extension (image files are checked to be PNG, JPEG or WebP). */
export function imageMimeType(path: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (extension !== undefined ? mimeByExtension[extension] : undefined) ?? 'application/octet-stream';
}

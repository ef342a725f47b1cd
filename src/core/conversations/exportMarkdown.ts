// "Export as Markdown" (docs/chat.md): one document with the title, every turn under a heading, attached contexts as
// fenced blocks, token usage and errors as notes. Every word of it comes from `strings`, so the extension can pass
// its localized ones (englishMarkdownStrings is the default).
import type { TokenUsage } from '../chat/chatTypes';
import { assertNever } from '../assertNever';
import type { AssistantMessage, ContextItem, Conversation, MessageError, ModelIdentity, UserMessage } from './conversation';
import { closeOpenFence, fencedBlock } from './markdownFence';
import type { ImagePart, MessagePart } from './messagePart';
import { contextHeader, renderContextItem } from './renderContextItem';

export interface MarkdownExportStrings {
  /** Heading of the user's turns, e.g. "You". */
  you: string;
  /** Heading of answers, followed by ": provider/model" when known, e.g. "Model". */
  model: string;
  /** e.g. "Tokens: 12 in, 340 out". Only called when at least one count is known. */
  usage: (usage: TokenUsage) => string;
  /** Note under an answer the user stopped. */
  stopped: string;
  /** Note under an answer that failed, e.g. "Error (rate-limit): …". */
  error: (error: MessageError) => string;
  /** Note under an answer another model of the fallback chain gave. */
  fallback: (from: ModelIdentity) => string;
  /** Note under an answer replayed from the response cache. */
  cached: string;
  /** The line above an attached context's code block. */
  contextHeader: (item: ContextItem) => string;
}

export const englishMarkdownStrings: MarkdownExportStrings = {
  you: 'You',
  model: 'Model',
  usage: (usage) =>
    `Tokens: ${[
      usage.inputTokens !== undefined ? `${usage.inputTokens} in` : undefined,
      usage.outputTokens !== undefined ? `${usage.outputTokens} out` : undefined,
    ]
      .filter((part) => part !== undefined)
      .join(', ')}`,
  stopped: 'Stopped before the answer was complete.',
  error: (error) => `Error (${error.kind}): ${error.message}`,
  fallback: (from) => `Answered instead of ${from.provider}/${from.model}, which failed.`,
  cached: 'Replayed from the response cache.',
  contextHeader,
};

export function exportMarkdown(conversation: Conversation, strings: MarkdownExportStrings = englishMarkdownStrings): string {
  const sections = [`# ${escapeInline(conversation.title)}`];
  for (const message of conversation.messages) {
    sections.push(message.role === 'user' ? userSection(message, strings) : answerSection(message, strings));
  }
  return `${sections.join('\n\n')}\n`;
}

function userSection(message: UserMessage, strings: MarkdownExportStrings): string {
  const parts = [`## ${escapeInline(strings.you)}`];
  for (const part of message.parts) {
    const block = partBlock(part, strings);
    if (block !== undefined) parts.push(block);
  }
  return parts.join('\n\n');
}

function answerSection(message: AssistantMessage, strings: MarkdownExportStrings): string {
  const who = message.provider !== undefined && message.model !== undefined ? `: ${codeSpan(`${message.provider}/${message.model}`)}` : '';
  const parts = [`## ${escapeInline(strings.model)}${who}`];
  for (const part of message.parts) {
    const block = partBlock(part, strings);
    if (block !== undefined) parts.push(block);
  }
  const notes: string[] = [];
  if (message.fallbackFrom !== undefined) notes.push(strings.fallback(message.fallbackFrom));
  if (message.cached === true) notes.push(strings.cached);
  if (message.usage !== undefined && (message.usage.inputTokens !== undefined || message.usage.outputTokens !== undefined)) {
    notes.push(strings.usage(message.usage));
  }
  if (message.status === 'stopped') notes.push(strings.stopped);
  if (message.status === 'error' && message.error !== undefined) notes.push(strings.error(message.error));
  if (notes.length > 0) parts.push(notes.map(quote).join('\n>\n'));
  return parts.join('\n\n');
}

/** One part as a Markdown block; undefined for a blank text. */
function partBlock(part: MessagePart, strings: MarkdownExportStrings): string | undefined {
  switch (part.type) {
    case 'text':
      // The text is the user's or the model's own Markdown; only a block left open is closed so the next part stays outside it.
      return part.text.trim() === '' ? undefined : closeOpenFence(part.text.trimEnd());
    case 'context':
      return renderContextItem(part.context, (context) => escapeInline(strings.contextHeader(context)));
    case 'image':
      return imageLink(part);
    case 'tool-call':
      return `${codeSpan(part.name)}\n${fencedBlock(part.arguments, 'json')}`;
    case 'tool-result':
      return fencedBlock(part.content);
    default:
      return assertNever(part, 'message part');
  }
}

/** A note as a block quote; every line quoted, so a provider's multi-line error message stays inside it. */
function quote(note: string): string {
  return note
    .split(/\r\n|\r|\n/)
    .map((line) => (line === '' ? '>' : `> ${escapeInline(line)}`))
    .join('\n');
}

/** Text put into a heading or note: one line, with Markdown's inline syntax characters taken literally. */
function escapeInline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`);
}

function imageLink(image: ImagePart): string {
  // Angle brackets allow spaces in the destination; forward slashes make a Windows path a relative link. An image
  // kept by content hash has no path a Markdown file could link to: its alt text stands in for it.
  if (image.path === undefined) return escapeInline(image.alt);
  const destination = image.path.replace(/\\/g, '/').replace(/[<>\r\n]/g, encodeURIComponent);
  return `![${image.alt.replace(/[\r\n]+/g, ' ').replace(/[\\[\]]/g, (char) => `\\${char}`)}](<${destination}>)`;
}

function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

import * as vscode from 'vscode';
import type { TokenUsage } from '../../core/chat/chatTypes';
import type { Conversation, ConversationMessage, ContextItem } from '../../core/conversations/conversation';
import { describeContextNote } from '../errors/describeError';
import { estimateTokens } from '../../core/context/estimateTokens';
import {
  type ContextChip,
  type ConversationView,
  type CostView,
  type UsageView,
  fitText,
  type MessageView,
  protocolLimits,
  type ToolCardView,
} from '../../shared/webviewProtocol';
import { errorActionsFor } from './errorActions';
import { contextsOf, type ImagePart, imagesOf, textOf } from '../../core/conversations/messagePart';
import { lastPage } from '../../shared/messagePage';
import { describeMessageError } from '../errors/describeError';

/**
 * What the webview shows of a conversation: its last page of messages (the view fetches earlier pages with
 * `loadEarlier`, so it never holds the whole conversation), no file contents of contexts, only their labels and sizes. Every
 * string is cut to the protocol's limit for its field (a 10,000-character image prompt is a long `alt`), so no
 * stored message can make the webview refuse it.
 */
/** What a message's view takes from the chat's port (ChatViewPort): its images' URIs and its tool cards. */
export interface MessageViewSources {
  /** A message image's file as a URI the webview may load; undefined when it may not. */
  partSrc(image: ImagePart): string | undefined;
  /** An answer's tool cards (issue 17); undefined for a message without tool calls. */
  toolCards(message: ConversationMessage): ToolCardView[] | undefined;
}

export function toConversationView(conversation: Conversation, sources: MessageViewSources): ConversationView {
  const page = lastPage(conversation.messages);
  const cost = conversationCost(conversation);
  return {
    id: conversation.id,
    title: short(conversation.title),
    messages: page.messages.map((message) => toMessageView(message, sources)),
    earlier: page.earlier,
    ...(cost !== undefined ? { cost } : {}),
  };
}

/** Every answer's cost added up (docs/spend.md "Cost"); undefined when none was priced. */
function conversationCost(conversation: Conversation): CostView | undefined {
  let total: CostView | undefined;
  for (const message of conversation.messages) {
    const cost = message.role === 'assistant' ? message.cost : undefined;
    if (cost === undefined) continue;
    total ??= {};
    if (cost.usd !== undefined) total.usd = (total.usd ?? 0) + cost.usd;
    if (cost.estimated) total.estimated = true;
    if (cost.unknown) total.unknown = true;
  }
  return total;
}

/** The token counts the footer shows: in (and of them cached), out. */
function usageView(usage: TokenUsage): UsageView {
  return {
    ...(usage.inputTokens !== undefined ? { inputTokens: usage.inputTokens } : {}),
    ...(usage.outputTokens !== undefined ? { outputTokens: usage.outputTokens } : {}),
    ...(usage.cachedInputTokens !== undefined ? { cachedInputTokens: usage.cachedInputTokens } : {}),
  };
}

export function toMessageView(message: ConversationMessage, sources: MessageViewSources): MessageView {
  const images = imagesOf(message.parts).flatMap((image) => {
    const src = sources.partSrc(image);
    if (src === undefined) return [];
    // An attachment is named by its hash (ChatImages finds it again by it); a generated image by its workspace path.
    if (image.hash !== undefined) return [{ src, alt: short(image.alt), path: image.hash, attached: true }];
    return image.path === undefined ? [] : [{ src, alt: short(image.alt), path: short(vscode.workspace.asRelativePath(image.path)) }];
  });
  if (message.role === 'user') {
    const contexts = contextsOf(message.parts);
    return {
      id: message.id,
      role: 'user',
      content: long(textOf(message.parts)),
      ...(contexts.length
        ? { contexts: contexts.map((item, index) => ({ ...toContextChip(item, `${message.id}-${index}`), ...openableIf(item) })) }
        : {}),
      ...(images.length > 0 ? { images } : {}),
    };
  }
  const tools = sources.toolCards(message);
  return {
    id: message.id,
    role: 'assistant',
    content: long(textOf(message.parts)),
    status: message.status,
    ...(message.provider !== undefined ? { provider: short(message.provider) } : {}),
    ...(message.model !== undefined ? { model: short(message.model) } : {}),
    ...(message.usage ? { usage: usageView(message.usage) } : {}),
    ...(message.cost ? { cost: { ...message.cost } } : {}),
    ...(message.error
      ? {
          error: {
            kind: message.error.kind,
            message: short(describeMessageError(message.error)),
            actions: errorActionsFor(message.error.kind, {
              noModel: message.model === undefined,
              budget: message.error.messageId?.startsWith('budget.') === true,
            }),
          },
        }
      : {}),
    ...(message.cached ? { cached: true } : {}),
    ...(message.cachedQuestion !== undefined ? { cachedQuestion: short(message.cachedQuestion) } : {}),
    ...(message.fallbackFrom ? { fallbackFrom: short(`${message.fallbackFrom.provider}/${message.fallbackFrom.model}`) } : {}),
    ...(images.length > 0 ? { images } : {}),
    ...(tools !== undefined && tools.length > 0 ? { tools } : {}),
    ...(message.notes !== undefined && message.notes.length > 0
      ? { notes: message.notes.map((note) => short(describeContextNote(note))) }
      : {}),
  };
}

/** A sent chip opens what it came from (ChatContext.openChip): a file, folder or selection by its path, or a view. */
function openableIf(item: ContextItem): { openable?: true } {
  const opens = item.kind === 'problems' || item.kind === 'terminal' || item.kind === 'diff' || item.path !== undefined;
  return opens ? { openable: true } : {};
}

export function toContextChip(item: ContextItem, id: string): ContextChip {
  return {
    id,
    kind: item.kind,
    label: short(item.label),
    chars: item.text.length,
    tokens: estimateTokens(item.text),
    ...(item.language ? { language: short(item.language) } : {}),
    ...(item.truncated ? { truncated: true } : {}),
    ...(item.note ? { note: short(describeContextNote(item.note)) } : {}),
  };
}

function short(text: string): string {
  return fitText(text, protocolLimits.shortText);
}

function long(text: string): string {
  return fitText(text, protocolLimits.longText);
}

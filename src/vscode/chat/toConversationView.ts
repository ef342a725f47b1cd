import * as vscode from 'vscode';
import type { Conversation, ConversationMessage, ContextItem } from '../../core/conversations/conversation';
import type { ContextChip, ConversationView, MessageView } from '../../shared/webviewProtocol';
import { errorActionsFor } from './errorActions';

/** What the webview shows of a conversation: no file contents of contexts, only their labels and sizes. */
export function toConversationView(conversation: Conversation, imageSrc: (path: string) => string | undefined): ConversationView {
  return { id: conversation.id, title: conversation.title, messages: conversation.messages.map((message) => toMessageView(message, imageSrc)) };
}

export function toMessageView(message: ConversationMessage, imageSrc: (path: string) => string | undefined): MessageView {
  if (message.role === 'user') {
    return {
      id: message.id,
      role: 'user',
      content: message.content,
      ...(message.contexts?.length ? { contexts: message.contexts.map((item, index) => toContextChip(item, `${message.id}-${index}`)) } : {}),
    };
  }
  const images = (message.images ?? []).flatMap((image) => {
    const src = imageSrc(image.path);
    return src ? [{ src, alt: image.alt, path: vscode.workspace.asRelativePath(image.path) }] : [];
  });
  return {
    id: message.id,
    role: 'assistant',
    content: message.content,
    status: message.status,
    ...(message.provider !== undefined ? { provider: message.provider } : {}),
    ...(message.model !== undefined ? { model: message.model } : {}),
    ...(message.usage ? { usage: { ...message.usage } } : {}),
    ...(message.error ? { error: { kind: message.error.kind, message: message.error.message, actions: errorActionsFor(message.error.kind) } } : {}),
    ...(message.cached ? { cached: true } : {}),
    ...(message.fallbackFrom ? { fallbackFrom: `${message.fallbackFrom.provider}/${message.fallbackFrom.model}` } : {}),
    ...(images.length > 0 ? { images } : {}),
  };
}

export function toContextChip(item: ContextItem, id: string): ContextChip {
  return {
    id,
    kind: item.kind,
    label: item.label,
    chars: item.text.length,
    ...(item.language ? { language: item.language } : {}),
    ...(item.truncated ? { truncated: true } : {}),
  };
}

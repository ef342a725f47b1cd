// The parts every protocol can send today: text, and context items rendered as fenced blocks (renderContextItem).
// Image and tool parts are refused before anything is sent (later issues teach each protocol to encode them), by
// name, so a request never goes out silently without a part the user attached.
import type { ChatMessage, ChatRequest } from '../chat/chatTypes';
import { renderContextItem } from '../conversations/renderContextItem';
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';

/** Who is asked, for the error message: the provider entry's id and the request's model. */
export interface PartsTarget {
  provider: string;
  model: string;
}

/**
 * A message's parts as one text: contexts as fenced blocks, texts as they are, blank texts left out, joined by a
 * blank line (the form a message with context chips has always been sent in). Throws a `bad-request` ProviderError
 * naming the first part the protocol cannot take yet.
 */
export function partsAsText(message: ChatMessage, target: PartsTarget): string {
  const blocks: string[] = [];
  for (const part of message.parts) {
    switch (part.type) {
      case 'text':
        if (part.text.trim() !== '') blocks.push(part.text);
        break;
      case 'context':
        blocks.push(renderContextItem(part.context));
        break;
      case 'image':
      case 'tool-call':
      case 'tool-result':
        throw unsupportedPart(part.type, target);
    }
  }
  // One text part goes as it is, whitespace included (what the user typed is what the model reads).
  const only = message.parts[0];
  if (message.parts.length === 1 && only?.type === 'text') return only.text;
  return blocks.join('\n\n');
}

/** Every message of the request as text, checked before the first byte is sent. */
export function messagesAsText(
  request: Pick<ChatRequest, 'messages' | 'model'>,
  provider: string,
): Array<{ role: ChatMessage['role']; content: string }> {
  const target = { provider, model: request.model };
  return request.messages.map((message) => ({ role: message.role, content: partsAsText(message, target) }));
}

function unsupportedPart(type: 'image' | 'tool-call' | 'tool-result', target: PartsTarget): ProviderError {
  const names = { image: 'chat.part.image', 'tool-call': 'chat.part.toolCall', 'tool-result': 'chat.part.toolResult' } as const;
  return new ProviderError({
    kind: 'bad-request',
    provider: target.provider,
    model: target.model,
    retryable: false,
    text: errorText('chat.unsupportedPart', { provider: target.provider, model: target.model, part: errorText(names[type]) }),
  });
}

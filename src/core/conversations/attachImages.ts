// The answer to a `/image` request (docs/chat.md): the images saved into the workspace go on the assistant message,
// shown inline by the chat and kept with the conversation (as paths; the files are the user's).
import type { Conversation, GeneratedImageRef } from './conversation';
import type { TimeOptions } from './conversationOps';
import type { ImagePart } from './messagePart';
import { cutText, imageMimeType, maxAltLength } from './messagePart';

export function attachImages(
  conversation: Conversation,
  messageId: string,
  images: readonly GeneratedImageRef[],
  options: TimeOptions = {},
): Conversation {
  const index = conversation.messages.findIndex((message) => message.id === messageId);
  const message = conversation.messages[index];
  if (message === undefined || message.role !== 'assistant' || images.length === 0) return conversation;
  const messages = conversation.messages.slice();
  messages[index] = { ...message, parts: [...message.parts, ...images.map(imagePart)] };
  return { ...conversation, messages, updatedAt: options.now ?? Date.now() };
}

/** A long prompt is cut as alt text (maxAltLength): the full prompt stays in the user's message. */
function imagePart(image: GeneratedImageRef): ImagePart {
  return { type: 'image', path: image.path, mimeType: image.mimeType ?? imageMimeType(image.path), alt: cutText(image.alt, maxAltLength) };
}

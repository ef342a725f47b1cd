// A conversation that once had a picture, sent on to a model that cannot see images (issue 16): each image part
// becomes a short text part saying an image was there and was not sent, with its alt, so the model knows something
// is missing instead of reading a question about a picture it never got, and no protocol refuses the request.
import type { ChatMessage } from './chatTypes';
import type { ImagePart, MessagePart } from '../conversations/messagePart';

/**
 * The note that stands in for one image. Model-facing, so in English like the prompt templates and the context
 * headers (renderContextItem): it is sent to the model, never shown to the person, who sees the image itself.
 */
export function imageNote(image: Pick<ImagePart, 'alt'>): string {
  const alt = image.alt.replace(/\s+/g, ' ').trim();
  return alt !== ''
    ? `[An image was attached here (“${alt}”), but it was not sent: the model answering now cannot see images.]`
    : '[An image was attached here, but it was not sent: the model answering now cannot see images.]';
}

/**
 * `messages` with every image part replaced by its note (imageNote), and how many were replaced. Messages without
 * images are passed on as they are; the ones with images are copies, the input is never changed.
 */
export function imagesAsNotes(messages: readonly ChatMessage[]): { messages: ChatMessage[]; replaced: number } {
  let replaced = 0;
  const out = messages.map((message) => {
    if (!message.parts.some((part) => part.type === 'image')) return message;
    const parts = message.parts.map((part): MessagePart => {
      if (part.type !== 'image') return part;
      replaced++;
      return { type: 'text', text: imageNote(part) };
    });
    return { ...message, parts };
  });
  return { messages: out, replaced };
}

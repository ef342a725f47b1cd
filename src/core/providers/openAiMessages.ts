// The `messages` of an OpenAI-compatible chat request (OpenAI's API reference, "Chat Completions", and its "Images
// and vision" guide; Ollama, LM Studio, vLLM, OpenRouter and Groq take the same form on `/v1/chat/completions`): the
// system prompt first, then each message. A message without images keeps the plain string `content` it has always
// had; a user message with images becomes a list of content parts — its text as one `text` part (the form of OpenAI's
// own examples: text, then the images), then each image as an `image_url` part holding a base64 `data:` URL.
import type { ChatRequest } from '../chat/chatTypes';
import { textAndImages, unsupportedPart } from './partsAsText';

export type OpenAiContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

export interface OpenAiMessage {
  role: string;
  content: string | OpenAiContentPart[];
}

export function openAiMessages(request: Pick<ChatRequest, 'messages' | 'model' | 'systemPrompt'>, provider: string): OpenAiMessage[] {
  const target = { provider, model: request.model };
  const messages: OpenAiMessage[] = [];
  if (request.systemPrompt !== undefined && request.systemPrompt.trim() !== '') {
    messages.push({ role: 'system', content: request.systemPrompt });
  }
  for (const message of request.messages) {
    const { text, images } = textAndImages(message, target);
    // A `tool` message needs a tool_call_id Switchboard does not track; send its text as the user's.
    const role = message.role === 'tool' ? 'user' : message.role;
    if (images.length === 0) {
      messages.push({ role, content: text });
      continue;
    }
    // Only a user message may hold image parts (an assistant's takes text and refusals, a system one text).
    if (role !== 'user') throw unsupportedPart('image', target);
    const content: OpenAiContentPart[] = text.trim() !== '' ? [{ type: 'text', text }] : [];
    for (const image of images) content.push({ type: 'image_url', image_url: { url: `data:${image.mimeType};base64,${image.data}` } });
    messages.push({ role, content });
  }
  return messages;
}

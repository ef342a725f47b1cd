// The `messages` of an OpenAI-compatible chat request (OpenAI's API reference, "Chat Completions", its "Images and
// vision" and "Function calling" guides; Ollama, LM Studio, vLLM, OpenRouter and Groq take the same form on
// `/v1/chat/completions`): the system prompt first, then each message. A message without images keeps the plain
// string `content` it has always had; a user message with images becomes a list of content parts — its text as one
// `text` part (the form of OpenAI's own examples: text, then the images), then each image as an `image_url` part
// holding a base64 `data:` URL. An assistant message with tool calls carries them as `tool_calls` (its `content` the
// text, or null when it has none); each tool result is a message of role `tool` naming its call by `tool_call_id`.
import type { ChatRequest } from '../chat/chatTypes';
import { pairToolResults } from './pairToolResults';
import { encodableParts, unsupportedPart } from './partsAsText';
import { toolArgumentsText } from './toolArguments';

export type OpenAiContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

export interface OpenAiToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type OpenAiMessage =
  | { role: string; content: string | OpenAiContentPart[] }
  | { role: 'assistant'; content: string | null; tool_calls: OpenAiToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export function openAiMessages(request: Pick<ChatRequest, 'messages' | 'model' | 'systemPrompt'>, provider: string): OpenAiMessage[] {
  const target = { provider, model: request.model };
  const messages: OpenAiMessage[] = [];
  if (request.systemPrompt !== undefined && request.systemPrompt.trim() !== '') {
    messages.push({ role: 'system', content: request.systemPrompt });
  }
  for (const message of pairToolResults(request.messages)) {
    const { text, images, calls, results } = encodableParts(message, target);
    if (calls.length > 0) {
      messages.push({
        role: 'assistant',
        content: text.trim() !== '' ? text : null,
        tool_calls: calls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: toolArgumentsText(call.arguments) },
        })),
      });
      continue;
    }
    // The protocol has no error flag on a result: the tool's text says what went wrong.
    for (const result of results) messages.push({ role: 'tool', tool_call_id: result.callId, content: result.content });
    // A `tool` message's own text (no result of any call) is sent as the user's, as it always was.
    const role = message.role === 'tool' ? 'user' : message.role;
    if (images.length === 0) {
      if (results.length === 0 || text.trim() !== '') messages.push({ role, content: text });
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

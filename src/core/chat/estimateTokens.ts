// A cheap, deliberately rough token estimate for the tokens-per-minute budget: about four characters per token
// for the prompt, plus the answer's allowance. The real count from the provider's `usage` replaces it afterwards
// (RateLimiter.recordUsage), so being off only shifts one minute's budget a little.
import type { MessagePart } from '../conversations/messagePart';
import type { ChatRequest } from './chatTypes';

/** Answer tokens assumed when the request sets no `maxTokens`. */
export const defaultAnswerTokenAllowance = 1024;

/** Per-message overhead (role markers and separators the provider adds). */
const tokensPerMessage = 4;

export function estimateTokens(
  request: Pick<ChatRequest, 'messages' | 'systemPrompt' | 'maxTokens'> & Partial<Pick<ChatRequest, 'tools' | 'responseFormat'>>,
): number {
  let chars = request.systemPrompt?.length ?? 0;
  // The tools' definitions are sent with every request (their schemas as JSON), and so is an answer format's schema.
  for (const tool of request.tools ?? []) chars += tool.name.length + tool.description.length + JSON.stringify(tool.parameters).length;
  if (request.responseFormat?.schema !== undefined) chars += JSON.stringify(request.responseFormat.schema).length;
  for (const message of request.messages) chars += partChars(message.parts);
  const messages = request.messages.length + (request.systemPrompt ? 1 : 0);
  const prompt = Math.ceil(chars / 4) + messages * tokensPerMessage;
  return prompt + (request.maxTokens ?? defaultAnswerTokenAllowance);
}

/** The characters a part is sent as, roughly; an image counts as a fixed allowance until a protocol sends one. */
function partChars(parts: readonly MessagePart[]): number {
  let chars = 0;
  for (const part of parts) {
    switch (part.type) {
      case 'text':
        chars += part.text.length;
        break;
      case 'context':
        // The text plus its header line and fence.
        chars += part.context.text.length + part.context.label.length + 40;
        break;
      case 'image':
        chars += imageChars;
        break;
      case 'tool-call':
        chars += part.name.length + part.arguments.length;
        break;
      case 'tool-result':
        chars += part.content.length;
        break;
    }
  }
  return chars;
}

/** About 1,000 tokens: what providers bill for a mid-sized image. */
const imageChars = 4000;

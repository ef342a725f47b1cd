// A cheap, deliberately rough token estimate for the tokens-per-minute budget: about four characters per token
// for the prompt, plus the answer's allowance. The real count from the provider's `usage` replaces it afterwards
// (RateLimiter.recordUsage), so being off only shifts one minute's budget a little.
import type { ChatRequest } from './chatTypes';

/** Answer tokens assumed when the request sets no `maxTokens`. */
export const defaultAnswerTokenAllowance = 1024;

/** Per-message overhead (role markers and separators the provider adds). */
const tokensPerMessage = 4;

export function estimateTokens(request: Pick<ChatRequest, 'messages' | 'systemPrompt' | 'maxTokens'>): number {
  let chars = request.systemPrompt?.length ?? 0;
  for (const message of request.messages) chars += message.content.length;
  const messages = request.messages.length + (request.systemPrompt ? 1 : 0);
  const prompt = Math.ceil(chars / 4) + messages * tokensPerMessage;
  return prompt + (request.maxTokens ?? defaultAnswerTokenAllowance);
}

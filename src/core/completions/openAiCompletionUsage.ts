// The `usage` of OpenAI's legacy Completions API answer (and of Mistral's and DeepSeek's, which copy it).
import * as z from 'zod/mini';
import type { TokenUsage } from '../chat/chatTypes';
import { tokenCount } from '../providers/tokenCount';

const count = z.optional(z.nullable(z.number()));

export const openAiCompletionUsageSchema = z.optional(z.nullable(z.object({ prompt_tokens: count, completion_tokens: count })));

export function openAiCompletionUsage(usage: z.infer<typeof openAiCompletionUsageSchema>): TokenUsage | undefined {
  if (usage === undefined || usage === null) return undefined;
  const inputTokens = tokenCount(usage.prompt_tokens);
  const outputTokens = tokenCount(usage.completion_tokens);
  if (inputTokens === undefined && outputTokens === undefined) return undefined;
  return { inputTokens, outputTokens };
}

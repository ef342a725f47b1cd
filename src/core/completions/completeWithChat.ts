// The `chat` completion protocol (docs/completions.md): a chat-only model (OpenAI chat, Anthropic, Gemini, OpenRouter,
// Groq) asked for the middle through its ordinary streamed chat, the text collected. Slower than a FIM endpoint
// (the picker says so), but it works with any chat key. The signal aborts the stream, which closes the connection.
import type { ChatProvider } from '../chat/chatTypes';
import { UsageTotals } from '../chat/usageTotals';
import { cancelledError } from '../errors/errorFactories';
import { chatCompletionPrompt } from './chatCompletionPrompt';
import type { CompletionInput } from './completionTypes';
import type { FimAnswer } from './fimWire';

export async function completeWithChat(
  provider: ChatProvider,
  model: string,
  input: CompletionInput,
  maxTokens: number,
  signal: AbortSignal,
): Promise<FimAnswer> {
  const { systemPrompt, messages } = chatCompletionPrompt(input);
  // No temperature: reasoning models refuse any but their default, and a refusal would cost a second request.
  const stream = provider.streamChat({ model, messages, systemPrompt, maxTokens, signal });
  const usage = new UsageTotals();
  let text = '';
  for await (const event of stream) {
    usage.observe(event);
    if (event.type === 'text-delta') text += event.text;
    else if (event.type === 'error') throw event.error;
    else if (event.type === 'done' && event.finishReason === 'cancelled') throw cancelledError({ provider: provider.id, model });
  }
  return { text, ...(usage.reported ? { usage: usage.usage } : {}) };
}

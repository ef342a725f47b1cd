// Contender: the official SDKs, `openai` (chat.completions.create with stream: true) and `@anthropic-ai/sdk`
// (messages.create with stream: true, the raw event stream; the `.stream()` helpers do more work per event), loaded
// from node_modules as their users load them.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { runContender } from './harness';

runContender('official', ({ origin, format, model, prompt }) => {
  if (format === 'openai') {
    const client = new OpenAI({ apiKey: 'sk-bench-0000000000000000', baseURL: `${origin}/v1`, maxRetries: 0 });
    return {
      async stream(onText) {
        const stream = await client.chat.completions.create({
          model,
          messages: [{ role: 'user', content: prompt }],
          stream: true,
          stream_options: { include_usage: true },
          max_tokens: 32_000,
        });
        for await (const chunk of stream) {
          const text = chunk.choices[0]?.delta?.content;
          if (text) onText(text);
        }
      },
    };
  }
  const client = new Anthropic({ apiKey: 'sk-bench-0000000000000000', baseURL: origin, maxRetries: 0 });
  return {
    async stream(onText) {
      const stream = await client.messages.create({
        model,
        max_tokens: 32_000,
        messages: [{ role: 'user', content: prompt }],
        stream: true,
      });
      for await (const event of stream) {
        if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') onText(event.delta.text);
      }
    },
  };
});

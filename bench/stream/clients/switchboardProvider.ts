// Contender: Switchboard's own client, `createChatProvider(...).streamChat(...)`, bundled and minified like
// dist/engine.js (same esbuild settings), so it runs as shipped.
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { runContender } from './harness';

runContender('switchboard', ({ origin, format, model, prompt }) => {
  const provider = createChatProvider(
    { id: 'bench', kind: format, baseUrl: format === 'openai' ? `${origin}/v1` : origin },
    { apiKey: 'sk-bench-0000000000000000' },
  );
  return {
    async stream(onText) {
      for await (const event of provider.streamChat({
        model,
        messages: [{ role: 'user', parts: [{ type: 'text', text: prompt }] }],
        maxTokens: 32_000,
      })) {
        if (event.type === 'text-delta') onText(event.text);
        else if (event.type === 'error') throw event.error;
      }
    },
  };
});

// Contender: the floor. Plain undici `request` and eventsource-parser, nothing else: JSON.parse of each data
// frame and the delta's text picked out. No validation, no errors mapped, no timeouts, no retries.
import { createParser } from 'eventsource-parser';
import { request } from 'undici';
import { runContender } from './harness';

runContender('floor', ({ origin, format, model, prompt }) => {
  const url = format === 'openai' ? `${origin}/v1/chat/completions` : `${origin}/v1/messages`;
  const headers: Record<string, string> =
    format === 'openai'
      ? { 'content-type': 'application/json', authorization: 'Bearer sk-bench-0000000000000000' }
      : { 'content-type': 'application/json', 'x-api-key': 'sk-bench-0000000000000000', 'anthropic-version': '2023-06-01' };
  const body = JSON.stringify(
    format === 'openai'
      ? { model, messages: [{ role: 'user', content: prompt }], stream: true, max_tokens: 32_000 }
      : { model, messages: [{ role: 'user', content: prompt }], stream: true, max_tokens: 32_000 },
  );
  return {
    async stream(onText) {
      const response = await request(url, { method: 'POST', headers, body });
      const parser = createParser({
        onEvent(event) {
          if (event.data === '[DONE]') return;
          const json = JSON.parse(event.data) as { choices?: { delta?: { content?: string } }[]; type?: string; delta?: { text?: string } };
          const text =
            format === 'openai' ? json.choices?.[0]?.delta?.content : json.type === 'content_block_delta' ? json.delta?.text : undefined;
          if (text) onText(text);
        },
      });
      const decoder = new TextDecoder();
      for await (const chunk of response.body) parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
      parser.feed(decoder.decode());
    },
  };
});

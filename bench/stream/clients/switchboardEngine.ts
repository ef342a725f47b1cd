// Contender: Switchboard's engine as the extension drives it (src/core/engine.ts, which is dist/engine.js): the
// provider behind the rate limiter, the circuit breaker and the fallback chain, bundled and minified like
// dist/engine.js. The engine class is looked up by name so this keeps working while it is renamed.
import * as engine from '../../../src/core/engine';
import { runContender } from './harness';

interface ChatEventLike {
  type: string;
  text?: string;
  error?: unknown;
}

interface EngineLike {
  configure(config: { providers: unknown[]; http: Record<string, unknown>; responseCache: boolean }): void;
  chat(
    models: readonly string[],
    request: { messages: { role: string; parts: { type: 'text'; text: string }[] }[]; maxTokens?: number },
  ): AsyncIterable<ChatEventLike>;
}

type EngineClass = new (options: { credentials: () => Promise<{ apiKey?: string }> }) => EngineLike;

runContender('switchboard-engine', ({ origin, format, model, prompt }) => {
  const exports = engine as unknown as Record<string, unknown>;
  const Engine = (exports['ProviderEngine'] ?? exports['ChatService']) as EngineClass | undefined;
  if (typeof Engine !== 'function')
    throw new Error(`src/core/engine.ts exports no engine class (exports: ${Object.keys(exports).join(', ')})`);
  const service = new Engine({ credentials: async () => ({ apiKey: 'sk-bench-0000000000000000' }) });
  service.configure({
    providers: [{ id: 'bench', kind: format, baseUrl: format === 'openai' ? `${origin}/v1` : origin }],
    http: {},
    responseCache: false,
  });
  return {
    async stream(onText) {
      for await (const event of service.chat([`bench/${model}`], {
        messages: [{ role: 'user', parts: [{ type: 'text', text: prompt }] }],
        maxTokens: 32_000,
      })) {
        if (event.type === 'text-delta' && event.text !== undefined) onText(event.text);
        else if (event.type === 'error') throw event.error;
      }
    },
  };
});

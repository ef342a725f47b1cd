import * as assert from 'node:assert/strict';
import type { ProviderKind } from '../../../src/core/chat/chatTypes';
import { ProviderError } from '../../../src/core/errors/providerError';
import { HttpClient } from '../../../src/core/http/httpClient';
import { alternateTurns } from '../../../src/core/providers/alternateTurns';
import { createChatProvider, resolveProviderEntry } from '../../../src/core/providers/createChatProvider';
import { providerEntrySchema } from '../../../src/core/providers/providerEntry';
import { findProviderPreset, providerPresets } from '../../../src/core/providers/providerPresets';

describe('provider presets and the factory', () => {
  const http = new HttpClient({ env: {} });
  after(() => http.close());

  it('has the preset table of docs/providers.md with kinds, base URLs, key needs and env var names', () => {
    const table = Object.fromEntries(providerPresets.map((p) => [p.id, [p.kind, p.baseUrl, p.requiresKey, p.keyEnvVars.join(',')]]));
    assert.deepEqual(table, {
      openai: ['openai', 'https://api.openai.com/v1', true, 'OPENAI_API_KEY'],
      anthropic: ['anthropic', 'https://api.anthropic.com', true, 'ANTHROPIC_API_KEY'],
      gemini: ['gemini', 'https://generativelanguage.googleapis.com/v1beta', true, 'GEMINI_API_KEY,GOOGLE_API_KEY'],
      openrouter: ['openai', 'https://openrouter.ai/api/v1', true, 'OPENROUTER_API_KEY'],
      groq: ['openai', 'https://api.groq.com/openai/v1', true, 'GROQ_API_KEY'],
      ollama: ['openai', 'http://localhost:11434/v1', false, ''],
      lmstudio: ['openai', 'http://localhost:1234/v1', false, ''],
      vllm: ['openai', 'http://localhost:8000/v1', false, ''],
      stability: ['stability', 'https://api.stability.ai', true, 'STABILITY_API_KEY'],
      fusionbrain: ['fusionbrain', 'https://api-key.fusionbrain.ai/', true, 'FUSIONBRAIN_API_KEY'],
      sydney: ['sydney', 'https://api.ddosxd.ru', true, 'SYDNEY_API_KEY'],
    });
    assert.deepEqual(findProviderPreset('fusionbrain')?.secretEnvVars, ['FUSIONBRAIN_SECRET_KEY']);
    assert.equal(findProviderPreset('fusionbrain')?.requiresSecret, true);
    assert.deepEqual(findProviderPreset('openrouter')?.headers, {
      'HTTP-Referer': 'https://github.com/switchboard-vscode/switchboard',
      'X-Title': 'Switchboard',
    });
  });

  it('builds the right client for every chat preset', () => {
    const expected: Record<string, ProviderKind> = {
      openai: 'openai',
      anthropic: 'anthropic',
      gemini: 'gemini',
      openrouter: 'openai',
      groq: 'openai',
      ollama: 'openai',
      lmstudio: 'openai',
      vllm: 'openai',
      sydney: 'sydney',
    };
    for (const [id, kind] of Object.entries(expected)) {
      const provider = createChatProvider({ id }, { apiKey: 'k-123456' }, { http });
      assert.equal(provider.id, id);
      assert.equal(provider.kind, kind);
    }
  });

  it('lays an entry over the preset with the same id', () => {
    const resolved = resolveProviderEntry({ id: 'openrouter', baseUrl: 'https://my-gateway.example/v1', headers: { 'X-Title': 'Mine' } });
    assert.equal(resolved.kind, 'openai');
    assert.equal(resolved.baseUrl, 'https://my-gateway.example/v1');
    assert.equal(resolved.headers['X-Title'], 'Mine');
    assert.equal(resolved.headers['HTTP-Referer'], 'https://github.com/switchboard-vscode/switchboard');
  });

  it('needs a key for a remote custom server but not for a local one, unless told', () => {
    assert.equal(resolveProviderEntry({ id: 'work', kind: 'openai', baseUrl: 'https://llm.corp.example/v1' }).requiresKey, true);
    assert.equal(resolveProviderEntry({ id: 'box', kind: 'openai', baseUrl: 'http://127.0.0.1:9000/v1' }).requiresKey, false);
    assert.equal(
      resolveProviderEntry({ id: 'box', kind: 'openai', baseUrl: 'http://localhost:9000/v1', requiresKey: true }).requiresKey,
      true,
    );
  });

  it('refuses entries that cannot work, with a message naming the setting', () => {
    const refuses = (entry: Parameters<typeof resolveProviderEntry>[0], pattern: RegExp): void => {
      assert.throws(
        () => createChatProvider(entry, {}, { http }),
        (error: unknown) => {
          assert.ok(error instanceof ProviderError);
          assert.equal(error.kind, 'bad-request');
          assert.match(error.message, pattern);
          return true;
        },
      );
    };
    refuses({ id: 'mystery' }, /needs a `kind`/);
    refuses({ id: 'mine', kind: 'openai' }, /needs a `baseUrl`/);
    refuses({ id: 'mine', kind: 'openai', baseUrl: 'ftp://x' }, /must start with http/);
    refuses({ id: 'mine', kind: 'openai', baseUrl: 'https://user:pass@x.example' }, /must not contain a user name/);
    refuses({ id: 'stability' }, /makes images only/);
  });

  it('validates provider entries from settings, letting unknown fields through', () => {
    assert.ok(
      providerEntrySchema.safeParse({
        id: 'work-vllm',
        kind: 'openai',
        baseUrl: 'http://gpu:8000/v1',
        rateLimits: { requestsPerMinute: 5 },
      }).success,
    );
    assert.ok(!providerEntrySchema.safeParse({ id: 'x', kind: 'nope' }).success);
    assert.ok(!providerEntrySchema.safeParse({ id: 'x', baseUrl: 'file:///etc' }).success);
    assert.ok(!providerEntrySchema.safeParse({ id: '../x' }).success);
  });

  it('shapes conversations into alternating turns', () => {
    assert.deepEqual(
      alternateTurns(
        {
          model: 'm',
          messages: [
            { role: 'user', parts: [{ type: 'text', text: 'a' }] },
            { role: 'user', parts: [{ type: 'text', text: 'b' }] },
            { role: 'assistant', parts: [{ type: 'text', text: 'c' }] },
          ],
        },
        'p',
      ),
      {
        system: undefined,
        turns: [
          { role: 'user', content: 'a\n\nb' },
          { role: 'assistant', content: 'c' },
        ],
      },
    );
  });
});

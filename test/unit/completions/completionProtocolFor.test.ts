// Which protocol each provider entry and model complete code with (src/core/completions/completionProtocolFor.ts).
import * as assert from 'node:assert/strict';
import { completionProtocolFor } from '../../../src/core/completions/completionProtocolFor';
import type { ProviderSetting } from '../../../src/core/config/switchboardSettings';
import { ProviderError } from '../../../src/core/errors/providerError';
import { resolveProviderEntry } from '../../../src/core/providers/createChatProvider';
import { providerPresets } from '../../../src/core/providers/providerPresets';
import { completionEngine } from './completionTestKit';

const protocolOf = (entry: ProviderSetting, model = 'some-model'): string => completionProtocolFor(resolveProviderEntry(entry), model);

describe('completionProtocolFor', () => {
  it('gives every preset its protocol, and refuses those that cannot complete code', () => {
    const expected: Record<string, string> = {
      openai: 'chat',
      anthropic: 'chat',
      gemini: 'chat',
      openrouter: 'chat',
      groq: 'chat',
      ollama: 'ollama-generate',
      lmstudio: 'openai-completions',
      vllm: 'openai-completions',
    };
    for (const preset of providerPresets) {
      if (preset.id in expected) {
        assert.equal(protocolOf({ id: preset.id }), expected[preset.id], preset.id);
        continue;
      }
      // Sydney, Stability AI and Fusion Brain.
      assert.throws(
        () => protocolOf({ id: preset.id }),
        (error: unknown) =>
          error instanceof ProviderError &&
          error.kind === 'bad-request' &&
          error.messageId === 'completion.unsupportedProvider' &&
          error.message ===
            `${preset.label} cannot complete code inline. Pick a completion model of another provider with “Switchboard: Select Completion Model”.`,
        preset.id,
      );
    }
    assert.deepEqual(
      providerPresets.map((preset) => preset.id).filter((id) => !(id in expected)),
      ['stability', 'fusionbrain', 'sydney'],
    );
  });

  it('knows Ollama by its port with /v1, and llama.cpp or any other OpenAI-compatible server takes /completions', () => {
    assert.equal(protocolOf({ id: 'box', kind: 'openai', baseUrl: 'http://10.0.0.5:11434/v1' }), 'ollama-generate');
    // Without /v1 there is no native API beside it to find: Ollama's /v1/completions takes `suffix` as well.
    assert.equal(protocolOf({ id: 'box', kind: 'openai', baseUrl: 'http://10.0.0.5:11434' }), 'openai-completions');
    assert.equal(protocolOf({ id: 'llamacpp', kind: 'openai', baseUrl: 'http://localhost:8080/v1' }), 'openai-completions');
    assert.equal(protocolOf({ id: 'together', kind: 'openai', baseUrl: 'https://api.together.xyz/v1' }), 'openai-completions');
  });

  it('sends Codestral models to Mistral’s FIM endpoint and other Mistral models to the chat', () => {
    assert.equal(protocolOf({ id: 'mistral', kind: 'openai', baseUrl: 'https://api.mistral.ai/v1' }, 'codestral-latest'), 'mistral-fim');
    assert.equal(
      protocolOf({ id: 'codestral', kind: 'openai', baseUrl: 'https://codestral.mistral.ai/v1' }, 'codestral-2501'),
      'mistral-fim',
    );
    assert.equal(protocolOf({ id: 'mistral', kind: 'openai', baseUrl: 'https://api.mistral.ai/v1' }, 'mistral-large-latest'), 'chat');
  });

  it('sends DeepSeek’s chat model to its FIM beta and the reasoner to the chat', () => {
    assert.equal(protocolOf({ id: 'deepseek', kind: 'openai', baseUrl: 'https://api.deepseek.com' }, 'deepseek-chat'), 'deepseek-fim');
    assert.equal(protocolOf({ id: 'deepseek', kind: 'openai', baseUrl: 'https://api.deepseek.com/v1' }, 'deepseek-reasoner'), 'chat');
  });

  it('knows the chat-only hosts in entries of the user’s own', () => {
    assert.equal(protocolOf({ id: 'work', kind: 'openai', baseUrl: 'https://api.openai.com/v1' }), 'chat');
    assert.equal(protocolOf({ id: 'or2', kind: 'openai', baseUrl: 'https://openrouter.ai/api/v1' }), 'chat');
    assert.equal(protocolOf({ id: 'fast', kind: 'openai', baseUrl: 'https://api.groq.com/openai/v1' }), 'chat');
    assert.equal(protocolOf({ id: 'claude', kind: 'anthropic', baseUrl: 'https://proxy.example.com' }), 'chat');
  });

  it('follows an entry’s `completions` choice where it has one', () => {
    assert.equal(protocolOf({ id: 'lmstudio', completions: 'chat' }), 'chat');
    assert.equal(protocolOf({ id: 'ollama', completions: 'chat' }), 'chat');
    assert.equal(protocolOf({ id: 'openai', completions: 'fim' }, 'gpt-3.5-turbo-instruct'), 'openai-completions');
    assert.equal(
      protocolOf({ id: 'mistral', kind: 'openai', baseUrl: 'https://api.mistral.ai/v1', completions: 'fim' }, 'my-fim-model'),
      'mistral-fim',
    );
    assert.equal(protocolOf({ id: 'anthropic', completions: 'fim' }), 'chat', 'Anthropic has no FIM endpoint');
  });

  it('is what ProviderEngine.completionProtocol says, which never throws', () => {
    const engine = completionEngine([]);
    assert.equal(engine.completionProtocol('ollama/qwen2.5-coder:7b'), 'ollama-generate');
    assert.equal(engine.completionProtocol('anthropic/claude-haiku-4-5'), 'chat');
    assert.equal(engine.completionProtocol('sydney/gpt-4'), undefined);
    assert.equal(engine.completionProtocol('nobody/model'), undefined);
    assert.equal(engine.completionProtocol('no-slash'), undefined);
  });
});

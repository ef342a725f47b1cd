import * as assert from 'node:assert/strict';
import { readSwitchboardSettings, defaultSettings, type SettingKey } from '../../../src/core/config/switchboardSettings';
import { parseModelRef } from '../../../src/core/config/modelRef';

function read(values: Partial<Record<SettingKey, unknown>>) {
  return readSwitchboardSettings((key) => values[key]);
}

describe('settings', () => {
  it('gives the defaults when nothing is set', () => {
    const { settings, problems } = read({});
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, defaultSettings);
    assert.equal(settings.imagesFolder, 'assets/generated');
  });

  it('reads valid values', () => {
    const { settings, problems } = read({
      'chat.model': 'openrouter/meta-llama/llama-3.1-8b-instruct',
      'chat.fallbackModels': ['groq/llama-3.1-8b-instant', 'ollama/llama3.2'],
      'chat.temperature': 0.2,
      'chat.maxTokens': null,
      'requests.maxRetries': 0,
    });
    assert.deepEqual(problems, []);
    assert.equal(settings.chatModel, 'openrouter/meta-llama/llama-3.1-8b-instruct');
    assert.deepEqual(settings.fallbackModels, ['groq/llama-3.1-8b-instant', 'ollama/llama3.2']);
    assert.equal(settings.temperature, 0.2);
    assert.equal(settings.maxTokens, undefined);
    assert.equal(settings.maxRetries, 0);
  });

  it('names the setting that is wrong and keeps the rest', () => {
    const { settings, problems } = read({ 'chat.model': 'gpt-4o', 'chat.temperature': 7, 'requests.timeoutSeconds': 30 });
    assert.deepEqual(problems.map((p) => p.setting).sort(), ['switchboard.chat.model', 'switchboard.chat.temperature']);
    assert.match(problems.find((p) => p.setting === 'switchboard.chat.model')?.message ?? '', /providerId\/modelId/);
    assert.equal(settings.chatModel, '');
    assert.equal(settings.temperature, undefined);
    assert.equal(settings.timeoutSeconds, 30);
  });

  it('drops only the invalid provider entry, naming its index and id', () => {
    const { settings, problems } = read({
      providers: [
        { id: 'work-vllm', kind: 'openai', baseUrl: 'http://10.0.0.5:8000/v1' },
        { id: 'broken', kind: 'openai', baseUrl: 'not a url' },
        { id: 'sydney', rateLimits: { requestsPerMinute: 'many' } },
        { id: 'work-vllm', kind: 'openai', baseUrl: 'http://other/v1' },
        { kind: 'anthropic' },
      ],
    });
    assert.deepEqual(
      settings.providers.map((p) => p.id),
      ['work-vllm'],
    );
    assert.deepEqual(
      problems.map((p) => p.setting),
      [
        'switchboard.providers[1] (“broken”)',
        'switchboard.providers[2] (“sydney”)',
        'switchboard.providers[3] (“work-vllm”)',
        'switchboard.providers[4]',
      ],
    );
    assert.match(problems[0]?.message ?? '', /^baseUrl: must be an http:\/\/ or https:\/\/ URL/);
    assert.match(problems[1]?.message ?? '', /rateLimits\.requestsPerMinute/);
  });

  it('rejects a providers value that is not a list', () => {
    const { settings, problems } = read({ providers: { id: 'openai' } });
    assert.deepEqual(settings.providers, []);
    assert.equal(problems[0]?.setting, 'switchboard.providers');
  });

  it('parses model references whose model id contains slashes', () => {
    assert.deepEqual(parseModelRef('openrouter/meta-llama/llama-3.1-8b-instruct'), {
      provider: 'openrouter',
      model: 'meta-llama/llama-3.1-8b-instruct',
    });
    assert.equal(parseModelRef('gpt-4o'), undefined);
    assert.equal(parseModelRef('/gpt-4o'), undefined);
    assert.equal(parseModelRef('openai/'), undefined);
  });

  it('reads switchboard.context.exclude and switchboard.context.projectInstructions', () => {
    const { settings, problems } = read({ 'context.exclude': ['*.secret', 'config/private/**'], 'context.projectInstructions': false });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.contextExclude, ['*.secret', 'config/private/**']);
    assert.equal(settings.projectInstructions, false);
  });

  it('keeps the default exclusions when switchboard.context.exclude is not a list of globs', () => {
    for (const value of ['.env', [''], [42], { '.env': true }]) {
      const { settings, problems } = read({ 'context.exclude': value, 'context.projectInstructions': 'yes' });
      assert.deepEqual(
        problems.map((p) => p.setting),
        ['switchboard.context.exclude', 'switchboard.context.projectInstructions'],
      );
      assert.ok(settings.contextExclude.includes('.env'), `defaults kept for ${JSON.stringify(value)}`);
      assert.equal(settings.projectInstructions, true);
    }
  });

  it('gives each reading its own copy of the default exclusions', () => {
    const first = read({}).settings;
    first.contextExclude.push('mutated');
    assert.ok(!read({}).settings.contextExclude.includes('mutated'));
    assert.ok(!defaultSettings.contextExclude.includes('mutated'));
  });
});

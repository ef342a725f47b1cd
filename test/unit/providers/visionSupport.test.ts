// Whether a model takes images: the entry's `vision` setting first, then what the provider's list said, then the
// dated table, else unknown (visionSupport.ts, visionTable.ts).
import * as assert from 'node:assert/strict';
import { resolveProviderEntry } from '../../../src/core/providers/createChatProvider';
import { providerEntrySchema } from '../../../src/core/providers/providerEntry';
import { modelSeesImages, visionHost } from '../../../src/core/providers/visionSupport';
import { visionFromTable } from '../../../src/core/providers/visionTable';

describe('vision support', () => {
  const openai = resolveProviderEntry({ id: 'openai' });

  it('takes the entry’s setting over the list and the table', () => {
    const blind = { ...openai, vision: false };
    assert.deepEqual(modelSeesImages(blind, 'gpt-4o', { id: 'gpt-4o', vision: true }), { vision: false, source: 'setting' });
    const seeing = resolveProviderEntry({ id: 'work-vllm', kind: 'openai', baseUrl: 'http://10.0.0.5:8000/v1', vision: true });
    assert.deepEqual(modelSeesImages(seeing, 'my-finetune'), { vision: true, source: 'setting' });
    // The setting is a boolean or nothing.
    assert.ok(providerEntrySchema.safeParse({ id: 'work-vllm', vision: false }).success);
    assert.ok(!providerEntrySchema.safeParse({ id: 'work-vllm', vision: 'yes' }).success);
  });

  it('takes the list over the table, and the table when the list does not say', () => {
    const openrouter = resolveProviderEntry({ id: 'openrouter' });
    assert.deepEqual(modelSeesImages(openrouter, 'openai/gpt-4o', { id: 'openai/gpt-4o', vision: false }), {
      vision: false,
      source: 'provider',
    });
    assert.deepEqual(modelSeesImages(openrouter, 'vendor/new-vlm', { id: 'vendor/new-vlm', vision: true }), {
      vision: true,
      source: 'provider',
    });
    assert.deepEqual(modelSeesImages(openrouter, 'openai/gpt-4o', { id: 'openai/gpt-4o' }), { vision: true, source: 'table' });
    assert.deepEqual(modelSeesImages(openai, 'gpt-3.5-turbo'), { vision: false, source: 'table' });
    assert.deepEqual(modelSeesImages(openai, 'some-model-nobody-knows'), { vision: undefined, source: 'table' });
  });

  it('knows OpenAI’s families, dated and prefixed ids included', () => {
    for (const id of [
      'gpt-4o',
      'gpt-4o-mini-2024-07-18',
      'openai/gpt-4o',
      'chatgpt-4o-latest',
      'gpt-4.1-nano',
      'gpt-5',
      'gpt-5-chat-latest',
      'o1',
      'o1-2024-12-17',
      'o3',
      'o4-mini',
      'gpt-4-turbo-2024-04-09',
    ]) {
      assert.equal(visionFromTable(id, 'other'), true, id);
    }
    for (const id of [
      'gpt-3.5-turbo',
      'gpt-3.5-turbo-0125',
      'gpt-4',
      'gpt-4-0613',
      'o1-mini',
      'o1-preview',
      'o3-mini',
      'gpt-4o-audio-preview',
      'gpt-4o-mini-tts',
      'text-embedding-3-small',
    ]) {
      assert.equal(visionFromTable(id, 'other'), false, id);
    }
  });

  it('knows Claude 3 and later, Gemini 1.5 and later, and what the Gemini API serves as text only', () => {
    for (const id of [
      'claude-3-haiku-20240307',
      'claude-3-5-sonnet-latest',
      'claude-sonnet-4-5',
      'claude-opus-4-1-20250805',
      'anthropic/claude-3.7-sonnet',
    ]) {
      assert.equal(visionFromTable(id, 'other'), true, id);
    }
    for (const id of ['claude-2.1', 'claude-instant-1.2']) assert.equal(visionFromTable(id, 'other'), false, id);
    for (const id of [
      'gemini-1.5-flash',
      'gemini-2.0-flash-lite',
      'gemini-2.5-pro',
      'models/gemini-3-pro-preview',
      'gemini-flash-latest',
    ]) {
      assert.equal(visionFromTable(id, 'gemini'), true, id);
    }
    for (const id of [
      'gemma-3-27b-it',
      'gemini-embedding-001',
      'text-embedding-004',
      'aqa',
      'gemini-2.5-flash-preview-tts',
      'gemini-1.0-pro',
    ]) {
      assert.equal(visionFromTable(id, 'gemini'), false, id);
    }
  });

  it('knows Groq’s Llama 4 models see and its others do not, and the Sydney gateway never does', () => {
    const groq = resolveProviderEntry({ id: 'groq' });
    assert.equal(visionHost(groq), 'groq');
    assert.equal(visionHost(resolveProviderEntry({ id: 'my-groq', kind: 'openai', baseUrl: 'https://api.groq.com/openai/v1' })), 'groq');
    assert.deepEqual(modelSeesImages(groq, 'meta-llama/llama-4-scout-17b-16e-instruct'), { vision: true, source: 'table' });
    assert.deepEqual(modelSeesImages(groq, 'meta-llama/llama-4-maverick-17b-128e-instruct'), { vision: true, source: 'table' });
    for (const id of ['llama-3.3-70b-versatile', 'openai/gpt-oss-120b', 'gemma2-9b-it', 'qwen/qwen3-32b']) {
      assert.deepEqual(modelSeesImages(groq, id), { vision: false, source: 'table' }, id);
    }
    const sydney = resolveProviderEntry({ id: 'sydney' });
    for (const id of ['gpt-4o', 'claude-3-haiku', 'gemini-2.5-pro'])
      assert.deepEqual(modelSeesImages(sydney, id), { vision: false, source: 'table' }, id);
  });

  it('knows Ollama’s vision models by name, tags included', () => {
    const ollama = resolveProviderEntry({ id: 'ollama' });
    for (const id of [
      'llava:13b',
      'bakllava',
      'llama3.2-vision:11b',
      'qwen2.5vl:7b',
      'gemma3:4b',
      'gemma3',
      'minicpm-v:8b',
      'moondream:latest',
    ]) {
      assert.deepEqual(modelSeesImages(ollama, id), { vision: true, source: 'table' }, id);
    }
    for (const id of ['gemma3:1b', 'nomic-embed-text:latest'])
      assert.deepEqual(modelSeesImages(ollama, id), { vision: false, source: 'table' }, id);
    for (const id of ['llama3.2:latest', 'qwen2.5-coder:7b', 'mistral:latest']) {
      assert.deepEqual(modelSeesImages(ollama, id), { vision: undefined, source: 'table' }, id);
    }
  });
});

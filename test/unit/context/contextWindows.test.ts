// The dated table of context windows: models matched by family, so dated, tagged and vendor-prefixed ids work, and
// an id it does not know gets no window rather than a guess.
import * as assert from 'node:assert/strict';
import { contextWindowFromTable } from '../../../src/core/context/contextWindows';

describe('context window table', () => {
  const expect = (cases: Record<string, number | undefined>): void => {
    for (const [id, tokens] of Object.entries(cases)) assert.equal(contextWindowFromTable(id), tokens, id);
  };

  it('knows OpenAI’s models, dated or not', () => {
    expect({
      'gpt-4o': 128_000,
      'gpt-4o-2024-08-06': 128_000,
      'gpt-4o-mini': 128_000,
      'chatgpt-4o-latest': 128_000,
      'gpt-4.1': 1_047_576,
      'gpt-4.1-nano-2025-04-14': 1_047_576,
      o1: 200_000,
      'o1-mini': 128_000,
      'o3-mini-2025-01-31': 200_000,
      'o4-mini': 200_000,
      'gpt-5': 272_000,
      'gpt-5-mini-2025-08-07': 272_000,
      'gpt-5-chat-latest': 128_000,
      'gpt-4': 8_192,
      'gpt-4-0613': 8_192,
      'gpt-4-turbo-2024-04-09': 128_000,
      'gpt-3.5-turbo': 16_385,
    });
  });

  it('knows Anthropic’s and Google’s models', () => {
    expect({
      'claude-3-5-sonnet-20241022': 200_000,
      'claude-3-haiku-20240307': 200_000,
      'claude-sonnet-4-20250514': 200_000,
      'claude-opus-4-1-20250805': 200_000,
      'claude-2.1': 200_000,
      'claude-instant-1-100k': 100_000,
      'gemini-1.5-pro-002': 2_097_152,
      'gemini-1.5-flash': 1_048_576,
      'gemini-2.0-flash-001': 1_048_576,
      'gemini-2.5-pro': 1_048_576,
      'gemini-2.0-flash-preview-image-generation': undefined,
    });
  });

  it('drops a vendor or namespace prefix and ignores case', () => {
    expect({
      'openai/gpt-4o': 128_000,
      'anthropic/claude-3.5-sonnet': 200_000,
      'anthropic/claude-sonnet-4': 200_000,
      'google/gemini-pro-1.5': 2_097_152,
      'models/gemini-2.5-flash': 1_048_576,
      'meta-llama/llama-3.3-70b-instruct': 131_072,
      'hf.co/bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M': 131_072,
      'GPT-4O': 128_000,
    });
  });

  it('knows Groq’s and the common open models by family, tags included', () => {
    expect({
      'llama-3.1-8b-instant': 131_072,
      'llama-3.3-70b-versatile': 131_072,
      'llama3-70b-8192': 8_192,
      'llama3:8b': 8_192,
      'llama3.1:8b': 131_072,
      'llama3.2:latest': 131_072,
      'llama2:13b': 4_096,
      'mixtral-8x7b-32768': 32_768,
      'mixtral:8x22b': 65_536,
      'mistral:latest': 32_768,
      'gemma3:1b': 32_768,
      'gemma3:27b': 131_072,
      'gemma2-9b-it': 8_192,
      'qwen2.5-coder:7b': 32_768,
      'qwen3:8b': 40_960,
      'deepseek-r1:14b': 131_072,
      'phi4:latest': 16_384,
      'openai/gpt-oss-120b': 131_072,
    });
  });

  it('gives no window for what it does not know', () => {
    expect({
      '': undefined,
      'my-finetune': undefined,
      'gpt-6': undefined,
      'claude-opus-5': undefined,
      'llama3.4:8b': undefined,
      'qwen3.5:7b': undefined,
      'phi4-mini': undefined,
      'gemma3n:e4b': undefined,
      'mistral-large-latest': undefined,
      'openai/': undefined,
    });
  });
});

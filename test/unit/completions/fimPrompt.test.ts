// The FIM templates by model family, and what a FIM prompt is made of (src/core/completions/fimTemplates.ts,
// fimPrompt.ts).
import * as assert from 'node:assert/strict';
import { fimPrompt, prefixWithSnippets } from '../../../src/core/completions/fimPrompt';
import { fimTemplateFor } from '../../../src/core/completions/fimTemplates';
import { completionRequest } from './completionTestKit';

describe('FIM templates and prompts', () => {
  it('knows each family by its model ids as servers name them', () => {
    const families: Record<string, string | undefined> = {
      'qwen2.5-coder:7b-base': 'qwen-coder',
      'Qwen/Qwen2.5-Coder-1.5B-Instruct': 'qwen-coder',
      'qwen3-coder:30b': 'qwen-coder',
      'codegemma:2b': 'codegemma',
      'deepseek-coder-v2:16b-lite-base-q4_0': 'deepseek-coder',
      'deepseek-ai/deepseek-coder-6.7b-base': 'deepseek-coder',
      'bigcode/starcoder2-15b': 'starcoder',
      'starcoder:1b': 'starcoder',
      'codellama:7b-code': 'codellama',
      'meta-llama/CodeLlama-13b-hf': 'codellama',
      'codestral-latest': 'codestral',
      'llama3.2:latest': undefined,
      'deepseek-chat': undefined,
      'gpt-4o': undefined,
    };
    for (const [model, family] of Object.entries(families)) assert.equal(fimTemplateFor(model)?.family, family, model);
  });

  it('writes each family’s prompt in its own order and tokens', () => {
    const prompt = (model: string): string | undefined => fimTemplateFor(model)?.prompt('P', 'S');
    assert.equal(prompt('qwen2.5-coder'), '<|fim_prefix|>P<|fim_suffix|>S<|fim_middle|>');
    assert.equal(prompt('codegemma'), '<|fim_prefix|>P<|fim_suffix|>S<|fim_middle|>');
    assert.equal(prompt('deepseek-coder'), '<｜fim▁begin｜>P<｜fim▁hole｜>S<｜fim▁end｜>');
    assert.equal(prompt('starcoder2'), '<fim_prefix>P<fim_suffix>S<fim_middle>');
    assert.equal(prompt('codellama'), '<PRE> P <SUF>S <MID>');
    assert.equal(prompt('codestral'), '[SUFFIX]S[PREFIX]P', 'Codestral takes the suffix first');
    assert.ok(fimTemplateFor('codegemma')?.stop.includes('<|file_separator|>'));
    assert.ok(fimTemplateFor('starcoder')?.stop.includes('<file_sep>'));
  });

  it('sends the suffix as a field without a template, inside the prompt with one, and stops at the line end when one line is wanted', () => {
    const input = completionRequest({ prefix: 'a = ', suffix: '\nb = 2\n' });
    assert.deepEqual(fimPrompt(input, undefined), { prompt: 'a = ', suffix: '\nb = 2\n', templated: false, stop: ['\n'] });
    const templated = fimPrompt({ ...input, multiline: true }, fimTemplateFor('starcoder2'));
    assert.deepEqual(templated, {
      prompt: '<fim_prefix>a = <fim_suffix>\nb = 2\n<fim_middle>',
      suffix: undefined,
      templated: true,
      stop: ['<|endoftext|>', '<fim_prefix>', '<fim_suffix>', '<fim_middle>', '<file_sep>'],
    });
  });

  it('puts snippets before the prefix in the language’s line comments, or leaves them out where it has none', () => {
    const snippets = [
      { path: 'lib/a.lua', text: 'local a = 1\r\nreturn a' },
      { path: 'lib/b.lua', text: 'return 2' },
    ];
    assert.equal(
      prefixWithSnippets(completionRequest({ prefix: 'local x = ', languageId: 'lua', path: 'main.lua', snippets })),
      '-- Path: lib/a.lua\n-- local a = 1\n-- return a\n\n-- Path: lib/b.lua\n-- return 2\n\n-- Path: main.lua\nlocal x = ',
    );
    const untitled = completionRequest({ prefix: 'x', languageId: 'rust', snippets });
    delete untitled.path;
    assert.equal(prefixWithSnippets(untitled), '// Path: lib/a.lua\n// local a = 1\n// return a\n\n// Path: lib/b.lua\n// return 2\n\nx');
    assert.equal(prefixWithSnippets(completionRequest({ prefix: '<p>', languageId: 'html', snippets })), '<p>');
    assert.equal(prefixWithSnippets(completionRequest({ prefix: 'y' })), 'y', 'no snippets, nothing added');
  });
});

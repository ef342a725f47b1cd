import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { textOf } from '../../../src/core/conversations/messagePart';
import { applyPromptOverrides } from '../../../src/core/prompts/applyPromptOverrides';
import { buildSelectionPrompt } from '../../../src/core/prompts/buildSelectionPrompt';
import { defaultPromptTemplates } from '../../../src/core/prompts/defaultPromptTemplates';
import { promptOverridesSchema, readPromptOverrides } from '../../../src/core/prompts/promptOverridesSchema';
import { request } from './selectionFixtures';

function userMessage(templates: ReturnType<typeof applyPromptOverrides>['templates'], selection = request('refactor')): string {
  return textOf(buildSelectionPrompt(selection, templates).messages[0]?.parts ?? []);
}

describe('applyPromptOverrides', () => {
  it('keeps the defaults when nothing is overridden', () => {
    const { templates, problems } = applyPromptOverrides(defaultPromptTemplates, {});
    assert.deepEqual(problems, []);
    assert.deepEqual(templates, defaultPromptTemplates);
  });

  it('substitutes every placeholder', () => {
    const { templates, problems } = applyPromptOverrides(defaultPromptTemplates, {
      refactor:
        '{{language}} {{path}} {{startLine}}-{{endLine}}: {{instruction}}\n{{code}}\n{{diagnostics}}\n{{docStyle}}\n{{fileContext}}\n{{testConvention}}',
    });
    assert.deepEqual(problems, []);
    const content = userMessage(templates, request('refactor', { instruction: 'inline it', fileContext: 'let z = 0;' }));
    assert.equal(
      content,
      [
        'typescript src/math/add.ts 10-12: inline it',
        '```typescript\nfunction add(a: number, b: number) {\n  return a + b;\n}\n```',
        '(none)',
        'TSDoc comments: `/** … */` directly above each declaration, a one-line summary, then `@param name - description`, `@returns` and `@throws` where relevant (no types in the tags: the signature has them)',
        'Surrounding code from the same file, for reference only (it is not part of the selection):\n```typescript\nlet z = 0;\n```',
        'Use the test runner the project most likely uses (Vitest, Jest or Mocha with node:assert; Vitest if there is no sign of one).',
      ].join('\n'),
    );
  });

  it('gives refactor a default instruction, the others none', () => {
    const { templates } = applyPromptOverrides(defaultPromptTemplates, {
      refactor: '[{{instruction}}] {{code}}',
      explain: '[{{instruction}}] {{code}}',
    });
    assert.match(userMessage(templates, request('refactor')), /^\[Improve the readability/);
    assert.match(userMessage(templates, request('explain')), /^\[\] /);
  });

  it('accepts spaces inside the braces', () => {
    const { templates } = applyPromptOverrides(defaultPromptTemplates, { explain: 'Explain {{ path }}:\n{{ code }}' });
    assert.match(userMessage(templates, request('explain')), /^Explain src\/math\/add\.ts:\n```typescript\n/);
  });

  it('only replaces the commands that are overridden, and keeps the system prompt', () => {
    const { templates } = applyPromptOverrides(defaultPromptTemplates, { refactor: 'Do it: {{code}}' });
    assert.equal(templates.explain, defaultPromptTemplates.explain);
    const prompt = buildSelectionPrompt(request('refactor'), templates);
    assert.equal(prompt.systemPrompt, buildSelectionPrompt(request('refactor')).systemPrompt);
  });

  it('ignores blank overrides', () => {
    const { templates, problems } = applyPromptOverrides(defaultPromptTemplates, { fix: '', document: '  \n', explain: undefined });
    assert.deepEqual(problems, []);
    assert.deepEqual(templates, defaultPromptTemplates);
  });

  it('leaves unknown placeholders as written and reports each once, naming the setting', () => {
    const { templates, problems } = applyPromptOverrides(defaultPromptTemplates, {
      refactor: '{{foo}} {{code}} {{foo}} {{ bar }} {{constructor}}',
    });
    assert.deepEqual(
      problems.map((problem) => [problem.setting, problem.command, problem.message.split(';')[0]]),
      [
        ['switchboard.prompts.refactor', 'refactor', 'switchboard.prompts.refactor uses {{foo}}, which does not exist'],
        ['switchboard.prompts.refactor', 'refactor', 'switchboard.prompts.refactor uses {{ bar }}, which does not exist'],
        ['switchboard.prompts.refactor', 'refactor', 'switchboard.prompts.refactor uses {{constructor}}, which does not exist'],
      ],
    );
    assert.match(problems[0]?.message ?? '', /Placeholders: \{\{code\}\}, \{\{language\}\}/);
    assert.match(userMessage(templates), /^\{\{foo\}\} ```typescript\n[\s\S]*``` \{\{foo\}\} \{\{ bar \}\} \{\{constructor\}\}$/);
  });

  it('appends the code when the template does not use {{code}}, and says so', () => {
    const { templates, problems } = applyPromptOverrides(defaultPromptTemplates, { explain: 'What does {{path}} do?' });
    assert.deepEqual(
      problems.map((problem) => problem.message),
      ['switchboard.prompts.explain does not use {{code}}, so the selected code is added after its text.'],
    );
    assert.equal(
      userMessage(templates, request('explain')),
      'What does src/math/add.ts do?\n\nCode from src/math/add.ts, lines 10-12 (typescript):\n```typescript\nfunction add(a: number, b: number) {\n  return a + b;\n}\n```',
    );
  });

  it('inserts code and instructions literally: no $& replacement patterns, no recursive substitution', () => {
    const code = "s.replace(/x/g, '$&-$1-$$-$`-$\\'');\nconst t = '{{instruction}} {{code}} {{path}}';\n";
    const instruction = 'write $& and $1 and {{code}}';
    const { templates } = applyPromptOverrides(defaultPromptTemplates, { refactor: '{{instruction}}\n{{code}}\n{{path}}' });
    const content = userMessage(templates, request('refactor', { code, instruction }));
    assert.equal(content, `${instruction}\n\`\`\`typescript\n${code}\`\`\`\nsrc/math/add.ts`);
  });

  it('inserts any values literally (property)', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('$&', '$1', '$$', '$`', "$'", '{{code}}', '{{instruction}}', '$<name>'));
    fc.assert(
      fc.property(text, text, (code, instruction) => {
        fc.pre(!code.includes('`') && instruction.trim() === instruction && instruction !== '');
        const { templates } = applyPromptOverrides(defaultPromptTemplates, { refactor: '<{{instruction}}>' });
        const content = userMessage(templates, request('refactor', { code, instruction }));
        return content.startsWith(`<${instruction}>\n\nCode from`) && content.includes(code);
      }),
    );
  });
});

describe('readPromptOverrides', () => {
  it('reads the templates of known commands', () => {
    assert.deepEqual(readPromptOverrides({ explain: 'E {{code}}', generateTests: 'T {{code}}' }), {
      overrides: { explain: 'E {{code}}', generateTests: 'T {{code}}' },
      problems: [],
    });
  });

  it('treats unset, null and "" as the default', () => {
    assert.deepEqual(readPromptOverrides(undefined), { overrides: {}, problems: [] });
    assert.deepEqual(readPromptOverrides(null), { overrides: {}, problems: [] });
    assert.deepEqual(readPromptOverrides({ fix: null }), { overrides: {}, problems: [] });
    const empty = readPromptOverrides({ fix: '' });
    assert.deepEqual(empty.problems, []);
    assert.deepEqual(applyPromptOverrides(defaultPromptTemplates, empty.overrides).templates, defaultPromptTemplates);
  });

  it('reports a bad entry by name and keeps the others', () => {
    const { overrides, problems } = readPromptOverrides({ explian: 'x', refactor: 42, document: 'D {{code}}', fix: 'x'.repeat(20_001) });
    assert.deepEqual(overrides, { document: 'D {{code}}' });
    assert.deepEqual(problems, [
      {
        setting: 'switchboard.prompts.explian',
        message:
          'switchboard.prompts.explian is not a Switchboard command with a prompt; use one of explain, refactor, fix, document, generateTests.',
      },
      {
        setting: 'switchboard.prompts.refactor',
        command: 'refactor',
        message: 'switchboard.prompts.refactor must be text (a template with {{placeholders}}); the default prompt is used.',
      },
      {
        setting: 'switchboard.prompts.fix',
        command: 'fix',
        message: 'switchboard.prompts.fix is longer than 20,000 characters; the default prompt is used.',
      },
    ]);
  });

  it('reports a value that is not an object', () => {
    for (const value of ['text', ['a'], 3]) {
      const { overrides, problems } = readPromptOverrides(value);
      assert.deepEqual(overrides, {});
      assert.equal(problems.length, 1);
      assert.equal(problems[0]?.setting, 'switchboard.prompts');
    }
  });
});

describe('promptOverridesSchema', () => {
  it('accepts the setting object and drops unknown keys', () => {
    assert.deepEqual(z.parse(promptOverridesSchema, { refactor: 'R {{code}}', fix: null, other: 1 }), {
      refactor: 'R {{code}}',
      fix: null,
    });
    assert.equal(z.safeParse(promptOverridesSchema, { explain: 3 }).success, false);
  });
});

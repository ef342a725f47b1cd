import * as assert from 'node:assert/strict';
import { fimTemplateFor } from '../../../src/core/completions/fimTemplates';
import { cutAtSpecialTokens, stripChatWrapping } from '../../../src/core/completions/stripChatWrapping';

describe('cutAtSpecialTokens', () => {
  // `<PRE>` and `</s>` are left to the server's own stop: both are also HTML (`<PRE>` in upper case, `</s>` the
  // strikethrough's end tag).
  const htmlToo = new Set(['<PRE>', '</s>']);

  it("cuts at every stop token of every FIM family's template", () => {
    const models = [
      'qwen2.5-coder:7b-base',
      'codegemma:2b-code',
      'deepseek-coder-v2',
      'starcoder2:3b',
      'codellama:7b-code',
      'codestral-latest',
    ];
    for (const model of models) {
      const template = fimTemplateFor(model);
      assert.ok(template !== undefined, model);
      for (const token of template.stop) {
        if (htmlToo.has(token)) continue;
        assert.equal(cutAtSpecialTokens(`return total;${token}\nmore`), 'return total;', `${model}: ${token}`);
      }
    }
  });

  it('keeps code that only looks like a token', () => {
    const code = 'const s = a <| b |> c; const html = "<pre>x</pre><s>old</s>"; const list = [PREFIX_LENGTH];';
    assert.equal(cutAtSpecialTokens(code), code);
  });
});

describe('stripChatWrapping', () => {
  it('keeps an introducing line that does not introduce code', () => {
    assert.equal(stripChatWrapping('okay = true;\nnext();'), 'okay = true;\nnext();');
    assert.equal(stripChatWrapping('sure_thing()\n'), 'sure_thing()\n');
  });

  it('closes only at a fence as long as the opening one', () => {
    assert.equal(stripChatWrapping('````md\n```ts\nx\n```\n````\nbye'), '```ts\nx\n```');
  });

  it('keeps everything after an opening fence that is never closed', () => {
    assert.equal(stripChatWrapping('```python\nreturn a + b\n'), 'return a + b\n');
  });
});

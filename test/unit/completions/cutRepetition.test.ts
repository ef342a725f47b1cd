import * as assert from 'node:assert/strict';
import { cutRepetition, repetitionLimits } from '../../../src/core/completions/cutRepetition';

describe('cutRepetition', () => {
  it('keeps ordinary code, including a separator comment', () => {
    const code = `// ${'='.repeat(100)}\nexport const zeros = [0, 0, 0, 0, 0, 0, 0, 0];\n`;
    assert.equal(cutRepetition(code), code);
  });

  it('keeps one copy of repeated lines, even when the loop starts mid-line', () => {
    assert.equal(cutRepetition(`start();\n${'step(1);\n'.repeat(40)}`), 'start();\nstep(1);');
    assert.equal(cutRepetition(`c = 1;\n${'b = 1;\n'.repeat(40)}`), 'c = 1;\nb = 1;');
    assert.equal(cutRepetition(`${'b = 1;\n'.repeat(40)}b =`), 'b = 1;');
  });

  it('drops a looping line and gives nothing when it is the first', () => {
    assert.equal(cutRepetition(`start();\nconst s = "${'ab'.repeat(150)}`), 'start();');
    assert.equal(cutRepetition('))'.repeat(150)), undefined);
    assert.equal(cutRepetition('\n'.repeat(300)), undefined);
  });

  it('ends before a line over 500 characters that does not repeat', () => {
    const long = Array.from({ length: 120 }, (_, i) => `v${i}`).join(' + ');
    assert.ok(long.length > repetitionLimits.maxLineChars);
    assert.equal(cutRepetition(`first();\n${long};`), 'first();');
    assert.equal(cutRepetition(long), undefined);
  });

  it('cuts a 200,000-character loop (its cost is linear in the answer)', () => {
    assert.equal(cutRepetition(`ok();\n${'ab'.repeat(100_000)}`), 'ok();');
    assert.equal(cutRepetition(`ok();\n${'next();\n'.repeat(25_000)}`), 'ok();\nnext();');
  });

  it('leaves a chunk longer than 200 characters repeated (real code can)', () => {
    const block = `${'a'.repeat(199)}b;\n`;
    assert.equal(cutRepetition(block.repeat(3)), block.repeat(3));
  });
});

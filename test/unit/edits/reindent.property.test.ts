// Properties of reindentToOriginal over generated code: the original itself comes back unchanged, a de-indented
// copy comes back as the original, and the line endings are always the original's.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { reindentToOriginal } from '../../../src/core/edits/reindent';

const text = fc
  .string({ minLength: 1, maxLength: 10 })
  .map((s) => s.replace(/[\r\n\s]/g, 'x'))
  .filter((s) => s !== '');

/** Lines with an indentation depth each (blank lines have none). */
const body = fc.array(
  fc.oneof({ weight: 5, arbitrary: fc.tuple(fc.nat({ max: 3 }), text) }, { weight: 1, arbitrary: fc.constant(undefined) }),
  {
    minLength: 1,
    maxLength: 8,
  },
);

const style = fc.constantFrom('  ', '    ', '\t');

interface Generated {
  original: string;
  deindented: string;
  eol: string;
}

const generated = fc
  .record({ body, unit: style, depth: fc.integer({ min: 1, max: 3 }), eol: fc.constantFrom('\n', '\r\n'), endsWithNewline: fc.boolean() })
  .map(({ body: lines, unit, depth, eol, endsWithNewline }): Generated => {
    // The first line sits at the base depth, so the base is the original's common indentation.
    const withFirst: Array<[number, string] | undefined> = [[0, 'first'], ...lines];
    const render = (base: string) =>
      withFirst.map((line) => (line === undefined ? '' : base + unit.repeat(line[0]) + line[1])).join(eol) + (endsWithNewline ? eol : '');
    return { original: render(unit.repeat(depth)), deindented: render('').replace(/\r\n/g, '\n'), eol };
  });

describe('reindentToOriginal (properties)', () => {
  it("gives back code that already has the original's indentation unchanged", () => {
    fc.assert(
      fc.property(generated, ({ original }) => {
        assert.equal(reindentToOriginal(original, original), original);
      }),
    );
  });

  it('gives back the original for a de-indented copy of it with LF line endings', () => {
    fc.assert(
      fc.property(generated, fc.boolean(), ({ original, deindented }, trailingNewline) => {
        const code = deindented.replace(/\n*$/, trailingNewline ? '\n' : '');
        assert.equal(reindentToOriginal(code, original), original);
      }),
    );
  });

  it("always uses the original's line endings", () => {
    fc.assert(
      fc.property(generated, fc.string(), ({ original, eol }, code) => {
        const result = reindentToOriginal(code, original);
        if (eol === '\r\n') assert.ok(!/(^|[^\r])\n/.test(result) && !/\r(?!\n)/.test(result), JSON.stringify(result));
        else assert.ok(!result.includes('\r'), JSON.stringify(result));
      }),
    );
  });

  it('ends with a newline exactly when the original does', () => {
    fc.assert(
      fc.property(generated, text, ({ original }, code) => {
        assert.equal(/\n$/.test(reindentToOriginal(code, original)), /\n$/.test(original));
      }),
    );
  });
});

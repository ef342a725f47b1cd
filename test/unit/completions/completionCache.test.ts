import * as assert from 'node:assert/strict';
import { CompletionCache, defaultCompletionCacheLimits } from '../../../src/core/completions/completionCache';
import type { CompletionInput } from '../../../src/core/completions/completionTypes';
import { inputAt } from './cursorInput';

// Short lines above the function, so that a cut prefix window starts at a later line as the user types.
const module = `import { cartTotal } from "./cart";\n\n${'// pad\n'.repeat(400)}`;
const document = (typed: string): string => `${module}export function checkout(items: Item[]) {\n  const total = ${typed}█\n}\n`;
const answer = 'cartTotal(items, 0.1);';

describe('CompletionCache', () => {
  it('answers the same context with the cached completion', () => {
    const cache = new CompletionCache();
    cache.set(inputAt(document('')), answer);
    assert.equal(cache.get(inputAt(document(''))), answer);
    assert.deepEqual(cache.stats(), { entries: 1, bytes: cache.stats().bytes, hits: 1, typedAhead: 0, misses: 0 });
  });

  it('misses when the text after the cursor, the file or the language differ', () => {
    const cache = new CompletionCache();
    const input = inputAt(document(''));
    cache.set(input, answer);
    assert.equal(cache.get({ ...input, suffix: `${input.suffix}// more` }), undefined);
    assert.equal(cache.get({ ...input, path: 'src/other.ts' }), undefined);
    assert.equal(cache.get({ ...input, languageId: 'javascript' }), undefined);
    assert.equal(cache.get({ ...input, multiline: !input.multiline }), undefined);
    assert.equal(cache.stats().misses, 4);
  });

  it('keys on the end of the prefix: a change far above the cursor still hits', () => {
    const cache = new CompletionCache();
    const input = inputAt(document(''));
    cache.set(input, answer);
    const farAbove: CompletionInput = { ...input, prefix: `// a new first line\n${input.prefix}` };
    assert.equal(cache.get(farAbove), answer);
    const nearCursor: CompletionInput = { ...input, prefix: input.prefix.replace('const total', 'const sum') };
    assert.equal(cache.get(nearCursor), undefined);
  });

  it('answers the rest of a completion while the user types it', () => {
    const cache = new CompletionCache();
    cache.set(inputAt(document('')), answer);
    for (let typed = 1; typed < answer.length; typed++) {
      assert.equal(cache.get(inputAt(document(answer.slice(0, typed)))), answer.slice(typed), `after ${typed} characters`);
    }
    assert.equal(cache.get(inputAt(document(answer))), undefined, 'all of it typed');
    assert.equal(cache.get(inputAt(document('cartTotal(order'))), undefined, 'typed something else');
    assert.equal(cache.stats().typedAhead, answer.length - 1);
  });

  it('follows the typing when the prefix window moves to a later line start', () => {
    const cache = new CompletionCache();
    // Above the 1,000 characters of the key, as the default budget (6,000) is.
    const budget = { prefixChars: 1_200 };
    cache.set(inputAt(document(''), 'typescript', [], budget), answer);
    const typedInputs = Array.from({ length: answer.length - 1 }, (_, i) =>
      inputAt(document(answer.slice(0, i + 1)), 'typescript', [], budget),
    );
    // Where each prefix starts, counted back from the cursor before typing.
    const starts = new Set(typedInputs.map((input, i) => input.prefix.length - (i + 1)));
    assert.ok(starts.size > 1, 'the prefix window never moved: the test does not test it');
    typedInputs.forEach((input, i) => assert.equal(cache.get(input), answer.slice(i + 1)));
  });

  it('does not offer the rest of a completion stored for another context', () => {
    const cache = new CompletionCache();
    cache.set(inputAt(document('')), answer);
    const elsewhere = `${module}function other() {\n  const total = cart█\n}\n`;
    assert.equal(cache.get(inputAt(elsewhere)), undefined);
  });

  it('stays within its entries and bytes, dropping the least recently used', () => {
    const cache = new CompletionCache();
    const base = inputAt(document(''));
    const first: CompletionInput = { ...base, prefix: `${base.prefix}first` };
    cache.set(first, answer);
    for (let i = 0; i < 10_000; i++) {
      cache.set({ ...base, prefix: `${base.prefix}v${i}` }, `${answer} // ${i}`);
      if (i % 50 === 0) assert.equal(cache.get(first), answer, `evicted although used at ${i}`);
      const { entries, bytes } = cache.stats();
      assert.ok(entries <= defaultCompletionCacheLimits.maxEntries && bytes <= defaultCompletionCacheLimits.maxBytes);
    }
    assert.equal(cache.stats().entries, defaultCompletionCacheLimits.maxEntries);
    assert.equal(cache.get({ ...base, prefix: `${base.prefix}v0` }), undefined);
    assert.equal(cache.get({ ...base, prefix: `${base.prefix}v9999` }), `${answer} // 9999`);
  });

  it('counts bytes: large completions evict by size, and one larger than the cap is not kept', () => {
    const cache = new CompletionCache({ maxBytes: 10_000 });
    const base = inputAt(document(''));
    for (let i = 0; i < 20; i++) cache.set({ ...base, prefix: `${base.prefix}${i}` }, 'x'.repeat(1_000));
    const { entries, bytes } = cache.stats();
    assert.ok(bytes <= 10_000 && entries < 5, `${entries} entries, ${bytes} bytes`);
    cache.set({ ...base, prefix: `${base.prefix}huge` }, 'y'.repeat(6_000));
    assert.equal(cache.get({ ...base, prefix: `${base.prefix}huge` }), undefined);
    assert.ok(cache.stats().bytes <= 10_000);
  });

  it('replaces an entry set again and forgets everything on clear', () => {
    const cache = new CompletionCache();
    const input = inputAt(document(''));
    cache.set(input, answer);
    cache.set(input, 'cartTotal(items);');
    assert.equal(cache.stats().entries, 1);
    assert.equal(cache.get(input), 'cartTotal(items);');
    cache.clear();
    assert.deepEqual([cache.get(input), cache.stats().entries, cache.stats().bytes], [undefined, 0, 0]);
    assert.equal(cache.get(inputAt(document('cart'))), undefined, 'typed ahead after clear');
  });
});

import * as assert from 'node:assert/strict';
import type { OtherFile } from '../../../src/core/completions/completionInput';
import { clearSnippetIndex } from '../../../src/core/completions/relatedSnippets';
import { inputAt } from './cursorInput';

/** `count` lines of code unrelated to carts and prices. */
function filler(count: number, word = 'logger'): string {
  return Array.from({ length: count }, (_, i) => `${word}.write(formatLine(${i}, 'entry ${i}'));`).join('\n');
}

const cartModule = [
  'export interface CartItem {',
  '  sku: string;',
  '  unitPrice: number;',
  '  quantity: number;',
  '}',
  '',
  'export function cartTotal(items: CartItem[], discountRate: number): number {',
  '  const gross = items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);',
  '  return gross * (1 - discountRate);',
  '}',
].join('\n');

const editing =
  'import { cartTotal, type CartItem } from "./cart";\n\nexport function checkout(items: CartItem[]) {\n  const total = cartTotal(items, █\n}\n';

const file = (path: string, text: string, lastEditedAt = 0, languageId = 'typescript'): OtherFile => ({
  path,
  languageId,
  text,
  lastEditedAt,
});

describe('the snippets of other open files', () => {
  beforeEach(() => clearSnippetIndex());

  it('picks the window of a long file that shares identifiers with the code around the cursor', () => {
    const big = `${filler(1_200)}\n${cartModule}\n${filler(1_200, 'audit')}`;
    const input = inputAt(editing, 'typescript', [file('src/cart.ts', big)]);
    assert.equal(input.snippets.length, 1);
    const snippet = input.snippets[0]!;
    assert.equal(snippet.path, 'src/cart.ts');
    assert.ok(snippet.text.includes('export function cartTotal(items: CartItem[], discountRate: number): number {'), snippet.text);
    assert.ok(snippet.text.split('\n').length <= 20);
  });

  it('offers only files of the same language, never the file itself, and none sharing no identifier', () => {
    const input = inputAt(editing, 'typescript', [
      file('src/cart.py', cartModule, 0, 'python'),
      file('src/current.typescript', cartModule),
      file('src/log.ts', filler(40)),
    ]);
    assert.deepEqual(input.snippets, []);
  });

  it('puts recently edited files first, then the closer matches', () => {
    const partial = ['export function cartTotalLabel(total: number): string {', '  return `Total: ${total}`;', '}'].join('\n');
    const unrelatedButShares = ['export const items: string[] = [];', 'export function clear() { items.length = 0; }'].join('\n');
    const others = [file('src/label.ts', partial), file('src/cart.ts', cartModule), file('src/list.ts', unrelatedButShares, 2_000)];
    const input = inputAt(editing, 'typescript', others);
    assert.deepEqual(
      input.snippets.map((snippet) => snippet.path),
      ['src/list.ts', 'src/cart.ts', 'src/label.ts'],
    );
  });

  it('keeps to the number of snippets and their characters, each cut at a line end', () => {
    const others = Array.from({ length: 6 }, (_, i) => file(`src/cart${i}.ts`, `${cartModule}\n${filler(30)}`, i));
    const input = inputAt(editing, 'typescript', others, { snippetChars: 600, maxSnippets: 3 });
    assert.equal(input.snippets.length, 3);
    const total = input.snippets.reduce((sum, snippet) => sum + snippet.text.length, 0);
    assert.ok(total <= 600, `${total} characters`);
    for (const snippet of input.snippets) assert.ok(`${cartModule}\n`.includes(`${snippet.text}\n`), snippet.text);
    assert.deepEqual(inputAt(editing, 'typescript', others, { maxSnippets: 0 }).snippets, []);
  });

  it('reads a changed file again (the index is kept per text)', () => {
    const before = inputAt(editing, 'typescript', [file('src/cart.ts', filler(50))]);
    assert.deepEqual(before.snippets, []);
    const after = inputAt(editing, 'typescript', [file('src/cart.ts', `${filler(50)}\n${cartModule}`)]);
    assert.equal(after.snippets.length, 1);
    assert.ok(after.snippets[0]!.text.includes('cartTotal'));
  });

  it('normalizes CRLF in snippets and skips a first line longer than the share', () => {
    const crlf = inputAt(editing, 'typescript', [file('src/cart.ts', cartModule.replace(/\n/g, '\r\n'))]);
    assert.ok(!crlf.snippets[0]!.text.includes('\r'));
    const minified = inputAt(editing, 'typescript', [file('src/cart.min.ts', `var cartTotal=function(items){${'x;'.repeat(3_000)}}`)]);
    assert.deepEqual(minified.snippets, []);
  });
});

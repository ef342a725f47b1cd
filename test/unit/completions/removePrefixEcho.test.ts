import * as assert from 'node:assert/strict';
import { removePrefixEcho } from '../../../src/core/completions/removePrefixEcho';

describe('removePrefixEcho', () => {
  const prefix = 'import { cartTotal } from "./cart";\n\nexport function checkout(items: Item[]) {\n  const total = ';

  it('removes the longest echo from a line start, up to the whole prefix', () => {
    assert.equal(removePrefixEcho(`${prefix}cartTotal(items);`, prefix), 'cartTotal(items);');
    assert.equal(
      removePrefixEcho('export function checkout(items: Item[]) {\n  const total = cartTotal(items);', prefix),
      'cartTotal(items);',
    );
    assert.equal(removePrefixEcho('  const total = cartTotal(items);', prefix), 'cartTotal(items);');
    assert.equal(removePrefixEcho('const total = cartTotal(items);', prefix), 'cartTotal(items);');
  });

  it('leaves an answer that does not start with the prefix', () => {
    assert.equal(removePrefixEcho('cartTotal(items);', prefix), 'cartTotal(items);');
    assert.equal(removePrefixEcho('total + 1;', prefix), 'total + 1;');
  });

  it('needs a dozen characters of code for an echo of lines above', () => {
    assert.equal(removePrefixEcho('}\n  next();', '  }\n}\n'), '}\n  next();');
    assert.equal(removePrefixEcho('}\n}\nfunction g() {}', 'function f() {\n}\n}\n'), '}\n}\nfunction g() {}');
  });

  it('does not take one character on the cursor line for an echo', () => {
    assert.equal(removePrefixEcho('x + 1', 'const y = 2;\nx'), 'x + 1');
  });

  it('handles a prefix starting with a line break', () => {
    assert.equal(removePrefixEcho('\nconst total = 1;', '\nconst total = '), '1;');
  });
});

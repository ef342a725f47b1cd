import * as assert from 'node:assert/strict';
import { estimateTokens } from '../../../src/core/context/estimateTokens';
import { imageTokens, partsTokens, partTokens } from '../../../src/core/conversations/partTokens';
import { renderContextItem } from '../../../src/core/conversations/renderContextItem';

describe('partTokens', () => {
  const context = { kind: 'file' as const, label: 'app.ts', path: 'src/app.ts', language: 'typescript', text: 'export const a = 1;\n' };

  it('counts a text as written, a context item as sent (header and fence included), an image a fixed estimate', () => {
    assert.equal(partTokens({ type: 'text', text: 'hello world' }), estimateTokens('hello world'));
    assert.equal(partTokens({ type: 'context', context }), estimateTokens(renderContextItem(context)));
    assert.ok(partTokens({ type: 'context', context }) > estimateTokens(context.text));
    // Whatever its alt says: the alt is not what is sent.
    assert.equal(
      partTokens({ type: 'image', path: 'a.png', mimeType: 'image/png', alt: 'a long description of the picture' }),
      imageTokens,
    );
    assert.equal(imageTokens, 1_600);
  });

  it('adds the parts of a message up', () => {
    const parts = [
      { type: 'context' as const, context },
      { type: 'text' as const, text: 'why?' },
    ];
    assert.equal(partsTokens(parts), partTokens(parts[0]!) + partTokens(parts[1]!));
    assert.equal(partsTokens([]), 0);
  });
});

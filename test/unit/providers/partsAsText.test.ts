import * as assert from 'node:assert/strict';
import { ProviderError } from '../../../src/core/errors/providerError';
import { alternateTurns } from '../../../src/core/providers/alternateTurns';
import { partsAsText } from '../../../src/core/providers/partsAsText';

describe('partsAsText', () => {
  const target = { provider: 'anthropic', model: 'claude-x' };

  it('sends contexts as fenced blocks before the text, a lone text exactly as typed', () => {
    const context = { kind: 'file' as const, label: 'a.ts', text: 'x', language: 'ts' };
    assert.equal(
      partsAsText(
        {
          role: 'user',
          parts: [
            { type: 'context', context },
            { type: 'text', text: 'why?' },
          ],
        },
        target,
      ),
      'File: a.ts, ts\n```ts\nx\n```\n\nwhy?',
    );
    assert.equal(partsAsText({ role: 'user', parts: [{ type: 'text', text: '  spaced  ' }] }, target), '  spaced  ');
  });

  it('refuses tool and image parts by name, before anything is built', () => {
    for (const [part, name] of [
      [{ type: 'tool-call', id: 'c1', name: 'read', arguments: '{}' }, 'tool call'],
      [{ type: 'tool-result', callId: 'c1', content: 'ok', isError: false }, 'tool result'],
      [{ type: 'image', hash: 'a'.repeat(64), mimeType: 'image/png', alt: '' }, 'image'],
    ] as const) {
      assert.throws(
        () => alternateTurns({ model: 'claude-x', messages: [{ role: 'user', parts: [part] }] }, 'anthropic'),
        (error: unknown) =>
          error instanceof ProviderError &&
          error.kind === 'bad-request' &&
          error.message === `anthropic/claude-x cannot take ${name} parts yet.`,
      );
    }
  });
});

import * as assert from 'node:assert/strict';
import { ProviderError } from '../../../src/core/errors/providerError';
import { alternateTurns } from '../../../src/core/providers/alternateTurns';
import { encodableParts, partsAsText, textAndImages } from '../../../src/core/providers/partsAsText';

describe('partsAsText', () => {
  const target = { provider: 'anthropic', model: 'claude-x' };
  const image = { type: 'image', hash: 'a'.repeat(64), mimeType: 'image/png', alt: 'a chart', data: 'iVBORw0KGgo=' } as const;

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

  it('refuses a tool part on a role that cannot hold it (a call is the assistant’s, a result a tool message’s), by name', () => {
    for (const [role, part, name] of [
      ['user', { type: 'tool-call', id: 'c1', name: 'read', arguments: '{}' }, 'tool call'],
      ['tool', { type: 'tool-call', id: 'c1', name: 'read', arguments: '{}' }, 'tool call'],
      ['user', { type: 'tool-result', callId: 'c1', content: 'ok', isError: false }, 'tool result'],
      ['assistant', { type: 'tool-result', callId: 'c1', content: 'ok', isError: false }, 'tool result'],
    ] as const) {
      assert.throws(
        () => alternateTurns({ model: 'claude-x', messages: [{ role, parts: [part] }] }, 'anthropic'),
        (error: unknown) =>
          error instanceof ProviderError &&
          error.kind === 'bad-request' &&
          error.message === `anthropic/claude-x cannot take ${name} parts yet.`,
        `${role} ${part.type}`,
      );
    }
  });

  it('hands tool parts on where they belong (encodableParts), and refuses them all without tool calling (partsAsText)', () => {
    const call = { type: 'tool-call', id: 'c1', name: 'read', arguments: '{}' } as const;
    const result = { type: 'tool-result', callId: 'c1', content: 'ok', isError: false } as const;
    assert.deepEqual(encodableParts({ role: 'assistant', parts: [{ type: 'text', text: 'Looking.' }, call] }, target), {
      text: 'Looking.',
      images: [],
      calls: [call],
      results: [],
    });
    assert.deepEqual(encodableParts({ role: 'tool', parts: [result] }, target), { text: '', images: [], calls: [], results: [result] });
    for (const [role, part, name] of [
      ['assistant', call, 'tool call'],
      ['tool', result, 'tool result'],
    ] as const) {
      assert.throws(
        () => partsAsText({ role, parts: [part] }, target),
        (error: unknown) => error instanceof ProviderError && error.message === `anthropic/claude-x cannot take ${name} parts yet.`,
      );
      assert.throws(() => textAndImages({ role, parts: [part] }, target), ProviderError);
    }
  });

  it('refuses images for a protocol without image input (partsAsText), even unread ones', () => {
    const { data: _unread, ...unread } = image;
    for (const part of [image, unread]) {
      assert.throws(
        () => partsAsText({ role: 'user', parts: [{ type: 'text', text: 'What is this?' }, part] }, target),
        (error: unknown) => error instanceof ProviderError && error.message === 'anthropic/claude-x cannot take image parts yet.',
      );
    }
  });

  it('hands images on beside the text (textAndImages), the text as it would be without them', () => {
    assert.deepEqual(textAndImages({ role: 'user', parts: [{ type: 'text', text: '  spaced  ' }, image] }, target), {
      text: '  spaced  ',
      images: [{ mimeType: 'image/png', data: 'iVBORw0KGgo=', alt: 'a chart' }],
    });
    assert.deepEqual(textAndImages({ role: 'user', parts: [image, image] }, target).text, '');
  });

  it('names an image whose bytes were not read by its alt, cut short, else its path or hash', () => {
    const unread = (part: object): string => {
      try {
        textAndImages({ role: 'user', parts: [{ type: 'image', mimeType: 'image/png', alt: '', ...part }] }, target);
      } catch (error) {
        assert.ok(error instanceof ProviderError && error.kind === 'bad-request' && error.retryable === false);
        assert.equal(error.messageId, 'chat.imageNotLoaded');
        return String(error.params['image']);
      }
      throw new Error('not refused');
    };
    assert.equal(unread({ alt: 'x'.repeat(200) }), `${'x'.repeat(79)}…`);
    assert.equal(unread({ path: 'shots/a.png' }), 'shots/a.png');
    assert.equal(unread({ hash: 'f'.repeat(64) }), 'f'.repeat(64));
    assert.equal(unread({ alt: '   ', path: 'b.png', data: '' }), 'b.png');
  });
});

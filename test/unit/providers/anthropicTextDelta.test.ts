// The regular-expression reading of Anthropic's text deltas must never disagree with JSON.parse: it either gives
// exactly `JSON.parse(data).delta.text` of a canonical text delta, or declines (undefined) and leaves it to the
// full parse.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { readCanonicalTextDelta } from '../../../src/core/providers/anthropicTextDelta';

const canonical = (text: string, index = 0): string =>
  JSON.stringify({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });

/** What the full path would read from `data`: the text of a text delta with exactly the canonical keys, else undefined. */
function viaJsonParse(data: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return undefined;
  }
  return typeof json === 'object' && json !== null && typeof (json as { delta?: { text?: unknown } }).delta?.text === 'string'
    ? (json as { delta: { text: string } }).delta.text
    : undefined;
}

/** Any text: full Unicode, quotes, backslashes, control characters, line separators. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\t', '\u0000', '\u001f', '\u2028', 'é', '😀', 'a', '/'), maxLength: 20 }),
);

describe('readCanonicalTextDelta', () => {
  it('reads the text of every canonical text delta exactly, escapes included (property)', () => {
    fc.assert(
      fc.property(anyText, fc.nat({ max: 1000 }), (text, index) => {
        assert.equal(readCanonicalTextDelta(canonical(text, index)), text);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads escapes written differently from JSON.stringify (\\u escapes, escaped slash)', () => {
    const data = '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"\\u041f\\u0440\\/\\ud83d\\ude00\\"x\\""}}';
    assert.equal(readCanonicalTextDelta(data), 'Пр/😀"x"');
    assert.equal(readCanonicalTextDelta(data), viaJsonParse(data));
  });

  it('declines everything that is not exactly the canonical form', () => {
    const declined = [
      '{"type":"content_block_delta", "index":0,"delta":{"type":"text_delta","text":"a"}}', // whitespace
      '{"index":0,"type":"content_block_delta","delta":{"type":"text_delta","text":"a"}}', // key order
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a"},"x":1}', // extra field
      '{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"a"}}',
      '{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{}"}}',
      '{"type":"content_block_delta","index":01,"delta":{"type":"text_delta","text":"a"}}', // JSON has no leading zeros
      '{"type":"content_block_delta","index":-1,"delta":{"type":"text_delta","text":"a"}}',
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a\tb"}}', // raw control character
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a\\qb"}}', // invalid escape
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"\\u12"}}', // short \u escape
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a"b"}}', // bare quote
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a\\"}}', // escaped closing quote
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a"}}\n',
      `{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"${'x'.repeat(9000)}"}}`, // long: full parse
      '',
    ];
    for (const data of declined) assert.equal(readCanonicalTextDelta(data), undefined, data.slice(0, 100));
  });

  it('never gives a text that JSON.parse would not give for the same data (property)', () => {
    // Mutations of canonical events: a character inserted, removed or replaced anywhere.
    const mutated = fc
      .tuple(anyText, fc.nat(), fc.nat({ max: 2 }), fc.constantFrom('"', '\\', '}', '{', ',', ':', ' ', '0', 'u', 'a', '\n'))
      .map(([text, at, kind, char]) => {
        const data = canonical(text);
        const i = at % (data.length + 1);
        if (kind === 0) return data.slice(0, i) + char + data.slice(i);
        if (kind === 1) return data.slice(0, i) + data.slice(i + 1);
        return data.slice(0, i) + char + data.slice(i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ unit: 'binary', maxLength: 120 })), (data) => {
        const fast = readCanonicalTextDelta(data);
        if (fast !== undefined) assert.equal(fast, viaJsonParse(data), data);
      }),
      { numRuns: 5000 },
    );
  });
});

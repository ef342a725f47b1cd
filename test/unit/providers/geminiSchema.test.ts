// A JSON Schema in Gemini's OpenAPI subset (geminiSchema.ts): what has an equivalent becomes it, the rest is left
// out, so Gemini never refuses a tool for a keyword it does not know (fakes/geminiToolFake checks the subset).
import * as assert from 'node:assert/strict';
import { geminiSchema } from '../../../src/core/providers/geminiSchema';
import { geminiToolCheck } from '../fakes/geminiToolFake';

describe('geminiSchema', () => {
  it('leaves out what Gemini refuses, at every depth', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:x',
      type: 'object',
      additionalProperties: false,
      $defs: { unused: { type: 'string' } },
      properties: {
        limit: { type: 'integer', exclusiveMinimum: 0, maximum: 100, format: 'int32' },
        options: { type: 'object', additionalProperties: false, properties: { deep: { type: 'boolean', $comment: 'x' } } },
        list: { type: 'array', items: { type: 'string', format: 'uri', maxLength: 9 }, uniqueItems: true, minItems: 1 },
        ref: { $ref: '#/$defs/unused', description: 'A reference.' },
      },
      required: ['limit'],
    };
    const converted = geminiSchema(schema);
    assert.deepEqual(converted, {
      type: 'object',
      properties: {
        limit: { type: 'integer', maximum: 100, format: 'int32' },
        options: { type: 'object', properties: { deep: { type: 'boolean' } } },
        list: { type: 'array', items: { type: 'string', maxLength: 9 }, minItems: 1 },
        ref: { description: 'A reference.' },
      },
      required: ['limit'],
    });
    const declared = { tools: [{ functionDeclarations: [{ name: 'f', description: 'd', parameters: converted }] }] };
    assert.equal(geminiToolCheck({ body: JSON.stringify(declared), url: '/models/gemini-2.5-flash:streamGenerateContent' }), undefined);
  });

  it('turns null types into nullable, oneOf into anyOf, a string const into an enum; keeps only string enums', () => {
    assert.deepEqual(geminiSchema({ type: ['string', 'null'] }), { type: 'string', nullable: true });
    assert.deepEqual(geminiSchema({ type: ['string', 'integer'] }), { anyOf: [{ type: 'string' }, { type: 'integer' }] });
    assert.deepEqual(geminiSchema({ anyOf: [{ type: 'string', description: 'inner' }, { type: 'null' }], description: 'outer' }), {
      type: 'string',
      description: 'outer',
      nullable: true,
    });
    assert.deepEqual(geminiSchema({ oneOf: [{ type: 'string' }, { type: 'number', format: 'double' }] }), {
      anyOf: [{ type: 'string' }, { type: 'number', format: 'double' }],
    });
    assert.deepEqual(geminiSchema({ type: 'string', const: 'fixed' }), { type: 'string', enum: ['fixed'] });
    assert.deepEqual(geminiSchema({ type: 'string', enum: ['a', 'b'] }), { type: 'string', enum: ['a', 'b'] });
    assert.deepEqual(geminiSchema({ type: 'integer', enum: [1, 2] }), { type: 'integer' });
    assert.deepEqual(geminiSchema({ type: 'string', format: 'date-time' }), { type: 'string', format: 'date-time' });
  });

  it('drops required names that are not properties, and reads anything that is not a schema as an empty one', () => {
    assert.deepEqual(geminiSchema({ type: 'object', properties: { a: { type: 'string' } }, required: ['a', 'b', 3] }), {
      type: 'object',
      properties: { a: { type: 'string' } },
      required: ['a'],
    });
    assert.deepEqual(geminiSchema(true), {});
    assert.deepEqual(geminiSchema([{ type: 'string' }]), {});
  });
});

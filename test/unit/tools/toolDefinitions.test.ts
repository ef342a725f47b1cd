// The built-in tools' definitions (what the model is told) and their argument checks (what runs) come from one zod
// schema each; these tests hold the JSON Schema to the subset every protocol accepts, and the two to each other.
import * as assert from 'node:assert/strict';
import { builtinTools } from '../../../src/core/tools/builtinTools';
import { portableJsonSchema } from '../../../src/core/tools/portableJsonSchema';
import { proposeEditTool } from '../../../src/core/tools/proposeEditTool';
import { readFileTool } from '../../../src/core/tools/readFileTool';
import { searchTextTool } from '../../../src/core/tools/searchTextTool';
import { toolParametersFromSchemas } from '../../../src/core/tools/toolParametersFromSchemas';
import type { ToolSpec } from '../../../src/core/tools/toolTypes';

type Schema = Record<string, unknown>;

const portableKeywords = new Set([
  'type',
  'description',
  'properties',
  'required',
  'items',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
]);

/** Every keyword used anywhere in the schema (property names are not keywords). */
function keywords(schema: Schema, into = new Set<string>()): Set<string> {
  for (const [key, value] of Object.entries(schema)) {
    into.add(key);
    if (key === 'properties') for (const property of Object.values(value as Record<string, Schema>)) keywords(property, into);
    else if (key === 'items') keywords(value as Schema, into);
  }
  return into;
}

/**
 * A small JSON Schema check for the portable subset: what a model following the definition may send. Used to show
 * that the definition and the check agree on examples (the check is stricter only where JSON Schema cannot say it,
 * the cross-field rules).
 */
function schemaAccepts(schema: Schema, value: unknown): boolean {
  const type = schema['type'];
  if (type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    for (const name of (schema['required'] as string[] | undefined) ?? []) if (!(name in record)) return false;
    const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {};
    return Object.entries(record).every(([name, inner]) => properties[name] === undefined || schemaAccepts(properties[name], inner));
  }
  if (type === 'string' && typeof value !== 'string') return false;
  if (type === 'boolean' && typeof value !== 'boolean') return false;
  if (type === 'integer' && !Number.isInteger(value)) return false;
  if (type === 'number' && typeof value !== 'number') return false;
  if (typeof value === 'string') {
    if (typeof schema['minLength'] === 'number' && value.length < schema['minLength']) return false;
    if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength']) return false;
  }
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) return false;
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) return false;
  }
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(value)) return false;
  return true;
}

const examples: Record<string, unknown[]> = {
  read_file: [
    { path: 'src/a.ts' },
    { path: 'a', startLine: 3, endLine: 9 },
    { path: '' },
    { path: 'a', startLine: 0 },
    { path: 'a', startLine: 1.5 },
    {},
    { path: 7 },
  ],
  list_files: [{}, { glob: '*.ts' }, { folder: 'src', glob: '**/*.md' }, { glob: '' }, { glob: 3 }],
  search_text: [
    { query: 'foo' },
    { query: 'a.b', isRegex: true, glob: '*.ts', maxResults: 500 },
    { query: '' },
    { query: 'x', maxResults: 0 },
    { query: 'x', maxResults: 501 },
    { query: 'x', isRegex: 'yes' },
  ],
  get_problems: [{}, { path: 'src/a.ts' }, { path: '' }],
  get_diff: [{}, { anything: 1 }],
  propose_edit: [
    { path: 'a.ts', search: 'old', replace: 'new' },
    { path: 'a.ts', content: 'all' },
    { path: 'a.ts', search: '', replace: 'x' },
    { path: 'a.ts', search: 'x', replace: 2 },
  ],
  create_file: [{ path: 'new.ts', content: '' }, { path: 'new.ts' }, { content: 'x' }],
};

describe('built-in tool definitions', () => {
  it('are the seven tools of the issue, read-only or not, with names every protocol accepts', () => {
    assert.deepEqual(
      builtinTools.map((tool) => [tool.definition.name, tool.readOnly]),
      [
        ['read_file', true],
        ['list_files', true],
        ['search_text', true],
        ['get_problems', true],
        ['get_diff', true],
        ['propose_edit', false],
        ['create_file', false],
      ],
    );
    for (const tool of builtinTools) {
      assert.match(tool.definition.name, /^[a-zA-Z0-9_-]{1,64}$/);
      assert.ok(tool.definition.description.length > 40, `${tool.definition.name} says what it does`);
    }
  });

  it('describe their parameters with the JSON Schema subset every protocol accepts, each parameter described', () => {
    for (const tool of builtinTools) {
      const schema = tool.definition.parameters as Schema;
      assert.equal(schema['type'], 'object', tool.definition.name);
      assert.ok(typeof schema['properties'] === 'object', `${tool.definition.name} has properties`);
      const extra = [...keywords(schema)].filter((keyword) => !portableKeywords.has(keyword));
      assert.deepEqual(extra, [], `${tool.definition.name} uses keywords a protocol may refuse`);
      for (const [name, property] of Object.entries(schema['properties'] as Record<string, Schema>)) {
        assert.ok(typeof property['description'] === 'string', `${tool.definition.name}.${name} is described`);
      }
    }
    const read = readFileTool.definition.parameters as Schema;
    assert.deepEqual(read['required'], ['path']);
    assert.deepEqual((read['properties'] as Record<string, Schema>)['startLine'], {
      type: 'integer',
      minimum: 1,
      description: 'The first line to read, from 1. Default: 1.',
    });
    assert.deepEqual((searchTextTool.definition.parameters as { properties: Record<string, Schema> }).properties['maxResults'], {
      type: 'integer',
      minimum: 1,
      maximum: 500,
      description: 'The most matching lines to return. Default: 100.',
    });
  });

  it('check arguments exactly as their definitions describe them (cross-field rules aside)', () => {
    for (const tool of builtinTools as readonly ToolSpec[]) {
      const cases = examples[tool.definition.name];
      assert.ok(cases !== undefined, `examples for ${tool.definition.name}`);
      for (const example of cases) {
        const described = schemaAccepts(tool.definition.parameters as Schema, example);
        const checked = tool.parse(example).ok;
        // propose_edit's either/or rule is stricter than its schema can say.
        if (tool.definition.name !== 'propose_edit' || !described) {
          assert.equal(checked, described, `${tool.definition.name} ${JSON.stringify(example)}`);
        }
      }
    }
  });

  it('word an invalid argument so the model can fix it', () => {
    assert.deepEqual(readFileTool.parse({ path: 'a', startLine: 1.5 }), { ok: false, error: 'startLine: expected a whole number' });
    assert.deepEqual(readFileTool.parse({}), { ok: false, error: 'path: expected a string' });
    assert.deepEqual(proposeEditTool.parse({ path: 'a', search: 'x', replace: 'y', content: 'z' }), {
      ok: false,
      error: 'the arguments: give either search and replace, or content (not both)',
    });
    assert.deepEqual(proposeEditTool.parse({ path: 'a', search: 'x' }), {
      ok: false,
      error: 'the arguments: give either search and replace, or content (not both)',
    });
    assert.deepEqual(proposeEditTool.parse({ path: 'a', search: 'x', replace: '', explanation: 'drop x' }), {
      ok: true,
      input: { path: 'a', search: 'x', replace: '', explanation: 'drop x' },
    });
  });
});

describe('portableJsonSchema', () => {
  it('keeps only the portable keywords, at every depth, and turns an integer’s exclusive minimum into an inclusive one', () => {
    assert.deepEqual(
      portableJsonSchema({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        additionalProperties: false,
        required: [],
        properties: {
          count: { type: 'integer', exclusiveMinimum: 0, maximum: Number.MAX_SAFE_INTEGER },
          ratio: { type: 'number', exclusiveMinimum: 0.5 },
          tags: { type: 'array', items: { type: 'string', pattern: '^x', format: 'email', minLength: 1 } },
          mode: { type: 'string', enum: ['a', 'b'], default: 'a' },
        },
      }),
      {
        type: 'object',
        properties: {
          count: { type: 'integer', minimum: 1 },
          ratio: { type: 'number', minimum: 0.5 },
          tags: { type: 'array', items: { type: 'string', minLength: 1 } },
          mode: { type: 'string', enum: ['a', 'b'] },
        },
      },
    );
  });
});

describe('toolParameters.json', () => {
  it('is what the zod schemas give today (run `npm run tools:schemas` after changing a tool)', () => {
    const written = Object.fromEntries(builtinTools.map((tool) => [tool.definition.name, tool.definition.parameters]));
    assert.deepEqual(written, toolParametersFromSchemas());
  });
});

// A tool's JSON Schema as Gemini takes it. Gemini's `FunctionDeclaration.parameters` and
// `GenerationConfig.responseSchema` are a `Schema`, "a select subset of an OpenAPI 3.0 schema object" (Gemini API
// reference, "Schema"): `type`, `format`, `title`, `description`, `nullable`, `enum` (strings),
// `properties`, `required`, `items`, `anyOf`, `minItems` / `maxItems`, `minProperties` / `maxProperties`,
// `minLength` / `maxLength`, `pattern`, `minimum` / `maximum`, `default`, `example`, `propertyOrdering`. Any other
// field (`additionalProperties`, `$schema`, `$ref`, `$defs`, `const`, `oneOf`, `allOf`, `exclusiveMinimum` …) is
// refused with a 400, so the schema is translated: what has an equivalent becomes it (a type list with `null` →
// `nullable`, `oneOf` → `anyOf`, a string `const` → a one-value `enum`), the rest is left out. Leaving a constraint
// out only makes the schema looser; the tool loop validates every call's arguments itself anyway.

/** Fields of Gemini's Schema whose value is plain data, taken as they are. */
const plainFields = [
  'title',
  'description',
  'nullable',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'default',
  'example',
  'propertyOrdering',
] as const;

/** The `format`s the Gemini API takes per type (its reference: others are refused for a string). */
const formats: Readonly<Record<string, readonly string[]>> = {
  string: ['enum', 'date-time'],
  number: ['float', 'double'],
  integer: ['int32', 'int64'],
};

export function geminiSchema(schema: unknown): Record<string, unknown> {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return {};
  const source = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of plainFields) if (source[field] !== undefined) out[field] = source[field];

  let type = source.type;
  if (Array.isArray(type)) {
    const types = type.filter((entry): entry is string => typeof entry === 'string');
    const nonNull = types.filter((entry) => entry !== 'null');
    if (nonNull.length < types.length) out.nullable = true;
    type = nonNull.length === 1 ? nonNull[0] : undefined;
    if (nonNull.length > 1) out.anyOf = nonNull.map((entry) => ({ type: entry }));
  }
  if (type === 'null') out.nullable = true;
  else if (typeof type === 'string') out.type = type;

  if (typeof source.format === 'string' && typeof type === 'string' && formats[type]?.includes(source.format)) out.format = source.format;

  const values = Array.isArray(source.enum) ? source.enum : typeof source.const === 'string' ? [source.const] : undefined;
  if (values !== undefined && values.length > 0 && values.every((value) => typeof value === 'string')) out.enum = values;

  if (typeof source.properties === 'object' && source.properties !== null && !Array.isArray(source.properties)) {
    const properties: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(source.properties)) properties[name] = geminiSchema(property);
    out.properties = properties;
    // Gemini refuses a required name that is not a property.
    if (Array.isArray(source.required)) out.required = source.required.filter((name) => typeof name === 'string' && name in properties);
  }
  if (typeof source.items === 'object' && source.items !== null && !Array.isArray(source.items)) out.items = geminiSchema(source.items);

  const alternatives = Array.isArray(source.anyOf) ? source.anyOf : Array.isArray(source.oneOf) ? source.oneOf : undefined;
  if (alternatives !== undefined) {
    const kept: Record<string, unknown>[] = [];
    for (const alternative of alternatives) {
      if (typeof alternative === 'object' && alternative !== null && (alternative as { type?: unknown }).type === 'null')
        out.nullable = true;
      else kept.push(geminiSchema(alternative));
    }
    // One alternative left (`T | null`): it is the schema; the fields written beside `anyOf` stay.
    if (kept.length === 1 && out.type === undefined) Object.assign(out, { ...kept[0], ...out });
    else if (kept.length > 0) out.anyOf = kept;
  }
  return out;
}

/** Whether a schema is an object with no properties: Gemini refuses one as a function's parameters. */
export function hasNoProperties(schema: Readonly<Record<string, unknown>>): boolean {
  const properties = schema.properties;
  return typeof properties !== 'object' || properties === null || Object.keys(properties).length === 0;
}

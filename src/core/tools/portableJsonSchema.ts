// A JSON Schema every protocol accepts as a tool's parameters (chatTypes.ToolDefinition): zod's `toJSONSchema` output
// reduced to the keywords OpenAI, Anthropic and Gemini all take. Gemini's function declarations read an OpenAPI
// subset that knows no `$schema`, `additionalProperties` or `exclusiveMinimum` (its API reference, "Schema"), and a
// zod integer carries `maximum: 2^53 - 1`, which says nothing to a model; so what is kept is a list, not what is
// left out.

const kept = new Set(['type', 'description', 'properties', 'required', 'items', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength']);

/** `schema` with only the portable keywords, recursively; an integer's exclusive minimum becomes an inclusive one. */
export function portableJsonSchema(schema: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!kept.has(key)) continue;
    if (key === 'properties' && isRecord(value)) {
      const properties: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(value)) if (isRecord(property)) properties[name] = portableJsonSchema(property);
      out[key] = properties;
    } else if (key === 'items' && isRecord(value)) {
      out[key] = portableJsonSchema(value);
    } else if ((key === 'minimum' || key === 'maximum') && typeof value === 'number' && Math.abs(value) >= Number.MAX_SAFE_INTEGER) {
      continue;
    } else if (key === 'required' && Array.isArray(value) && value.length === 0) {
      continue;
    } else {
      out[key] = value;
    }
  }
  const exclusive = schema['exclusiveMinimum'];
  if (typeof exclusive === 'number' && out['minimum'] === undefined) {
    out['minimum'] = schema['type'] === 'integer' ? Math.floor(exclusive) + 1 : exclusive;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

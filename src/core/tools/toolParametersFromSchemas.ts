// The JSON Schema of every built-in tool's arguments, computed from its zod schema. Used by
// scripts/tools/writeToolSchemas.ts and by the test that keeps toolParameters.json current; never by the extension
// itself (it reads the JSON file), so zod's JSON Schema writer stays out of the shipped bundles.
import * as z from 'zod/mini';
import { builtinTools } from './builtinTools';
import { portableJsonSchema } from './portableJsonSchema';

export function toolParametersFromSchemas(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const tool of builtinTools) {
    out[tool.definition.name] = portableJsonSchema(z.toJSONSchema(tool.schema as z.ZodMiniType) as Record<string, unknown>);
  }
  return out;
}

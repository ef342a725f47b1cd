// The tool and structured-output fields of an OpenAI-compatible chat request (OpenAI's API reference, "Chat
// Completions": `tools`, `tool_choice`, `response_format`; its "Function calling" and "Structured Outputs" guides).
// Ollama, LM Studio, vLLM, Groq and OpenRouter read the same fields; a model that cannot call tools is refused by its
// server, which says so (a 400 that the error mapping shows as it is).
import type { ChatRequest, ResponseFormat, ToolChoice } from '../chat/chatTypes';
import { responseFormatName } from './responseFormatName';

export interface OpenAiToolFields {
  tools?: Array<{ type: 'function'; function: { name: string; description: string; parameters: Readonly<Record<string, unknown>> } }>;
  tool_choice?: 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } };
  response_format?:
    | { type: 'json_object' }
    | { type: 'json_schema'; json_schema: { name: string; schema: Readonly<Record<string, unknown>>; strict?: true } };
}

export function openAiToolFields(request: Pick<ChatRequest, 'tools' | 'toolChoice' | 'responseFormat'>): OpenAiToolFields {
  const tools = request.tools ?? [];
  return {
    // OpenAI refuses an empty `tools` list, and a `tool_choice` without tools.
    ...(tools.length > 0
      ? {
          tools: tools.map((tool) => ({
            type: 'function' as const,
            function: { name: tool.name, description: tool.description, parameters: tool.parameters },
          })),
          ...(request.toolChoice !== undefined ? { tool_choice: toolChoice(request.toolChoice) } : {}),
        }
      : {}),
    ...(request.responseFormat !== undefined ? { response_format: responseFormat(request.responseFormat) } : {}),
  };
}

function toolChoice(choice: ToolChoice): NonNullable<OpenAiToolFields['tool_choice']> {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

/**
 * `json_schema` with the schema, `json_object` (any JSON object) without one. `strict: true` only for a schema that
 * meets strict mode's rules (every object closed with `additionalProperties: false` and all its properties
 * required, `$defs` included): OpenAI answers 400 to `strict` with any other schema, while without it the
 * schema still guides the answer.
 */
function responseFormat(format: ResponseFormat): NonNullable<OpenAiToolFields['response_format']> {
  if (format.schema === undefined) return { type: 'json_object' };
  return {
    type: 'json_schema',
    json_schema: {
      name: responseFormatName(format.name),
      schema: format.schema,
      ...(isStrictSchema(format.schema) ? { strict: true as const } : {}),
    },
  };
}

/** Whether every object of the schema is closed and requires all its properties (what strict mode demands). */
export function isStrictSchema(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(isStrictSchema);
  if (typeof schema !== 'object' || schema === null) return true;
  const node = schema as Record<string, unknown>;
  const properties = node.properties;
  if (node.type === 'object' || (typeof properties === 'object' && properties !== null)) {
    if (node.additionalProperties !== false) return false;
    const names = typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
    const required = Array.isArray(node.required) ? node.required : [];
    if (!names.every((name) => required.includes(name))) return false;
  }
  for (const [key, value] of Object.entries(node)) {
    // Keywords whose values are schemas (or maps or lists of them); `enum`, `const`, `default` hold plain data.
    if (key === 'properties' || key === '$defs' || key === 'definitions') {
      if (typeof value === 'object' && value !== null && !Object.values(value).every(isStrictSchema)) return false;
    } else if (key === 'items' || key === 'anyOf' || key === 'allOf' || key === 'oneOf' || key === 'not') {
      if (!isStrictSchema(value)) return false;
    }
  }
  return true;
}

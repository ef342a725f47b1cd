// The tool and structured-output fields of a Gemini `generateContent` request (its "Function calling" and
// "Structured output" guides; API reference, "Tool", "ToolConfig", "GenerationConfig"): `tools:
// [{functionDeclarations: [{name, description, parameters}]}]`, `toolConfig.functionCallingConfig` (`mode` AUTO, ANY
// or NONE, `allowedFunctionNames` with ANY), and in `generationConfig` `responseMimeType: 'application/json'` with a
// `responseSchema`. Schemas go in Gemini's subset (geminiSchema.ts).
import type { ChatRequest, ToolChoice } from '../chat/chatTypes';
import { geminiSchema, hasNoProperties } from './geminiSchema';

export interface GeminiFunctionDeclaration {
  name: string;
  description: string;
  parameters?: Record<string, unknown>;
}

export interface GeminiToolFields {
  tools?: Array<{ functionDeclarations: GeminiFunctionDeclaration[] }>;
  toolConfig?: { functionCallingConfig: { mode: 'AUTO' | 'ANY' | 'NONE'; allowedFunctionNames?: string[] } };
}

export interface GeminiResponseFields {
  responseMimeType?: 'application/json';
  responseSchema?: Record<string, unknown>;
}

export function geminiToolFields(request: Pick<ChatRequest, 'tools' | 'toolChoice'>): GeminiToolFields {
  const tools = request.tools ?? [];
  if (tools.length === 0) return {};
  const functionDeclarations = tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    // A tool without arguments is declared without `parameters`: Gemini refuses an object schema with no properties.
    ...(hasNoProperties(tool.parameters) ? {} : { parameters: geminiSchema(tool.parameters) }),
  }));
  return {
    tools: [{ functionDeclarations }],
    ...(request.toolChoice !== undefined ? { toolConfig: { functionCallingConfig: callingConfig(request.toolChoice) } } : {}),
  };
}

/** The `generationConfig` fields of a structured answer: JSON, matching the schema when there is one. */
export function geminiResponseFields(request: Pick<ChatRequest, 'responseFormat'>): GeminiResponseFields {
  const format = request.responseFormat;
  if (format === undefined) return {};
  return { responseMimeType: 'application/json', ...(format.schema !== undefined ? { responseSchema: geminiSchema(format.schema) } : {}) };
}

function callingConfig(choice: ToolChoice): NonNullable<GeminiToolFields['toolConfig']>['functionCallingConfig'] {
  switch (choice) {
    case 'auto':
      return { mode: 'AUTO' };
    case 'none':
      return { mode: 'NONE' };
    case 'required':
      return { mode: 'ANY' };
    default:
      return { mode: 'ANY', allowedFunctionNames: [choice.name] };
  }
}

// Gemini `streamGenerateContent` with function calling, as its "Function calling", "Structured output" and "Thought
// signatures" guides and the API reference ("Content", "FunctionCall", "FunctionResponse", "Schema", "ToolConfig")
// describe it:
//   - a function call arrives whole in a frame's parts, `{functionCall: {name, args}}` (the Gemini API gives it no id),
//     a Gemini 3 model's first call of a turn with a `thoughtSignature` beside it; the answer ends with `STOP`;
//   - the refusals (`geminiToolCheck`) are the 400 INVALID_ARGUMENT answers the API gives: a field of a schema that
//     is not in its OpenAPI subset (the proto JSON parser's "Unknown name … Cannot find field", with a BadRequest
//     detail), an object schema with no properties as a function's parameters, a string `format` other than `enum`
//     and `date-time`, a function response turn whose count of responses differs from the calls of the turn before,
//     and — for a Gemini 3 model — a model turn whose first function call carries no thought signature.
import type { RecordedRequest, ScriptedResponse } from './fakeHttpServer';
import { geminiError, geminiFrame, geminiSseHeaders } from './geminiFake';

export type GeminiAnswerPart =
  { text: string } | { functionCall: { name: string; args?: Record<string, unknown>; id?: string }; thoughtSignature?: string };

/** Each frame's parts; the last frame also carries `finishReason` (default STOP) and the usage. */
export function geminiToolStream(
  frames: ReadonlyArray<readonly GeminiAnswerPart[]>,
  options: { finishReason?: string } = {},
): ScriptedResponse {
  const chunks = frames.map((parts, i) =>
    geminiFrame({
      candidates: [
        {
          content: { parts, role: 'model' },
          index: 0,
          ...(i === frames.length - 1 ? { finishReason: options.finishReason ?? 'STOP' } : {}),
        },
      ],
      usageMetadata: { promptTokenCount: 120, candidatesTokenCount: 10 + i, totalTokenCount: 130 + i },
      modelVersion: 'gemini-fake',
      responseId: 'fake-tools-1',
    }),
  );
  return { status: 200, headers: geminiSseHeaders, chunks, gap: 'immediate' };
}

const schemaFields = new Set([
  'type',
  'format',
  'title',
  'description',
  'nullable',
  'enum',
  'maxItems',
  'minItems',
  'properties',
  'required',
  'minProperties',
  'maxProperties',
  'minLength',
  'maxLength',
  'pattern',
  'example',
  'anyOf',
  'propertyOrdering',
  'default',
  'items',
  'minimum',
  'maximum',
]);

interface GeminiRequest {
  contents?: Array<{ role?: string; parts?: Array<Record<string, unknown>> }>;
  tools?: Array<{ functionDeclarations?: Array<{ name?: string; parameters?: unknown }> }>;
  generationConfig?: { responseSchema?: unknown };
}

/** How generateContent refuses a request's tools, schemas or function-calling history; undefined when they are fine. */
export function geminiToolCheck(request: Pick<RecordedRequest, 'body' | 'url'>): ScriptedResponse | undefined {
  const body = JSON.parse(request.body) as GeminiRequest;
  for (const [i, tool] of (body.tools ?? []).entries()) {
    for (const [j, declaration] of (tool.functionDeclarations ?? []).entries()) {
      if (declaration.parameters === undefined) continue;
      const where = `tools[${i}].function_declarations[${j}].parameters`;
      const problem = schemaProblem(declaration.parameters, where, true);
      if (problem !== undefined) return problem;
    }
  }
  const responseSchema = body.generationConfig?.responseSchema;
  if (responseSchema !== undefined) {
    const problem = schemaProblem(responseSchema, 'generation_config.response_schema', false);
    if (problem !== undefined) return problem;
  }
  const contents = body.contents ?? [];
  const gemini3 = /models\/gemini-3/.test(request.url);
  for (const [i, content] of contents.entries()) {
    const parts = content.parts ?? [];
    const calls = parts.filter((part) => part.functionCall !== undefined);
    if (calls.length === 0) continue;
    if (gemini3 && calls[0]?.thoughtSignature === undefined) {
      const name = String((calls[0]?.functionCall as { name?: unknown }).name);
      return geminiError(
        400,
        'INVALID_ARGUMENT',
        `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${name}\` , position ${i + 1}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`,
      );
    }
    const next = contents[i + 1];
    if (next === undefined) continue;
    const responses = (next.parts ?? []).filter((part) => part.functionResponse !== undefined);
    if (responses.length !== calls.length) {
      return geminiError(
        400,
        'INVALID_ARGUMENT',
        'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.',
      );
    }
  }
  return undefined;
}

function schemaProblem(schema: unknown, where: string, parameters: boolean): ScriptedResponse | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const node = schema as Record<string, unknown>;
  for (const key of Object.keys(node)) {
    if (!schemaFields.has(key)) {
      const description = `Invalid JSON payload received. Unknown name "${key}" at '${where}': Cannot find field.`;
      return geminiError(400, 'INVALID_ARGUMENT', description, [
        { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: where, description }] },
      ]);
    }
  }
  const type = typeof node.type === 'string' ? node.type.toUpperCase() : undefined;
  const properties = node.properties as Record<string, unknown> | undefined;
  if (parameters && type === 'OBJECT' && (properties === undefined || Object.keys(properties).length === 0)) {
    return geminiError(400, 'INVALID_ARGUMENT', `* GenerateContentRequest.${where}.properties: should be non-empty for OBJECT type\n`);
  }
  if (type === 'STRING' && node.format !== undefined && node.format !== 'enum' && node.format !== 'date-time') {
    return geminiError(
      400,
      'INVALID_ARGUMENT',
      `* GenerateContentRequest.${where}.format: only 'enum' and 'date-time' are supported for STRING type\n`,
    );
  }
  for (const [name, property] of Object.entries(properties ?? {})) {
    const problem = schemaProblem(property, `${where}.properties[${name}]`, true);
    if (problem !== undefined) return problem;
  }
  if (node.items !== undefined) return schemaProblem(node.items, `${where}.items`, true);
  for (const [k, alternative] of (Array.isArray(node.anyOf) ? node.anyOf : []).entries()) {
    const problem = schemaProblem(alternative, `${where}.any_of[${k}]`, true);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

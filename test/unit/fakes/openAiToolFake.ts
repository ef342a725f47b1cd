// OpenAI Chat Completions with tools, as OpenAI's API reference ("Chat Completions": `tools`, `tool_choice`,
// `response_format`, the chunk object's `delta.tool_calls`) and its "Function calling" (streaming) and "Structured
// Outputs" guides describe them, and as openai-node's ChatCompletionStream assembles them:
//   - a streamed tool call: its first piece `{index, id, type: 'function', function: {name, arguments: ''}}`, then
//     pieces `{index, function: {arguments}}` with the JSON text cut anywhere; the first chunk also has
//     `role: 'assistant'` and `content: null`; the last chunk is an empty delta with `finish_reason: 'tool_calls'`;
//   - the refusals (`openAiToolCheck`), worded as the API words them: a `tool_choice` without `tools`, an empty `tools`
//     list, an assistant message with `tool_calls` not answered by `tool` messages, a `tool` message that answers
//     nothing, and a strict `json_schema` whose objects are not closed or do not require every property.
import type { ScriptedResponse } from './fakeHttpServer';
import { openAiError, openAiFrame, openAiResponseHeaders, openAiSseHeaders } from './openAiFake';

/** One chunk's delta: a piece of text, or a piece of a tool call (index-keyed; id and name only in the first). */
export type OpenAiToolStreamStep = { text: string } | { call: { index?: number; id?: string; name?: string; arguments?: string } };

export interface OpenAiToolStreamOptions {
  /** Default `tool_calls`. */
  finishReason?: string;
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** Each chunk in its own network write (so pieces arrive in separate reads); default true. */
  separateWrites?: boolean;
}

const created = 1_767_225_600;

export function openAiToolStreamBody(steps: readonly OpenAiToolStreamStep[], options: OpenAiToolStreamOptions = {}): string[] {
  const chunk = (delta: Record<string, unknown>, finish: string | null): string =>
    openAiFrame({
      id: 'chatcmpl-fake-tools',
      object: 'chat.completion.chunk',
      created,
      model: 'gpt-fake',
      system_fingerprint: 'fp_fake',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...(options.usage ? { usage: null } : {}),
    });
  const frames: string[] = [];
  steps.forEach((step, i) => {
    const first = i === 0 ? { role: 'assistant', refusal: null } : {};
    if ('text' in step) {
      frames.push(chunk({ ...first, content: step.text }, null));
      return;
    }
    const { index, id, name, arguments: args } = step.call;
    const piece =
      id !== undefined || name !== undefined
        ? {
            ...(index !== undefined ? { index } : {}),
            ...(id !== undefined ? { id } : {}),
            type: 'function',
            function: { ...(name !== undefined ? { name } : {}), arguments: args ?? '' },
          }
        : { ...(index !== undefined ? { index } : {}), function: { arguments: args ?? '' } };
    frames.push(chunk({ ...first, ...(i === 0 ? { content: null } : {}), tool_calls: [piece] }, null));
  });
  frames.push(chunk({}, options.finishReason ?? 'tool_calls'));
  if (options.usage) {
    frames.push(
      openAiFrame({
        id: 'chatcmpl-fake-tools',
        object: 'chat.completion.chunk',
        created,
        model: 'gpt-fake',
        choices: [],
        usage: { ...options.usage, total_tokens: options.usage.prompt_tokens + options.usage.completion_tokens },
      }),
    );
  }
  frames.push('data: [DONE]\n\n');
  return frames;
}

export function openAiToolStream(steps: readonly OpenAiToolStreamStep[], options: OpenAiToolStreamOptions = {}): ScriptedResponse {
  const frames = openAiToolStreamBody(steps, options);
  return {
    status: 200,
    headers: { ...openAiSseHeaders, ...openAiResponseHeaders() },
    chunks: options.separateWrites === false ? [frames.join('')] : frames,
    gap: options.separateWrites === false ? 'none' : 'immediate',
  };
}

interface RequestMessage {
  role?: string;
  content?: unknown;
  tool_calls?: Array<{ id?: unknown; type?: unknown; function?: { name?: unknown; arguments?: unknown } }>;
  tool_call_id?: unknown;
}

interface ToolRequest {
  messages?: RequestMessage[];
  tools?: unknown;
  tool_choice?: unknown;
  response_format?: { type?: unknown; json_schema?: { name?: unknown; schema?: unknown; strict?: unknown } };
}

/** How Chat Completions refuses a request's tools, tool history or response format; undefined when they are fine. */
export function openAiToolCheck(body: string): ScriptedResponse | undefined {
  const request = JSON.parse(body) as ToolRequest;
  const tools = request.tools;
  if (tools !== undefined) {
    if (!Array.isArray(tools) || tools.length === 0) {
      return invalid('tools', "Invalid 'tools': empty array. Expected an array with minimum length 1, but got an empty array instead.");
    }
    for (const [i, tool] of (tools as Array<{ type?: unknown; function?: { name?: unknown; parameters?: unknown } }>).entries()) {
      if (tool.type !== 'function')
        return invalid(`tools[${i}].type`, `Invalid value: '${String(tool.type)}'. Supported values are: 'function'.`);
      const name = tool.function?.name;
      if (typeof name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(name)) {
        return invalid(
          `tools[${i}].function.name`,
          `Invalid 'tools[${i}].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`,
        );
      }
    }
  }
  if (request.tool_choice !== undefined && tools === undefined) {
    return invalid('tool_choice', "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.");
  }
  const messages = request.messages ?? [];
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i]!;
    if (message.role === 'tool') {
      // A tool message must answer a call of the assistant message before the run of tool messages it is in.
      let j = i - 1;
      while (j >= 0 && messages[j]?.role === 'tool') j--;
      const calls = messages[j]?.role === 'assistant' ? (messages[j]?.tool_calls ?? []) : [];
      if (!calls.some((call) => call.id === message.tool_call_id)) {
        return invalid(
          `messages.[${i}].role`,
          "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
        );
      }
    }
    if (message.role === 'assistant' && message.tool_calls !== undefined) {
      for (const call of message.tool_calls) {
        if (typeof call.function?.arguments !== 'string') {
          return invalid(`messages.[${i}].tool_calls.function.arguments`, 'Invalid type: expected a string.');
        }
      }
      const answered = new Set<unknown>();
      for (let j = i + 1; j < messages.length && messages[j]?.role === 'tool'; j++) answered.add(messages[j]?.tool_call_id);
      const missing = message.tool_calls.filter((call) => !answered.has(call.id)).map((call) => String(call.id));
      if (missing.length > 0) {
        return invalid(
          'messages',
          `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${missing.join(', ')}`,
        );
      }
    }
  }
  const format = request.response_format;
  if (format?.type === 'json_schema') {
    const name = format.json_schema?.name;
    if (typeof name !== 'string')
      return invalid('response_format.json_schema.name', "Missing required parameter: 'response_format.json_schema.name'.");
    if (format.json_schema?.strict === true) {
      const problem = strictProblem(format.json_schema.schema, []);
      if (problem !== undefined) return invalid('response_format', `Invalid schema for response_format '${name}': ${problem}`);
    }
  }
  return undefined;
}

/** What strict mode finds wrong with a schema (the "Structured Outputs" guide, "Supported schemas"). */
function strictProblem(schema: unknown, path: string[]): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const node = schema as Record<string, unknown>;
  const context = `In context=(${path.map((p) => `'${p}'`).join(', ')}${path.length === 1 ? ',' : ''})`;
  if (node.type === 'object') {
    if (node.additionalProperties !== false) return `${context}, 'additionalProperties' is required to be supplied and to be false.`;
    const properties = (node.properties ?? {}) as Record<string, unknown>;
    const required = Array.isArray(node.required) ? node.required : [];
    const missing = Object.keys(properties).find((key) => !required.includes(key));
    if (missing !== undefined) {
      return `${context}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    }
    for (const [key, value] of Object.entries(properties)) {
      const problem = strictProblem(value, [...path, 'properties', key]);
      if (problem !== undefined) return problem;
    }
  }
  if (node.type === 'array') return strictProblem(node.items, [...path, 'items']);
  return undefined;
}

function invalid(param: string, message: string): ScriptedResponse {
  return openAiError(400, { message, param, code: 'invalid_value' });
}

// The tool fields of an Anthropic Messages request (its "Tool use" guide and API reference, "Messages": `tools`
// `[{name, description, input_schema}]`, `tool_choice` `{type: auto | any | tool | none}`), and structured output.
//
// Anthropic's Messages API has no JSON mode that every model and account takes, so a structured answer is asked
// for the way its tool use guide describes ("JSON output"): one more tool, named after the format, whose
// `input_schema` is the answer's schema (`{type: 'object'}` when the request gives none), and a `tool_choice` that
// makes the model call it. The call's input is the answer: the stream decoder hands it on as the answer's text, and
// the answer ends like any other (finishReason `stop`). With other tools offered too, the model must call some tool
// (`any`): one of them, or the answer tool to answer; with a tool forced by name, that one.
import type { ChatRequest, ToolChoice } from '../chat/chatTypes';
import { responseFormatName } from './responseFormatName';

export interface AnthropicTool {
  name: string;
  description: string;
  input_schema: Readonly<Record<string, unknown>>;
}

export type AnthropicToolChoice = { type: 'auto' | 'any' | 'none' } | { type: 'tool'; name: string };

export interface AnthropicToolFields {
  tools?: AnthropicTool[];
  tool_choice?: AnthropicToolChoice;
}

export interface AnthropicToolPlan {
  fields: AnthropicToolFields;
  /** The name of the tool that carries a structured answer, when one was asked for. */
  answerTool: string | undefined;
}

/** Model-facing, in English like the other texts sent to a model. */
const answerToolDescription =
  'Give your whole answer by calling this tool once: its input is the answer, as JSON that matches the input schema.';

export function anthropicToolFields(request: Pick<ChatRequest, 'tools' | 'toolChoice' | 'responseFormat'>): AnthropicToolPlan {
  const tools: AnthropicTool[] = (request.tools ?? []).map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: tool.parameters,
  }));
  const format = request.responseFormat;
  if (format === undefined) {
    if (tools.length === 0) return { fields: {}, answerTool: undefined };
    return {
      fields: { tools, ...(request.toolChoice !== undefined ? { tool_choice: toolChoice(request.toolChoice) } : {}) },
      answerTool: undefined,
    };
  }
  const answerTool = uniqueName(responseFormatName(format.name), tools);
  const choice = request.toolChoice;
  const forced: AnthropicToolChoice =
    tools.length === 0 || choice === 'none'
      ? { type: 'tool', name: answerTool }
      : typeof choice === 'object'
        ? { type: 'tool', name: choice.name }
        : { type: 'any' };
  tools.push({ name: answerTool, description: answerToolDescription, input_schema: format.schema ?? { type: 'object' } });
  return { fields: { tools, tool_choice: forced }, answerTool };
}

function toolChoice(choice: ToolChoice): AnthropicToolChoice {
  switch (choice) {
    case 'auto':
      return { type: 'auto' };
    case 'none':
      return { type: 'none' };
    case 'required':
      return { type: 'any' };
    default:
      return { type: 'tool', name: choice.name };
  }
}

/** `name`, or `name_answer`…, so that the answer tool never takes the name of a tool the request offers. */
function uniqueName(name: string, tools: readonly AnthropicTool[]): string {
  let unique = name;
  while (tools.some((tool) => tool.name === unique)) unique = `${unique}_answer`.slice(-64);
  return unique;
}

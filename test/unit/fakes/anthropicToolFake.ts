// Anthropic Messages with tools, as its "Tool use" guide, "Streaming Messages" (the tool use example: a `tool_use`
// content block started with `input: {}`, its input in `input_json_delta` pieces — the first one empty — then
// `content_block_stop`, and `stop_reason: 'tool_use'`) and the Messages API reference describe them. Blocks stream
// one after the other, each with its own `index`.
// The refusals (`anthropicToolCheck`) are the 400 `invalid_request_error`s the API gives a malformed conversation:
// roles that do not alternate or do not start with the user, a `tool_use` not answered by a `tool_result` in the
// very next message, a `tool_result` that answers no `tool_use` of the message before, a `tool_result` after other
// content of its message, a `tool_use` input that is not an object, and a `tool_choice` naming no offered tool.
import { anthropicError, anthropicEvent, anthropicRequestId, anthropicSseHeaders } from './anthropicFake';
import type { ScriptedResponse } from './fakeHttpServer';

export type AnthropicBlock =
  | { type: 'text'; pieces: readonly string[] }
  | { type: 'tool_use'; id: string; name: string; /** `input_json_delta` pieces, joined into the input. */ pieces: readonly string[] };

export interface AnthropicToolStreamOptions {
  /** Default `tool_use` when a tool_use block is there, else `end_turn`. */
  stopReason?: string;
}

export function anthropicToolStream(blocks: readonly AnthropicBlock[], options: AnthropicToolStreamOptions = {}): ScriptedResponse {
  const events: string[] = [
    anthropicEvent('message_start', {
      type: 'message_start',
      message: {
        id: 'msg_01FAKE',
        type: 'message',
        role: 'assistant',
        model: 'claude-fake',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 472, output_tokens: 2 },
      },
    }),
  ];
  blocks.forEach((block, index) => {
    if (block.type === 'text') {
      events.push(anthropicEvent('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } }));
      if (index === 0) events.push(anthropicEvent('ping', { type: 'ping' }));
      for (const text of block.pieces) {
        events.push(anthropicEvent('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text } }));
      }
    } else {
      events.push(
        anthropicEvent('content_block_start', {
          type: 'content_block_start',
          index,
          content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
        }),
      );
      for (const partial of ['', ...block.pieces]) {
        events.push(
          anthropicEvent('content_block_delta', {
            type: 'content_block_delta',
            index,
            delta: { type: 'input_json_delta', partial_json: partial },
          }),
        );
      }
    }
    events.push(anthropicEvent('content_block_stop', { type: 'content_block_stop', index }));
  });
  const stopReason = options.stopReason ?? (blocks.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn');
  events.push(
    anthropicEvent('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { output_tokens: 89 },
    }),
    anthropicEvent('message_stop', { type: 'message_stop' }),
  );
  return { status: 200, headers: { ...anthropicSseHeaders, 'request-id': anthropicRequestId() }, chunks: events, gap: 'immediate' };
}

type Block = Record<string, unknown> & { type?: unknown };

/** How the Messages API refuses a request's tools or tool conversation; undefined when they are fine. */
export function anthropicToolCheck(body: string): ScriptedResponse | undefined {
  const request = JSON.parse(body) as {
    messages?: Array<{ role?: string; content?: unknown }>;
    tools?: Array<{ name?: unknown; input_schema?: { type?: unknown } }>;
    tool_choice?: { type?: unknown; name?: unknown };
  };
  const bad = (message: string): ScriptedResponse => anthropicError(400, 'invalid_request_error', message);
  for (const [i, tool] of (request.tools ?? []).entries()) {
    if (tool.input_schema?.type !== 'object') return bad(`tools.${i}.custom.input_schema.type: Input should be 'object'`);
  }
  const choice = request.tool_choice;
  if (choice?.type === 'tool' && !(request.tools ?? []).some((tool) => tool.name === choice.name)) {
    return bad(`tool_choice.name: Tool '${String(choice.name)}' not found in the provided tools`);
  }
  const messages = request.messages ?? [];
  if (messages[0]?.role !== 'user') return bad('messages: first message must use the "user" role');
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i]!;
    if (i > 0 && messages[i - 1]?.role === message.role) {
      return bad(
        `messages: roles must alternate between "user" and "assistant", but found multiple "${String(message.role)}" roles in a row`,
      );
    }
    const blocks: Block[] = Array.isArray(message.content) ? (message.content as Block[]) : [];
    const uses = blocks.filter((block) => block.type === 'tool_use');
    for (const [j, block] of blocks.entries()) {
      if (block.type === 'tool_use' && (typeof block.input !== 'object' || block.input === null || Array.isArray(block.input))) {
        return bad(`messages.${i}.content.${j}.tool_use.input: Input should be a valid dictionary`);
      }
      if (block.type === 'tool_result' && j > 0 && blocks[j - 1]?.type !== 'tool_result') {
        return bad(`messages.${i}.content.${j}: tool_result blocks must come first in the content, before any other content`);
      }
    }
    const previous = messages[i - 1];
    const previousUses = Array.isArray(previous?.content) ? (previous.content as Block[]).filter((block) => block.type === 'tool_use') : [];
    for (const [j, block] of blocks.entries()) {
      if (block.type !== 'tool_result') continue;
      if (!previousUses.some((use) => use.id === block.tool_use_id)) {
        return bad(
          `messages.${i}.content.${j}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${String(block.tool_use_id)}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
        );
      }
    }
    if (uses.length > 0) {
      const next = messages[i + 1];
      const answered = Array.isArray(next?.content) ? (next.content as Block[]).map((block) => block.tool_use_id) : [];
      const missing = uses.filter((use) => !answered.includes(use.id)).map((use) => String(use.id));
      if (missing.length > 0) {
        return bad(
          `messages.${i + 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
        );
      }
    }
  }
  return undefined;
}

// Joins the streamed pieces of an OpenAI-compatible answer's tool calls (`choices[0].delta.tool_calls`, OpenAI's
// "Function calling" guide, "Streaming"): each piece names its call by `index`; the call's `id` and function `name`
// come in its first piece and its `arguments` in string pieces after, and the pieces of several calls may take turns.
// Compatible servers differ, and each difference is taken here:
//   - Ollama sends every call whole in one piece, and older versions number every call of a turn `index` 0: a piece
//     with a new id and a name at an index whose call is complete (its arguments are whole JSON) starts another call;
//     a server that sends a fresh id with every piece of one call (its arguments still partial) goes on with it;
//   - a piece without `index` continues the call of the previous piece; an id may be a number; a name sent again in
//     later pieces replaces (never extends) the name; arguments sent as an object are taken as its JSON;
//   - a call without an id gets one made up (random, so it is unique in the conversation too).
// A call is announced (`tool-call-start`) as soon as its name is known, and complete (`tool-call`) once the answer's
// finish reason arrives; a call that never got a name cannot be run, or sent back in a later request, and is dropped.
import { randomBytes } from 'node:crypto';
import type { ToolCall } from '../chat/chatTypes';
import { isObject } from '../validation/shapeChecks';
import type { ChatEventSink } from './chatEventQueue';
import type { OpenAiToolCallDelta } from './openAiSchemas';

interface Call {
  index: number;
  id: string | undefined;
  name: string | undefined;
  /** Argument pieces, joined once at the end. */
  pieces: string[];
  announced: boolean;
}

export class OpenAiToolCalls {
  private readonly calls: Call[] = [];
  /** The call each index is at now (an index can move on to another call, see above). */
  private readonly byIndex = new Map<number, Call>();
  private last: Call | undefined;
  private finished = false;

  constructor(private readonly sink: ChatEventSink) {}

  /** Whether the answer has any call that will be reported. */
  get any(): boolean {
    return this.calls.some((call) => call.name !== undefined);
  }

  add(delta: OpenAiToolCallDelta): void {
    if (this.finished) return;
    const index = typeof delta.index === 'number' ? delta.index : (this.last?.index ?? 0);
    const id = delta.id === null || delta.id === undefined || delta.id === '' ? undefined : String(delta.id);
    const name = delta.function?.name ?? undefined;
    let call = this.byIndex.get(index);
    if (call === undefined || (id !== undefined && call.id !== undefined && id !== call.id && name && isWholeJson(call))) {
      call = { index, id, name: undefined, pieces: [], announced: false };
      this.calls.push(call);
      this.byIndex.set(index, call);
    }
    this.last = call;
    call.id ??= id;
    if (name) call.name = name;
    const args = delta.function?.arguments;
    if (typeof args === 'string' && args !== '') {
      call.pieces.push(args);
      this.sink.countToolInput(args.length);
    } else if (isObject(args)) {
      const json = JSON.stringify(args);
      call.pieces = [json];
      this.sink.countToolInput(json.length);
    }
    if (!call.announced && call.name !== undefined) {
      call.announced = true;
      call.id ??= `call_${randomBytes(12).toString('hex')}`;
      this.sink.push({ type: 'tool-call-start', id: call.id, name: call.name });
    }
  }

  /** Pushes every announced call, complete, in the order they began. Once. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (const call of this.calls) {
      if (!call.announced || call.id === undefined || call.name === undefined) continue;
      const joined = call.pieces.join('');
      const complete: ToolCall = { id: call.id, name: call.name, arguments: joined.trim() === '' ? '{}' : joined };
      this.sink.push({ type: 'tool-call', call: complete });
    }
  }
}

function isWholeJson(call: Call): boolean {
  if (call.pieces.length === 0) return true;
  try {
    JSON.parse(call.pieces.join(''));
    return true;
  } catch {
    return false;
  }
}

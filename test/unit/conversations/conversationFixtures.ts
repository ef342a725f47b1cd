// Shared helpers for the conversation tests: fixed ids and times, frozen inputs, throw-away directories.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import type { Conversation } from '../../../src/core/conversations/conversation';
import { appendUserMessage, createConversation, startAssistantMessage, userParts } from '../../../src/core/conversations/conversationOps';
import { applyChatEvent } from '../../../src/core/conversations/applyChatEvent';
import { ProviderError, type ProviderErrorKind } from '../../../src/core/errors/providerError';

export const T0 = 1_750_000_000_000;

/** A UUID whose last group is `n`, so tests can tell conversations apart by eye. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Freezes a value and everything in it, so an operation that mutates its input throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export function providerError(kind: ProviderErrorKind, message = `failed: ${kind}`): ProviderError {
  return new ProviderError({ kind, provider: 'openai', message });
}

/** A conversation with `turns` complete question/answer pairs. */
export function sampleConversation(id: string, turns: number, start = T0): Conversation {
  let conversation = createConversation({ id, now: start });
  for (let turn = 0; turn < turns; turn++) {
    const now = start + turn * 10;
    conversation = appendUserMessage(conversation, userParts(`Question ${turn}`), { now, id: `${id}-u${turn}` }).conversation;
    const started = startAssistantMessage(conversation, { now: now + 1, id: `${id}-a${turn}` });
    conversation = started.conversation;
    const events: ChatEvent[] = [
      { type: 'model', provider: 'openai', model: 'gpt-4o-mini' },
      { type: 'text-delta', text: `Answer ${turn}` },
      { type: 'usage', usage: { inputTokens: 10 + turn, outputTokens: 20 } },
      { type: 'done', finishReason: 'stop' },
    ];
    for (const event of events) conversation = applyChatEvent(conversation, started.message.id, event, { now: now + 2 });
  }
  return conversation;
}

export class TempDirectory {
  readonly path: string;

  constructor() {
    this.path = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-conversations-'));
  }

  file(name: string): string {
    return path.join(this.path, name);
  }

  names(): string[] {
    return fs.readdirSync(this.path).sort();
  }

  remove(): void {
    fs.rmSync(this.path, { recursive: true, force: true });
  }
}

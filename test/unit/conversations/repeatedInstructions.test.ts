import * as assert from 'node:assert/strict';
import { appendUserMessage, createConversation, userParts } from '../../../src/core/conversations/conversationOps';
import type { ContextItem } from '../../../src/core/conversations/messagePart';
import { withoutRepeatedInstructions } from '../../../src/core/conversations/repeatedInstructions';

const agents = (text: string): ContextItem => ({ kind: 'instructions', label: 'AGENTS.md', path: 'AGENTS.md', text });
const file: ContextItem = { kind: 'file', label: 'app.ts', path: 'src/app.ts', text: 'export {}' };

describe('withoutRepeatedInstructions', () => {
  it('keeps the instructions on the first turn, and other items always', () => {
    const conversation = createConversation({ now: 1 });
    assert.deepEqual(withoutRepeatedInstructions([agents('Use tabs.'), file], conversation), [agents('Use tabs.'), file]);
  });

  it('leaves out instructions the history already holds with the same text, not a file sent before', () => {
    const { conversation } = appendUserMessage(createConversation({ now: 1 }), userParts('first', [agents('Use tabs.'), file]), { now: 2 });
    assert.deepEqual(withoutRepeatedInstructions([agents('Use tabs.'), file], conversation), [file]);
  });

  it('sends them again once they changed since, compared with their latest copy', () => {
    const first = appendUserMessage(createConversation({ now: 1 }), userParts('first', [agents('Use tabs.')]), { now: 2 });
    const { conversation } = appendUserMessage(first.conversation, userParts('second', [agents('Use spaces.')]), { now: 3 });
    assert.deepEqual(withoutRepeatedInstructions([agents('Use spaces.')], conversation), []);
    assert.deepEqual(withoutRepeatedInstructions([agents('Use tabs.')], conversation), [agents('Use tabs.')]);
  });
});

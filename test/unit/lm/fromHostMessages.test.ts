// What another extension sends to a `switchboard` model through VS Code's language-model API, as a Switchboard chat
// request (src/core/lm/fromHostMessages.ts). Message shapes follow the VS Code API reference
// ("LanguageModelChatRequestMessage": a role and text, tool-call and tool-result parts).
import * as assert from 'node:assert/strict';
import { fromHostMessages } from '../../../src/core/lm/fromHostMessages';

describe('VS Code language-model messages as a Switchboard request', () => {
  it('turns system messages into the system prompt and keeps turns in order', () => {
    assert.deepEqual(
      fromHostMessages([
        { role: 'system', parts: [{ type: 'text', text: 'Be terse.' }] },
        { role: 'user', parts: [{ type: 'text', text: 'Hello' }] },
        { role: 'assistant', parts: [{ type: 'text', text: 'Hi' }] },
        {
          role: 'user',
          parts: [
            { type: 'text', text: 'More' },
            { type: 'text', text: '!' },
          ],
        },
      ]),
      {
        systemPrompt: 'Be terse.',
        messages: [
          { role: 'user', parts: [{ type: 'text', text: 'Hello' }] },
          { role: 'assistant', parts: [{ type: 'text', text: 'Hi' }] },
          {
            role: 'user',
            parts: [
              { type: 'text', text: 'More' },
              { type: 'text', text: '!' },
            ],
          },
        ],
      },
    );
  });

  it('turns tool calls into assistant tool-call parts and results into a tool message before the user text', () => {
    assert.deepEqual(
      fromHostMessages([
        { role: 'user', parts: [{ type: 'text', text: 'Read it' }] },
        { role: 'assistant', parts: [{ type: 'tool-call', id: 'c1', name: 'read', input: { path: 'a' } }] },
        {
          role: 'user',
          parts: [
            { type: 'tool-result', callId: 'c1', text: 'contents' },
            { type: 'text', text: 'and now?' },
          ],
        },
      ]).messages,
      [
        { role: 'user', parts: [{ type: 'text', text: 'Read it' }] },
        { role: 'assistant', parts: [{ type: 'tool-call', id: 'c1', name: 'read', arguments: '{"path":"a"}' }] },
        { role: 'tool', parts: [{ type: 'tool-result', callId: 'c1', content: 'contents', isError: false }] },
        { role: 'user', parts: [{ type: 'text', text: 'and now?' }] },
      ],
    );
  });

  it('drops empty messages rather than sending blank turns', () => {
    assert.deepEqual(fromHostMessages([{ role: 'assistant', parts: [{ type: 'text', text: '' }] }]), { messages: [] });
  });
});

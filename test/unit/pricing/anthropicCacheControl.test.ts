// Anthropic prompt caching in the request (src/core/providers/anthropicCacheControl.ts), as Anthropic's "Prompt
// caching" guide describes it: `cache_control: {type: "ephemeral"}` on the system prompt (as a text block) and on the
// last block of large turns, at most four breakpoints, none below the minimum cacheable length. Checked in the JSON a
// real local server receives.
import * as assert from 'node:assert/strict';
import type { ChatMessage } from '../../../src/core/chat/chatTypes';
import { createChatProvider } from '../../../src/core/providers/createChatProvider';
import { anthropicStream } from '../fakes/anthropicFake';
import { collect } from '../fakes/chatTestKit';
import { fakeServerPerTest } from '../fakes/fakeServerPerTest';

const big = (label: string): string => `${label}\n${'const answer = 42;\n'.repeat(300)}`;
const user = (text: string): ChatMessage => ({ role: 'user', parts: [{ type: 'text', text }] });
const assistant = (text: string): ChatMessage => ({ role: 'assistant', parts: [{ type: 'text', text }] });

describe('Anthropic prompt caching', () => {
  const fake = fakeServerPerTest();

  async function sent(systemPrompt: string | undefined, messages: ChatMessage[]): Promise<Record<string, unknown>> {
    fake.server.onRequest(() => anthropicStream(['Ok.']));
    const provider = createChatProvider(
      { id: 'anthropic', baseUrl: fake.server.origin },
      { apiKey: 'sk-ant-api03-FAKE0123456789' },
      { http: fake.client() },
    );
    await collect(provider.streamChat({ model: 'claude-sonnet-4-5', messages, ...(systemPrompt !== undefined ? { systemPrompt } : {}) }));
    return JSON.parse(fake.server.requests[0]?.body ?? '{}') as Record<string, unknown>;
  }

  it('leaves a small request exactly as it was', async () => {
    const body = await sent('Be brief.', [user('Hi')]);
    assert.equal(body.system, 'Be brief.');
    assert.deepEqual(body.messages, [{ role: 'user', content: 'Hi' }]);
  });

  it('marks a large system prompt and a large turn (an attached file) as breakpoints', async () => {
    const system = big('You review code.');
    const file = big('File app.ts:');
    const body = await sent(system, [user(file), assistant('Read it.'), user('What does it do?')]);
    assert.deepEqual(body.system, [{ type: 'text', text: system, cache_control: { type: 'ephemeral' } }]);
    assert.deepEqual(body.messages, [
      { role: 'user', content: [{ type: 'text', text: file, cache_control: { type: 'ephemeral' } }] },
      { role: 'assistant', content: 'Read it.' },
      { role: 'user', content: 'What does it do?' },
    ]);
  });

  it('sets at most four breakpoints: the system prompt and the last three large turns', async () => {
    const turns: ChatMessage[] = [];
    for (let i = 1; i <= 5; i++) turns.push(user(big(`File ${i}`)), assistant(`Read ${i}.`));
    turns.push(user('Compare them.'));
    const body = await sent(big('System'), turns);
    const marked = (body.messages as { content: unknown }[])
      .map((message, index) => (Array.isArray(message.content) && JSON.stringify(message.content).includes('cache_control') ? index : -1))
      .filter((index) => index >= 0);
    assert.deepEqual(marked, [4, 6, 8]);
    assert.ok(Array.isArray(body.system));
  });
});

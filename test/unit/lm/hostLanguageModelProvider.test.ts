// The provider kind `vscode-lm` (docs/vscode-chat.md) over a stand-in for VS Code's language-model API. The stand-in
// follows the documented behaviour of `LanguageModelChat.sendRequest` (VS Code API reference, "LanguageModelChat"):
// the answer is an async stream of text and tool-call parts, consent refusal and unknown models reject with a
// LanguageModelError code, and a model whose extension goes away makes the stream throw.
import * as assert from 'node:assert/strict';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import { ProviderEngine } from '../../../src/core/providerEngine';
import type { HostChatRequest, HostFailure, HostLanguageModels, HostResponsePart } from '../../../src/core/lm/hostLanguageModels';
import { HostLanguageModelProvider } from '../../../src/core/lm/hostLanguageModelProvider';
import { createChatProvider, resolveProviderEntry } from '../../../src/core/providers/createChatProvider';
import { providerEntrySchema } from '../../../src/core/providers/providerEntry';

interface Script {
  parts: HostResponsePart[];
  /** Thrown after the parts (a withdrawn model), or before any (consent refused). */
  failAfter?: HostFailure | Error;
  failBefore?: HostFailure;
}

class StandInHost implements HostLanguageModels {
  readonly requests: HostChatRequest[] = [];
  script: Script = { parts: [{ type: 'text', text: 'Hello' }] };
  /** Resolves the next part only when released, to stop mid-answer. */
  gate: Promise<void> | undefined;

  async list(): Promise<{ id: string; name: string; contextWindow: number }[]> {
    return [{ id: 'other-model', name: 'Other Model (test-vendor)', contextWindow: 8000 }];
  }

  async *send(request: HostChatRequest): AsyncGenerator<HostResponsePart> {
    this.requests.push(request);
    if (this.script.failBefore) throw this.script.failBefore;
    for (const part of this.script.parts) {
      if (this.gate) await this.gate;
      yield part;
    }
    if (this.script.failAfter) throw this.script.failAfter;
  }
}

async function collect(stream: AsyncIterable<ChatEvent>, onEvent?: (event: ChatEvent) => void): Promise<ChatEvent[]> {
  const events: ChatEvent[] = [];
  for await (const event of stream) {
    events.push(event);
    onEvent?.(event);
  }
  return events;
}

function text(events: readonly ChatEvent[]): string {
  return events.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');
}

describe('VS Code language models as the provider kind vscode-lm', () => {
  it('streams text, then done; the system prompt goes in front of the first user message', async () => {
    const host = new StandInHost();
    host.script = {
      parts: [
        { type: 'text', text: 'Hi' },
        { type: 'text', text: ' there' },
      ],
    };
    const provider = new HostLanguageModelProvider('vscode', host);
    const events = await collect(
      provider.streamChat({
        model: 'other-model',
        systemPrompt: 'Be brief.',
        messages: [
          { role: 'user', parts: [{ type: 'text', text: 'Say hi' }] },
          { role: 'assistant', parts: [{ type: 'text', text: 'Hi!' }] },
          { role: 'user', parts: [{ type: 'text', text: 'Again' }] },
        ],
      }),
    );
    assert.deepEqual(events[0], { type: 'model', provider: 'vscode', model: 'other-model' });
    assert.equal(text(events), 'Hi there');
    assert.deepEqual(events.at(-1), { type: 'done', finishReason: 'stop' });
    assert.deepEqual(host.requests[0]?.messages, [
      {
        role: 'user',
        parts: [
          { type: 'text', text: 'Be brief.' },
          { type: 'text', text: 'Say hi' },
        ],
      },
      { role: 'assistant', parts: [{ type: 'text', text: 'Hi!' }] },
      { role: 'user', parts: [{ type: 'text', text: 'Again' }] },
    ]);
  });

  it('passes tool calls both ways and ends a call with finishReason tool-calls', async () => {
    const host = new StandInHost();
    host.script = { parts: [{ type: 'tool-call', id: 'call-2', name: 'read_file', input: { path: 'b.ts' } }] };
    const provider = new HostLanguageModelProvider('vscode', host);
    const events = await collect(
      provider.streamChat({
        model: 'other-model',
        tools: [{ name: 'read_file', description: 'Reads a file', parameters: { type: 'object', properties: {} } }],
        messages: [
          { role: 'user', parts: [{ type: 'text', text: 'Read a.ts' }] },
          { role: 'assistant', parts: [{ type: 'tool-call', id: 'call-1', name: 'read_file', arguments: '{"path":"a.ts"}' }] },
          { role: 'tool', parts: [{ type: 'tool-result', callId: 'call-1', content: 'export {}', isError: false }] },
        ],
      }),
    );
    assert.deepEqual(
      events.filter((event) => event.type === 'tool-call'),
      [{ type: 'tool-call', call: { id: 'call-2', name: 'read_file', arguments: '{"path":"b.ts"}' } }],
    );
    assert.deepEqual(events.at(-1), { type: 'done', finishReason: 'tool-calls' });
    const sent = host.requests[0];
    assert.equal(sent?.tools?.[0]?.name, 'read_file');
    assert.deepEqual(sent?.messages.slice(1), [
      { role: 'assistant', parts: [{ type: 'tool-call', id: 'call-1', name: 'read_file', input: { path: 'a.ts' } }] },
      { role: 'user', parts: [{ type: 'tool-result', callId: 'call-1', text: 'export {}' }] },
    ]);
  });

  it('words refused consent, a blocked model and a missing one as Switchboard errors', async () => {
    const cases: [HostFailure, string, RegExp][] = [
      [{ hostFailure: 'no-permissions' }, 'bad-request', /did not let Switchboard use other-model: the permission was refused/],
      [{ hostFailure: 'blocked', detail: 'Policy says no.' }, 'bad-request', /blocks Switchboard from using other-model: “Policy says no”/],
      [{ hostFailure: 'not-found' }, 'not-found', /no language model “other-model” now/],
      [{ hostFailure: 'unknown', detail: 'boom' }, 'server', /other-model failed: “boom”/],
    ];
    for (const [failure, kind, message] of cases) {
      const host = new StandInHost();
      host.script = { parts: [], failBefore: failure };
      const events = await collect(new HostLanguageModelProvider('vscode', host).streamChat({ model: 'other-model', messages: [] }));
      const last = events.at(-1);
      assert.equal(last?.type, 'error', JSON.stringify(events));
      if (last?.type !== 'error') return;
      assert.equal(last.error.kind, kind);
      assert.match(last.error.message, message);
      assert.equal(last.error.messageId.startsWith('vscodeLm.'), true);
      assert.equal(events.filter((event) => event.type === 'error' || event.type === 'done').length, 1, 'the stream ends once');
    }
  });

  it('keeps the text of a model withdrawn mid-answer and ends with one error that says so', async () => {
    const host = new StandInHost();
    host.script = { parts: [{ type: 'text', text: 'Partial' }], failAfter: { hostFailure: 'withdrawn', detail: 'Extension unloaded' } };
    const events = await collect(
      new HostLanguageModelProvider('vscode', host).streamChat({ model: 'other-model', messages: [{ role: 'user', parts: [] }] }),
    );
    assert.equal(text(events), 'Partial');
    const last = events.at(-1);
    assert.ok(last?.type === 'error');
    assert.equal(last.error.messageId, 'vscodeLm.withdrawn');
    assert.match(last.error.message, /withdrew it: “Extension unloaded”\. The text so far is kept/);
  });

  it('ends a stopped request with done (cancelled), not an error', async () => {
    const host = new StandInHost();
    let release: () => void = () => undefined;
    host.gate = new Promise<void>((resolve) => (release = resolve));
    host.script = {
      parts: [
        { type: 'text', text: 'one' },
        { type: 'text', text: 'two' },
      ],
    };
    const controller = new AbortController();
    const stream = new HostLanguageModelProvider('vscode', host).streamChat({
      model: 'other-model',
      messages: [{ role: 'user', parts: [{ type: 'text', text: 'go' }] }],
      signal: controller.signal,
    });
    const collecting = collect(stream, (event) => {
      if (event.type === 'text-delta') controller.abort();
    });
    release();
    const events = await collecting;
    assert.equal(text(events), 'one');
    assert.deepEqual(events.at(-1), { type: 'done', finishReason: 'cancelled' });
  });

  it('refuses an image by name before anything is sent', async () => {
    const host = new StandInHost();
    const events = await collect(
      new HostLanguageModelProvider('vscode', host).streamChat({
        model: 'other-model',
        messages: [{ role: 'user', parts: [{ type: 'image', mimeType: 'image/png', alt: 'x', data: 'iVBORw0KGgo=' }] }],
      }),
    );
    assert.equal(events.at(-1)?.type, 'error');
    assert.equal(host.requests.length, 0);
  });

  it('is an entry without base URL or key; without the API it cannot chat', () => {
    const parsed = providerEntrySchema.safeParse({ id: 'copilot', kind: 'vscode-lm' });
    assert.ok(parsed.success);
    const resolved = resolveProviderEntry({ id: 'copilot', kind: 'vscode-lm', requiresKey: true, baseUrl: 'https://example.com' });
    assert.equal(resolved.requiresKey, false);
    assert.equal(resolved.baseUrl, 'vscode-lm:');
    assert.throws(() => createChatProvider(resolved), /offers no language models to extensions/);
    assert.equal(createChatProvider(resolved, {}, { hostModels: new StandInHost() }).kind, 'vscode-lm');
  });

  it('is offered by the engine as `vscode` only when the editor has the API, and is never given a key', async () => {
    const asked: string[] = [];
    const credentials = async (entry: { id: string }): Promise<{ apiKey: string }> => {
      asked.push(entry.id);
      return { apiKey: 'sk-never-to-a-host-model' };
    };
    const without = new ProviderEngine({ credentials });
    assert.equal(without.entry('vscode'), undefined);

    const host = new StandInHost();
    const engine = new ProviderEngine({ credentials, hostModels: host });
    assert.equal(engine.entry('vscode')?.kind, 'vscode-lm');
    const listed = await engine.listModels('vscode');
    assert.deepEqual(
      listed.models.map((model) => model.id),
      ['other-model'],
    );
    const events = await collect(
      engine.chat(['vscode/other-model'], { messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }] }),
    );
    assert.equal(text(events), 'Hello');
    assert.deepEqual(asked, [], 'a key was read for a VS Code model');
    assert.doesNotMatch(JSON.stringify(host.requests), /sk-never/);
  });
});

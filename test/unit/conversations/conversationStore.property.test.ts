// Whatever sequence of edits, saves (immediate or debounced), renames, deletes and restarts happens, reopening the
// folder gives back exactly the conversations last saved — compared against a plain in-memory model.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyChatEvent } from '../../../src/core/conversations/applyChatEvent';
import type { Conversation } from '../../../src/core/conversations/conversation';
import { summarizeConversation } from '../../../src/core/conversations/conversation';
import { sortSummaries } from '../../../src/core/conversations/conversationIndex';
import {
  appendUserMessage,
  createConversation,
  editUserMessage,
  renameConversation,
  startAssistantMessage,
  userParts,
} from '../../../src/core/conversations/conversationOps';
import { ConversationStore } from '../../../src/core/conversations/conversationStore';
import { T0, TempDirectory, providerError, uuid } from './conversationFixtures';

const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '```', '\n\n', 'Привет', '😀 emoji'));

const operation = fc.oneof(
  fc.record({ type: fc.constant('create' as const), text }),
  fc.record({
    type: fc.constant('turn' as const),
    pick: fc.nat(),
    question: text,
    answer: text,
    end: fc.constantFrom('stop', 'cancelled', 'error'),
    soon: fc.boolean(),
  }),
  fc.record({ type: fc.constant('edit' as const), pick: fc.nat(), text }),
  fc.record({ type: fc.constant('rename' as const), pick: fc.nat(), title: text, viaStore: fc.boolean() }),
  fc.record({ type: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ type: fc.constant('reopen' as const), flush: fc.boolean() }),
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function expectSame(dir: string, model: Map<string, Conversation>): Promise<void> {
  const store = new ConversationStore({ directory: dir });
  const { items, problems } = await store.list();
  assert.deepEqual(problems, []);
  assert.deepEqual(items, sortSummaries([...model.values()].map(summarizeConversation)));
  for (const conversation of model.values()) assert.deepEqual((await store.load(conversation.id)).conversation, conversation);
}

describe('ConversationStore (property)', () => {
  it('reopening gives back the conversations last saved, whatever happened before', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (operations: Operation[]) => {
        const dir = new TempDirectory();
        const problems: string[] = [];
        let clock = T0;
        const opened: ConversationStore[] = [];
        const open = (): ConversationStore => {
          const store = new ConversationStore({
            directory: dir.path,
            saveDelayMs: 60_000,
            now: () => clock,
            onProblem: (message) => problems.push(message),
          });
          opened.push(store);
          return store;
        };
        try {
          let store = open();
          const model = new Map<string, Conversation>();
          let created = 0;
          const pick = (n: number): Conversation | undefined => [...model.values()][n % Math.max(1, model.size)];
          for (const op of operations) {
            const now = ++clock;
            switch (op.type) {
              case 'create': {
                const conversation = appendUserMessage(createConversation({ id: uuid(++created), now }), userParts(op.text), {
                  now,
                }).conversation;
                model.set(conversation.id, conversation);
                await store.save(conversation);
                break;
              }
              case 'turn': {
                const current = pick(op.pick);
                if (current === undefined) break;
                const asked = appendUserMessage(current, userParts(op.question), { now }).conversation;
                const started = startAssistantMessage(asked, { now, provider: 'openai', model: 'gpt-4o' });
                let next = applyChatEvent(started.conversation, started.message.id, { type: 'text-delta', text: op.answer }, { now });
                next = applyChatEvent(next, started.message.id, { type: 'usage', usage: { inputTokens: 3, outputTokens: 4 } }, { now });
                next = applyChatEvent(
                  next,
                  started.message.id,
                  op.end === 'error'
                    ? { type: 'error', error: providerError('server') }
                    : { type: 'done', finishReason: op.end === 'stop' ? 'stop' : 'cancelled' },
                  { now },
                );
                model.set(next.id, next);
                if (op.soon) store.saveSoon(next);
                else await store.save(next);
                break;
              }
              case 'edit': {
                const current = pick(op.pick);
                const first = current?.messages[0];
                if (current === undefined || first === undefined) break;
                const next = editUserMessage(current, first.id, userParts(op.text), { now });
                model.set(next.id, next);
                store.saveSoon(next);
                break;
              }
              case 'rename': {
                const current = pick(op.pick);
                if (current === undefined) break;
                if (op.viaStore) {
                  const renamed = await store.rename(current.id, op.title);
                  assert.deepEqual(renamed, renameConversation(current, op.title, { now: Math.max(clock, current.updatedAt) }));
                  if (renamed !== undefined) model.set(renamed.id, renamed);
                } else {
                  const renamed = renameConversation(current, op.title, { now });
                  model.set(renamed.id, renamed);
                  await store.save(renamed);
                }
                break;
              }
              case 'delete': {
                const current = pick(op.pick);
                if (current === undefined) break;
                model.delete(current.id);
                await store.delete(current.id);
                break;
              }
              case 'reopen':
                // Without a flush, debounced saves are lost as they would be in a crash: the model is rolled back to disk.
                if (op.flush) {
                  await store.flush();
                  await expectSame(dir.path, model);
                }
                store = open();
                // A window saves only conversations it opened (or created): the store merges against what it read.
                if (op.flush)
                  for (const conversation of model.values())
                    assert.deepEqual((await store.load(conversation.id)).conversation, conversation);
                if (!op.flush) {
                  model.clear();
                  for (const item of (await store.list()).items) {
                    const loaded = (await store.load(item.id)).conversation;
                    if (loaded !== undefined) model.set(loaded.id, loaded);
                  }
                }
                break;
            }
          }
          await store.flush();
          await expectSame(dir.path, model);
          assert.deepEqual(problems, []);
        } finally {
          // Stores abandoned by a simulated crash still hold debounced saves: write them here, before the folder goes.
          await Promise.all(opened.map((store) => store.flush()));
          dir.remove();
        }
      }),
      { numRuns: 40 },
    );
  });
});

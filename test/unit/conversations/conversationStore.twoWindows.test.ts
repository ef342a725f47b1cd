// Two VS Code windows are two extension hosts, each with its own ConversationStore on the same global-storage
// folder: here, two stores on one temporary folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import type { Conversation } from '../../../src/core/conversations/conversation';
import { appendUserMessage, createConversation, editUserMessage, userParts } from '../../../src/core/conversations/conversationOps';
import { ConversationStore, type ForkedSave, type MergedSave, type SaveResult } from '../../../src/core/conversations/conversationStore';
import { T0, TempDirectory, uuid } from './conversationFixtures';

type Message = Conversation['messages'][number];

function ask(conversation: Conversation, text: string, id: string, now = T0): Conversation {
  return appendUserMessage(conversation, userParts(text), { id, now }).conversation;
}

function first(): Conversation {
  return ask(createConversation({ id: uuid(1), now: T0 }), 'Shared question', 'shared-0');
}

function ids(conversation: Conversation | undefined): string[] {
  return conversation?.messages.map((message) => message.id) ?? [];
}

describe('ConversationStore: two windows on one folder', () => {
  let dir: TempDirectory;
  let concurrent: Array<MergedSave | ForkedSave>;

  function open(saveDelayMs = 60_000): ConversationStore {
    return new ConversationStore({
      directory: dir.path,
      saveDelayMs,
      now: () => T0,
      onConcurrentChange: (result) => concurrent.push(result),
    });
  }

  /** Every message on disk, in every conversation. */
  async function everything(): Promise<Map<string, Message[]>> {
    const store = open();
    const all = new Map<string, Message[]>();
    for (const item of (await store.list()).items) {
      const { conversation } = await store.load(item.id);
      if (conversation !== undefined) all.set(conversation.id, conversation.messages);
    }
    return all;
  }

  beforeEach(() => {
    dir = new TempDirectory();
    concurrent = [];
  });
  afterEach(() => dir.remove());

  it('never loses a turn: appends in both windows are merged, the other window first', async () => {
    const a = open();
    const b = open();
    assert.equal((await a.save(first())).kind, 'saved');
    const inB = (await b.load(uuid(1))).conversation ?? assert.fail('B opens it');
    const inA = (await a.load(uuid(1))).conversation ?? assert.fail('A opens it');

    const fromB = ask(inB, 'From B', 'b-1', T0 + 10);
    assert.equal((await b.save(fromB)).kind, 'saved');
    const fromA = ask(inA, 'From A', 'a-1', T0 + 20);
    const result = await a.save(fromA);
    assert.equal(result.kind, 'merged');
    assert.deepEqual(ids(result.conversation), ['shared-0', 'b-1', 'a-1']);
    assert.equal(result.conversation.messages[1]?.createdAt, T0 + 10, 'times kept');
    assert.equal(result.conversation.updatedAt, T0 + 20);
    assert.deepEqual(concurrent, [result]);
    assert.deepEqual((await open().load(uuid(1))).conversation, result.conversation);

    // A goes on without taking the merge in: B's turn stays.
    const again = await a.save(ask(fromA, 'A again', 'a-2', T0 + 30));
    assert.deepEqual(ids(again.conversation), ['shared-0', 'b-1', 'a-1', 'a-2']);
    // B goes on from its own state: A's turns stay too.
    const fromB2 = await b.save(ask(fromB, 'B again', 'b-2', T0 + 40));
    assert.equal(fromB2.kind, 'merged');
    assert.deepEqual(ids(fromB2.conversation), ['shared-0', 'b-1', 'a-1', 'a-2', 'b-2']);
    // A takes the merged state in (as the UI does) and goes on: a plain save.
    const adopted = await a.save(ask((await a.load(uuid(1))).conversation ?? assert.fail(), 'A adopted', 'a-3', T0 + 50));
    assert.equal(adopted.kind, 'saved');
    assert.deepEqual(ids((await open().load(uuid(1))).conversation), ['shared-0', 'b-1', 'a-1', 'a-2', 'b-2', 'a-3']);
  });

  it('forks when one window edited what the other went on from: both kept, nothing lost', async () => {
    const a = open();
    const b = open();
    const start = ask(first(), 'Second', 'shared-1', T0 + 1);
    await a.save(start);
    const inB = (await b.load(uuid(1))).conversation ?? assert.fail();
    // B edits the first question (edit and resend drops what came after it)…
    const edited = editUserMessage(inB, 'shared-0', userParts('Edited in B'), { now: T0 + 10 });
    assert.equal((await b.save(edited)).kind, 'saved');
    // …while A, which never saw that, asks a follow-up.
    const result = await a.save(ask(start, 'Follow-up in A', 'a-1', T0 + 20));
    assert.equal(result.kind, 'forked');
    if (result.kind !== 'forked') return;
    assert.equal(result.originalId, uuid(1));
    assert.notEqual(result.conversation.id, uuid(1));
    assert.equal(result.conversation.title, `${start.title} (2)`);
    assert.deepEqual(concurrent, [result]);

    const all = await everything();
    assert.deepEqual(ids({ ...start, messages: all.get(uuid(1)) ?? [] }), ['shared-0']);
    assert.deepEqual(all.get(uuid(1)), edited.messages, "B's edit stays where it was");
    assert.deepEqual(
      ids({ ...start, messages: all.get(result.conversation.id) ?? [] }),
      ['shared-0', 'shared-1', 'a-1'],
      "A's turn is in the copy",
    );
    assert.equal(fs.existsSync(dir.file(`${result.conversation.id}.json`)), true);

    // A's later saves of the old id go on in the copy, until A opens the original again.
    const later = await a.save(ask(ask(start, 'Follow-up in A', 'a-1', T0 + 20), 'More', 'a-2', T0 + 30));
    assert.equal(later.kind, 'saved');
    assert.equal(later.conversation.id, result.conversation.id);
    assert.deepEqual((await open().load(uuid(1))).conversation?.messages, edited.messages);
  });

  it('flush writes every pending saveSoon now; twice, at once, and after dispose is harmless', async () => {
    const a = open();
    const one = first();
    const two = ask(createConversation({ id: uuid(2), now: T0 }), 'Other', 'other-0');
    a.saveSoon(one);
    a.saveSoon(two);
    assert.deepEqual(dir.names(), [], 'waiting a minute before writing');
    await Promise.all([a.flush(), a.flush()]);
    assert.deepEqual((await open().load(uuid(1))).conversation, one);
    assert.deepEqual((await open().load(uuid(2))).conversation, two);

    const three = ask(one, 'Before shutdown', 'a-1', T0 + 5);
    a.saveSoon(three);
    await a.dispose();
    assert.deepEqual((await open().load(uuid(1))).conversation, three);
    await a.flush();
    await a.dispose();
    // After dispose nothing waits for a timer that no one would flush.
    const four = ask(three, 'After dispose', 'a-2', T0 + 6);
    a.saveSoon(four);
    await a.flush();
    assert.deepEqual((await open().load(uuid(1))).conversation, four);
  });

  it('keeps every message either window ever saved, whatever the interleaving (property)', async () => {
    const step = fc.record({
      window: fc.constantFrom(0, 1),
      action: fc.constantFrom('append', 'append-soon', 'save', 'flush', 'reopen-view'),
      together: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 24 }), async (steps) => {
        const folder = new TempDirectory();
        const stores = [0, 1].map(() => new ConversationStore({ directory: folder.path, saveDelayMs: 60_000, now: () => T0 }));
        let clock = T0;
        let counter = 0;
        const saved = new Map<string, Message>();
        const noteSaved = (conversation: Conversation): void => {
          for (const message of conversation.messages) saved.set(message.id, message);
        };
        try {
          const start = first();
          await stores[0]?.save(start);
          noteSaved(start);
          const views: Conversation[] = [];
          for (const store of stores) views.push((await store.load(uuid(1))).conversation ?? assert.fail());
          const running: Array<Promise<SaveResult>> = [];
          // As the UI does: show what the save says is on disk, unless the window has moved on since.
          const adopt = (window: number, sent: Conversation) => (result: SaveResult) => {
            if (views[window] === sent) views[window] = result.conversation;
            return result;
          };
          for (const { window, action, together } of steps) {
            const store = stores[window];
            const view = views[window];
            if (store === undefined || view === undefined) continue;
            switch (action) {
              case 'append':
              case 'append-soon': {
                const next = ask(view, `turn ${++counter}`, `w${window}-${counter}`, ++clock);
                views[window] = next;
                noteSaved(next);
                if (action === 'append-soon') store.saveSoon(next);
                else if (together) running.push(store.save(next).then(adopt(window, next)));
                else adopt(window, next)(await store.save(next));
                break;
              }
              case 'save':
                noteSaved(view);
                if (together) running.push(store.save(view));
                else await store.save(view);
                break;
              case 'flush':
                await store.flush();
                break;
              case 'reopen-view':
                await Promise.all(running.splice(0));
                await store.flush();
                views[window] = (await store.load(views[window]?.id ?? uuid(1))).conversation ?? view;
                break;
            }
          }
          await Promise.all(running);
          await Promise.all(stores.map((store) => store.dispose()));

          const onDisk = new Map<string, Message>();
          const reader = new ConversationStore({ directory: folder.path });
          for (const item of (await reader.list()).items) {
            for (const message of (await reader.load(item.id)).conversation?.messages ?? []) onDisk.set(message.id, message);
          }
          for (const [id, message] of saved) assert.deepEqual(onDisk.get(id), message, `message ${id} is on disk`);
        } finally {
          await Promise.all(stores.map((store) => store.flush()));
          folder.remove();
        }
      }),
      { numRuns: 60 },
    );
  });
});

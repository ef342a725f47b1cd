import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { applyChatEvent } from '../../../src/core/conversations/applyChatEvent';
import { conversationFormatVersion, type Conversation } from '../../../src/core/conversations/conversation';
import { appendUserMessage, renameConversation, startAssistantMessage, userParts } from '../../../src/core/conversations/conversationOps';
import {
  ConversationStore,
  ConversationStoreError,
  type ConversationProblem,
  type ConversationStoreOptions,
} from '../../../src/core/conversations/conversationStore';
import { T0, TempDirectory, sampleConversation, uuid } from './conversationFixtures';

describe('ConversationStore', () => {
  let dir: TempDirectory;
  let reported: ConversationProblem[];
  let logged: string[];

  function open(options: Partial<ConversationStoreOptions> = {}): ConversationStore {
    return new ConversationStore({
      directory: dir.path,
      onProblem: (message, problem) => {
        assert.equal(message, problem.message);
        reported.push(problem);
      },
      log: (message) => logged.push(message),
      now: () => T0,
      saveDelayMs: 10,
      ...options,
    });
  }

  beforeEach(() => {
    dir = new TempDirectory();
    reported = [];
    logged = [];
  });
  afterEach(() => dir.remove());

  it('saves and loads a conversation and lists its summary from the index', async () => {
    const conversation = sampleConversation(uuid(1), 2);
    await open().save(conversation);
    assert.deepEqual(dir.names(), [`${uuid(1)}.json`, 'index.json']);
    if (process.platform !== 'win32') assert.equal(fs.statSync(dir.file(`${uuid(1)}.json`)).mode & 0o777, 0o600);

    const reopened = open();
    assert.deepEqual(await reopened.list(), {
      items: [{ id: uuid(1), title: 'Question 0', createdAt: T0, updatedAt: conversation.updatedAt, messageCount: 4 }],
      problems: [],
    });
    assert.deepEqual(await reopened.load(uuid(1)), { conversation, problems: [] });
    assert.deepEqual(await reopened.load(uuid(2)), { conversation: undefined, problems: [] });
    assert.deepEqual(reported, []);
  });

  it('loads back a conversation of 2,000 messages equal to what was saved', async () => {
    const conversation = sampleConversation(uuid(7), 1000);
    assert.equal(conversation.messages.length, 2000);
    await open().save(conversation);
    const { conversation: loaded } = await open().load(uuid(7));
    assert.deepEqual(loaded, conversation);
  });

  it('lists 500 conversations from the index without reading the conversation files', async () => {
    const summaries = Array.from({ length: 500 }, (_, i) => ({
      id: uuid(i + 1),
      title: `Chat ${i}`,
      createdAt: T0,
      updatedAt: T0 + i,
      messageCount: 2,
    }));
    fs.writeFileSync(dir.file('index.json'), JSON.stringify({ version: conversationFormatVersion, conversations: summaries }));
    // Not valid conversations: if list() read them it would move them aside as corrupt.
    for (const summary of summaries) fs.writeFileSync(dir.file(`${summary.id}.json`), 'not read by list()');
    const { items, problems } = await open().list();
    assert.equal(items.length, 500);
    assert.deepEqual(items[0], summaries[499], 'newest first');
    assert.deepEqual(problems, []);
    assert.equal(dir.names().length, 501);
  });

  describe('atomic writes', () => {
    it('ignores a temporary file left by an interrupted write and still loads the previous version', async () => {
      const conversation = sampleConversation(uuid(1), 1);
      await open().save(conversation);
      // What a crash between writing and renaming leaves: a half-written temporary file next to the good one.
      const leftover = dir.file(`.${uuid(1)}.json.0123456789ab.tmp`);
      fs.writeFileSync(leftover, JSON.stringify(sampleConversation(uuid(1), 5)).slice(0, 100));
      const old = new Date(T0 - 5 * 60_000);
      fs.utimesSync(leftover, old, old);
      // One another window may be writing right now (fresh): left alone.
      const fresh = dir.file(`.index.json.ba9876543210.tmp`);
      fs.writeFileSync(fresh, '{');
      fs.utimesSync(fresh, new Date(T0), new Date(T0));

      const store = open();
      const { items, problems } = await store.list();
      assert.deepEqual(
        items.map((item) => item.id),
        [uuid(1)],
      );
      assert.deepEqual(problems, []);
      assert.deepEqual((await store.load(uuid(1))).conversation, conversation);
      assert.ok(!fs.existsSync(leftover), 'the stale leftover is cleaned up');
      assert.ok(fs.existsSync(fresh));
      assert.deepEqual(reported, []);
    });

    it('leaves the previous version in place when a write fails', async () => {
      const store = open({ maxFileBytes: 4000 });
      const small = sampleConversation(uuid(1), 1);
      await store.save(small);
      const huge = appendUserMessage(small, userParts('x'.repeat(10_000))).conversation;
      await assert.rejects(
        store.save(huge),
        (error: unknown) => error instanceof ConversationStoreError && error.problem.kind === 'too-large',
      );
      assert.deepEqual((await open().load(uuid(1))).conversation, small);
      assert.deepEqual(dir.names(), [`${uuid(1)}.json`, 'index.json'], 'no temporary file stays behind');
      assert.equal(reported.length, 1);
      assert.match(reported[0]?.message ?? '', /too large to save.*last saved version is kept/);
    });

    it('never writes what it would not load back', async () => {
      const store = open();
      const broken = { ...sampleConversation(uuid(1), 1), updatedAt: Number.NaN };
      await assert.rejects(store.save(broken), /was not saved: expected updatedAt to be a number/);
      const wrongId = { ...sampleConversation(uuid(1), 1), id: '../../etc/passwd' };
      await assert.rejects(store.save(wrongId), /ids are UUIDs/);
      assert.deepEqual(dir.names(), []);
      assert.deepEqual(await store.load('../../etc/passwd'), { conversation: undefined, problems: [] });
    });
  });

  describe('damaged and foreign files', () => {
    it('moves a corrupt file aside, reports it, and keeps listing the others', async () => {
      const store = open();
      await store.save(sampleConversation(uuid(1), 1));
      await store.save(sampleConversation(uuid(2), 1));
      fs.writeFileSync(dir.file(`${uuid(3)}.json`), '{"version":1,"id":');
      fs.writeFileSync(dir.file(`${uuid(4)}.json`), JSON.stringify({ ...sampleConversation(uuid(4), 1), messages: [{ role: 'robot' }] }));
      fs.writeFileSync(dir.file(`${uuid(5)}.json`), JSON.stringify(sampleConversation(uuid(6), 1)));

      const { items, problems } = await open().list();
      assert.deepEqual(items.map((item) => item.id).sort(), [uuid(1), uuid(2)]);
      assert.deepEqual(
        problems.map((problem) => [problem.kind, problem.conversationId]),
        [
          ['corrupt', uuid(3)],
          ['corrupt', uuid(4)],
          ['corrupt', uuid(5)],
        ],
      );
      assert.deepEqual(reported, problems);
      const stamp = new Date(T0).toISOString().replace(/[:.]/g, '-');
      assert.equal(problems[0]?.movedTo, dir.file(`${uuid(3)}.corrupt-${stamp}.json`));
      assert.equal(fs.readFileSync(dir.file(`${uuid(3)}.corrupt-${stamp}.json`), 'utf8'), '{"version":1,"id":', 'moved, byte for byte');
      assert.match(problems[0]?.message ?? '', /is damaged \(it is not valid JSON\); it was moved to .*corrupt/);
      assert.match(problems[1]?.message ?? '', /expected messages\[0\]\.role/);
      assert.match(problems[2]?.message ?? '', /holds the conversation .*6, not .*5/);
      // Reported once: the next list is clean.
      assert.deepEqual((await open().list()).problems, []);
    });

    it('reports a conversation that became corrupt when it is opened, and drops it from the list', async () => {
      const store = open();
      await store.save(sampleConversation(uuid(1), 1));
      fs.writeFileSync(dir.file(`${uuid(1)}.json`), '\u0000\u0000\u0000');
      const { conversation, problems } = await store.load(uuid(1));
      assert.equal(conversation, undefined);
      assert.equal(problems[0]?.kind, 'corrupt');
      assert.deepEqual((await store.list()).items, []);
      assert.deepEqual(dir.names(), [`${uuid(1)}.corrupt-${new Date(T0).toISOString().replace(/[:.]/g, '-')}.json`, 'index.json']);
    });

    it('keeps a file of a newer format untouched: not listed, not overwritten, not deleted', async () => {
      const future = conversationFormatVersion + 1;
      const newer = JSON.stringify({ version: future, id: uuid(9), chapters: ['from the future'] });
      fs.writeFileSync(dir.file(`${uuid(9)}.json`), newer);
      const store = open();
      await store.save(sampleConversation(uuid(1), 1));
      const first = await store.list();
      assert.deepEqual(
        first.items.map((item) => item.id),
        [uuid(1)],
      );
      assert.deepEqual(
        first.problems.map((problem) => problem.kind),
        ['newer-version'],
      );
      assert.match(
        first.problems[0]?.message ?? '',
        new RegExp(`saved by a newer version of Switchboard \\(format ${future}\\); it is kept as it is`),
      );
      assert.equal((await store.load(uuid(9))).conversation, undefined);
      // Nothing lost, nothing overwritten: this window's conversation goes to a copy.
      const saved = await store.save(sampleConversation(uuid(9), 1));
      assert.equal(saved.kind, 'forked');
      assert.notEqual(saved.conversation.id, uuid(9));
      assert.equal(saved.conversation.title, 'Question 0 (2)');
      assert.deepEqual((await new ConversationStore({ directory: dir.path }).load(saved.conversation.id)).conversation, saved.conversation);
      await store.delete(saved.conversation.id);
      await store.delete(uuid(9));
      assert.equal(fs.readFileSync(dir.file(`${uuid(9)}.json`), 'utf8'), newer);
      assert.deepEqual(
        (await store.list()).problems.map((problem) => problem.kind),
        ['newer-version'],
        'still shown to the UI',
      );
      assert.deepEqual(
        reported.map((problem) => problem.kind),
        ['newer-version'],
        'but announced once',
      );
    });

    it('keeps a newer index aside and rebuilds its own', async () => {
      await open().save(sampleConversation(uuid(1), 1));
      fs.writeFileSync(dir.file('index.json'), JSON.stringify({ version: conversationFormatVersion + 1, anything: true }));
      const { items } = await open().list();
      assert.deepEqual(
        items.map((item) => item.id),
        [uuid(1)],
      );
      const aside = dir.names().find((name) => name.startsWith(`index.v${conversationFormatVersion + 1}-`));
      assert.ok(aside !== undefined);
      assert.equal(fs.readFileSync(dir.file(aside), 'utf8'), JSON.stringify({ version: conversationFormatVersion + 1, anything: true }));
    });

    it('does not open a file over the size limit, and leaves it as it is', async () => {
      await open().save(sampleConversation(uuid(1), 50));
      const store = open({ maxFileBytes: 1000 });
      const { conversation, problems } = await store.load(uuid(1));
      assert.equal(conversation, undefined);
      assert.equal(problems[0]?.kind, 'too-large');
      assert.match(problems[0]?.message ?? '', /over the 0\.0 MB limit; it was not opened and is kept as it is/);
      assert.ok(fs.existsSync(dir.file(`${uuid(1)}.json`)));
    });
  });

  describe('the index', () => {
    async function twoSaved(): Promise<Conversation[]> {
      const conversations = [sampleConversation(uuid(1), 1, T0), sampleConversation(uuid(2), 2, T0 + 100)];
      const store = open();
      for (const conversation of conversations) await store.save(conversation);
      return conversations;
    }

    it('is rebuilt from the files when missing', async () => {
      await twoSaved();
      fs.rmSync(dir.file('index.json'));
      const { items, problems } = await open().list();
      assert.deepEqual(
        items.map((item) => [item.id, item.messageCount]),
        [
          [uuid(2), 4],
          [uuid(1), 2],
        ],
      );
      assert.deepEqual(problems, []);
      assert.ok(fs.existsSync(dir.file('index.json')), 'and written again');
    });

    it('is rebuilt from the files when corrupt', async () => {
      await twoSaved();
      fs.writeFileSync(dir.file('index.json'), '{"version":1,"conversations":[{"id":42}]}');
      const { items } = await open().list();
      assert.deepEqual(
        items.map((item) => item.id),
        [uuid(2), uuid(1)],
      );
      assert.ok(logged.some((line) => /rebuilding it/.test(line)));
      assert.equal(JSON.parse(fs.readFileSync(dir.file('index.json'), 'utf8')).conversations.length, 2);
    });

    it('follows the files when a crash left it behind them', async () => {
      const [first] = await twoSaved();
      const staleIndex = fs.readFileSync(dir.file('index.json'), 'utf8');
      const third = sampleConversation(uuid(3), 1, T0 + 500);
      await open().save(third);
      fs.rmSync(dir.file(`${uuid(2)}.json`));
      fs.writeFileSync(dir.file('index.json'), staleIndex);
      const store = open();
      assert.deepEqual(
        (await store.list()).items.map((item) => item.id),
        [uuid(3), uuid(1)],
      );
      // A summary out of date (the file was written, the index not) is corrected when the conversation is opened.
      const renamed = renameConversation(first ?? sampleConversation(uuid(1), 1), 'Renamed', { now: T0 });
      fs.writeFileSync(dir.file(`${uuid(1)}.json`), JSON.stringify(renamed));
      await store.load(uuid(1));
      assert.equal((await store.list()).items.find((item) => item.id === uuid(1))?.title, 'Renamed');
    });

    it('sees what another window sharing the folder saved', async () => {
      const a = open();
      const b = open();
      await a.save(sampleConversation(uuid(1), 1, T0));
      await b.save(sampleConversation(uuid(2), 1, T0 + 10));
      await a.save(sampleConversation(uuid(3), 1, T0 + 20));
      assert.deepEqual(
        (await b.list()).items.map((item) => item.id),
        [uuid(3), uuid(2), uuid(1)],
      );
      await b.delete(uuid(3));
      assert.deepEqual(
        (await a.list()).items.map((item) => item.id),
        [uuid(2), uuid(1)],
      );
    });
  });

  it('deletes the oldest conversations by updatedAt past maxConversations', async () => {
    const store = open({ maxConversations: 3 });
    await store.save(sampleConversation(uuid(1), 1, T0 + 300));
    await store.save(sampleConversation(uuid(2), 1, T0 + 100));
    await store.save(sampleConversation(uuid(3), 1, T0 + 200));
    await store.save(sampleConversation(uuid(4), 1, T0 + 50));
    assert.deepEqual(
      (await store.list()).items.map((item) => item.id),
      [uuid(1), uuid(3), uuid(4)],
      'never the one just saved',
    );
    await store.save(sampleConversation(uuid(5), 1, T0 + 400));
    assert.deepEqual(
      (await open({ maxConversations: 3 }).list()).items.map((item) => item.id),
      [uuid(5), uuid(1), uuid(3)],
    );
    assert.ok(!fs.existsSync(dir.file(`${uuid(2)}.json`)));
    assert.ok(!fs.existsSync(dir.file(`${uuid(4)}.json`)));
    assert.ok(logged.some((line) => /Deleted the oldest conversation/.test(line)));
  });

  describe('saving while streaming', () => {
    function streamed(count: number): Conversation[] {
      const started = startAssistantMessage(sampleConversation(uuid(1), 1));
      const states = [started.conversation];
      for (let i = 0; i < count; i++) {
        states.push(
          applyChatEvent(states.at(-1) ?? started.conversation, started.message.id, { type: 'text-delta', text: `${i} ` }, { now: T0 + i }),
        );
      }
      return states;
    }

    it('ends concurrent saves of one conversation in the last state', async () => {
      const states = streamed(30);
      const store = open();
      await Promise.all(states.map((state) => store.save(state)));
      assert.deepEqual((await open().load(uuid(1))).conversation, states.at(-1));
      assert.equal((await open().list()).items[0]?.messageCount, 3);
    });

    it('coalesces saveSoon calls, returns the pending state from load, and writes it on flush', async () => {
      const states = streamed(200);
      const store = open({ saveDelayMs: 60_000 });
      await store.save(states[0] ?? sampleConversation(uuid(1), 1));
      for (const state of states) store.saveSoon(state);
      assert.deepEqual((await store.load(uuid(1))).conversation, states.at(-1), 'the newest state, before it is written');
      assert.notDeepEqual((await open().load(uuid(1))).conversation, states.at(-1), 'not yet on disk');
      await store.flush();
      assert.deepEqual((await open().load(uuid(1))).conversation, states.at(-1));
    });

    it('writes on its own after the delay', async () => {
      const states = streamed(5);
      const store = open({ saveDelayMs: 1 });
      for (const state of states) store.saveSoon(state);
      for (let i = 0; i < 500 && !fs.existsSync(dir.file(`${uuid(1)}.json`)); i++) await new Promise((resolve) => setTimeout(resolve, 5));
      await store.flush();
      assert.deepEqual((await open().load(uuid(1))).conversation, states.at(-1));
    });

    it('mixes save and saveSoon, and a delete cancels a pending saveSoon', async () => {
      const states = streamed(10);
      const store = open({ saveDelayMs: 60_000 });
      store.saveSoon(states[3] ?? sampleConversation(uuid(1), 1));
      await store.save(states[5] ?? sampleConversation(uuid(1), 1));
      assert.deepEqual((await open().load(uuid(1))).conversation, states[5]);
      store.saveSoon(states[9] ?? sampleConversation(uuid(1), 1));
      await store.delete(uuid(1));
      await store.flush();
      assert.deepEqual(dir.names(), ['index.json']);
      assert.deepEqual((await store.list()).items, []);
    });
  });

  it('renames a stored conversation', async () => {
    const store = open();
    await store.save(sampleConversation(uuid(1), 1));
    const renamed = await store.rename(uuid(1), '  Parsing JSON  ');
    assert.equal(renamed?.title, 'Parsing JSON');
    assert.equal((await open().list()).items[0]?.title, 'Parsing JSON');
    assert.equal((await open().load(uuid(1))).conversation?.renamed, true);
    assert.equal(await store.rename(uuid(2), 'nothing'), undefined);
  });
});

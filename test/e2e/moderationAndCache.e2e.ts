// Moderation before sending and the semantic cache in the real editor (issue 19, docs/moderation-and-caching.md),
// driven as a person would, against the fake OpenAI server (harness/fakeOpenAiServer.ts: `/moderations` and
// `/embeddings` as OpenAI's reference answers them):
// (a) with `switchboard.moderation.enabled`, a prompt the fake flags is shown with its categories; Cancel leaves the
//     draft in the composer and nothing reaches the chat endpoint; Send Anyway sends it exactly once.
// (b) with `switchboard.chat.semanticCache`, a paraphrase of an earlier first question is answered "from cache" with
//     the original question and no chat request; "Ask fresh" makes one; an unrelated question goes to the model.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { runFromCommandPalette } from './harness/commandPalette';
import { saveScreenshot } from './harness/failureArtifacts';
import type { ChatReply } from './harness/fakeOpenAiServer';
import { editor, fakeServers } from './harness/rootHooks';
import { userSetting } from './harness/userSettings';
import { findWebviewFrame } from './harness/webviewFrames';

const flaggedPrompt = 'Describe how to hurt the neighbour’s dog';
const question = 'How do I reverse a list in Python?';
const paraphrase = 'python: how to turn a list backwards';
const unrelated = 'What is the capital of France?';

async function newChat(): Promise<Frame> {
  await runFromCommandPalette(editor().page, 'Switchboard: New Chat');
  const frame = await findWebviewFrame(editor().page, '#input');
  await frame.locator('article.message').first().waitFor({ state: 'detached', timeout: 15_000 });
  return frame;
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('moderation before sending and the semantic cache', () => {
  const earlier = new Map<string, unknown>();
  let originalReply: ChatReply;
  const chatRequests = (): number => fakeServers().user.requestsTo('/chat/completions').length;

  before(async function () {
    this.timeout(60_000);
    const user = fakeServers().user;
    originalReply = user.reply;
    user.reply = () => ({ pieces: ['Use', ' reversed()', ' or [::-1].'] });
    for (const key of ['switchboard.providers', 'switchboard.moderation.enabled', 'switchboard.chat.semanticCache']) {
      earlier.set(key, await userSetting(key));
    }
    // The `openai` entry is the moderator: here the fake, keyless (the fake takes any request).
    const providers = (earlier.get('switchboard.providers') as { id: string }[] | undefined) ?? [];
    await editor().bridge.setUserSetting(
      'switchboard.providers',
      providers.map((entry) => (entry.id === 'openai' ? { ...entry, requiresKey: false } : entry)),
    );
  });

  after(async function () {
    this.timeout(60_000);
    fakeServers().user.reply = originalReply;
    fakeServers().user.moderation = () => ({});
    for (const [key, value] of earlier) await editor().bridge.setUserSetting(key, value);
    await runFromCommandPalette(editor().page, 'Switchboard: New Chat');
  });

  it('shows a flagged prompt with its categories; Cancel keeps the draft and sends nothing, Send Anyway sends it once', async () => {
    const { page, bridge } = editor();
    const user = fakeServers().user;
    await bridge.setUserSetting('switchboard.moderation.enabled', true);
    user.moderation = (input) => (input.includes('hurt') ? { violence: 0.93, harassment: 0.41 } : {});
    const frame = await newChat();
    const chatBefore = chatRequests();
    const moderationsBefore = user.requestsTo('/moderations').length;

    await frame.locator('#input').fill(flaggedPrompt);
    await frame.locator('#input').press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await dialog.textContent()) ?? '';
    assert.match(text, /flagged this message: violence, harassment\./, text);
    assert.match(text, /Nothing was sent/);
    await saveScreenshot(editor(), 'moderation flagged prompt');
    const moderations = user.requestsTo('/moderations');
    assert.equal(moderations.length, moderationsBefore + 1);
    assert.deepEqual(JSON.parse(moderations.at(-1)!.body), { model: 'omni-moderation-latest', input: flaggedPrompt });

    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    await waitForDraft(frame, flaggedPrompt);
    assert.equal(chatRequests(), chatBefore, 'nothing reached the chat endpoint');
    assert.equal(await frame.locator('article.message').count(), 0, 'no message was added');
    await saveScreenshot(editor(), 'moderation cancelled draft kept', { selector: '.part.sidebar' });

    // Sent again from the kept draft, and let through this time: exactly one chat request.
    await frame.locator('#input').press('Enter');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await dialog.locator('.monaco-button', { hasText: 'Send Anyway' }).click();
    await frame.locator('article.message.assistant').filter({ hasText: 'reversed()' }).waitFor({ timeout: 30_000 });
    await frame.locator('#send').waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(chatRequests(), chatBefore + 1);
    assert.equal(await frame.locator('#input').inputValue(), '');
    const sent = JSON.parse(user.requestsTo('/chat/completions').at(-1)!.body) as { messages: { role: string; content: unknown }[] };
    assert.match(JSON.stringify(sent.messages.at(-1)?.content), /hurt the neighbour/);
  });

  it('answers a paraphrase from the cache with the original question; Ask fresh sends it to the model once', async () => {
    const { bridge } = editor();
    const user = fakeServers().user;
    await bridge.setUserSetting('switchboard.moderation.enabled', false);
    await bridge.setUserSetting('switchboard.chat.semanticCache', { embeddingModel: 'local-fake/text-embedding-3-small' });
    // Paraphrases point nearly the same way (cosine 0.96), anything else elsewhere.
    user.embedding = (input) => (input === question ? [1, 0, 0] : input === paraphrase ? [0.96, 0.28, 0] : [0, 0.2, 0.98]);

    let frame = await newChat();
    const chatBefore = chatRequests();
    await frame.locator('#input').fill(question);
    await frame.locator('#input').press('Enter');
    await frame.locator('article.message.assistant').filter({ hasText: 'reversed()' }).waitFor({ timeout: 30_000 });
    await frame.locator('#send').waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(chatRequests(), chatBefore + 1);
    await waitFor(() => user.requestsTo('/embeddings').length >= 1, 'the question to be embedded');

    frame = await newChat();
    await frame.locator('#input').fill(paraphrase);
    await frame.locator('#input').press('Enter');
    const answer = frame.locator('article.message.assistant').last();
    const note = answer.locator('.semantic-cache');
    await note.waitFor({ timeout: 30_000 });
    assert.match((await note.textContent()) ?? '', /earlier similar question: “How do I reverse a list in Python\?”/);
    assert.match((await answer.locator('.message-header').textContent()) ?? '', /from cache/);
    assert.match((await answer.textContent()) ?? '', /reversed\(\)/);
    assert.equal(chatRequests(), chatBefore + 1, 'the paraphrase made no chat request');
    const embedded = JSON.parse(user.requestsTo('/embeddings').at(-1)!.body) as { model: string; input: string[] };
    assert.deepEqual(embedded, { model: 'text-embedding-3-small', input: [paraphrase] });
    await saveScreenshot(editor(), 'semantic cache answer from cache', { selector: '.part.sidebar' });

    user.reply = () => ({ pieces: ['Fresh:', ' use reversed().'] });
    await note.locator('button.ask-fresh').click();
    await frame.locator('article.message.assistant').filter({ hasText: 'Fresh: use reversed().' }).waitFor({ timeout: 30_000 });
    await frame.locator('#send').waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(chatRequests(), chatBefore + 2, 'Ask fresh made exactly one chat request');
    assert.equal(await frame.locator('article.message.assistant .semantic-cache').count(), 0);
    const fresh = JSON.parse(user.requestsTo('/chat/completions').at(-1)!.body) as { messages: { role: string; content: unknown }[] };
    assert.match(JSON.stringify(fresh.messages.at(-1)?.content), /turn a list backwards/);
    await saveScreenshot(editor(), 'semantic cache after ask fresh', { selector: '.part.sidebar' });

    // An unrelated first question is far from both: the model answers it.
    frame = await newChat();
    await frame.locator('#input').fill(unrelated);
    await frame.locator('#input').press('Enter');
    await frame.locator('article.message.assistant').filter({ hasText: 'Fresh: use reversed().' }).waitFor({ timeout: 30_000 });
    await frame.locator('#send').waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(chatRequests(), chatBefore + 3);
    assert.equal(await frame.locator('article.message.assistant .semantic-cache').count(), 0);
  });
});

async function waitForDraft(frame: Frame, text: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await frame.locator('#input').inputValue()) !== text) {
    if (Date.now() > deadline) throw new Error(`the draft did not come back: “${await frame.locator('#input').inputValue()}”`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

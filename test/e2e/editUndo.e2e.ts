// Editing a sent message in the real editor (issue 13, "nothing lost"): the chat says in place how many later
// messages sending removes; after sending, Undo — pressed while the edited question's answer still streams — stops
// that answer and brings back every message as it was, saved (it is still there after a window reload).
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { runFromCommandPalette } from './harness/commandPalette';
import { saveScreenshot } from './harness/failureArtifacts';
import { editor, fakeServers } from './harness/rootHooks';
import { findWebviewFrame } from './harness/webviewFrames';

async function chatFrame(): Promise<Frame> {
  await runFromCommandPalette(editor().page, 'Switchboard: Open Chat');
  return findWebviewFrame(editor().page, '#input');
}

async function ask(frame: Frame, text: string): Promise<void> {
  await frame.locator('#input').fill(text);
  await frame.locator('#input').press('Enter');
  await frame.locator('article.message.assistant', { hasText: `Answer to ${text}.` }).waitFor({ timeout: 15_000 });
  await frame.locator('#send').waitFor({ state: 'visible', timeout: 10_000 });
}

/** The text of every message shown, in order. */
async function shown(frame: Frame): Promise<string[]> {
  const texts = await frame.locator('article.message .message-text, article.message .message-body').allTextContents();
  return texts.map((text) => text.trim());
}

describe('editing a sent message in the real editor', () => {
  it('says what sending removes, and Undo brings every message back, saved', async () => {
    const { user } = fakeServers();
    user.reply = (body) => ({ pieces: [`Answer to ${body.messages.at(-1)?.content ?? ''}.`] });
    await runFromCommandPalette(editor().page, 'Switchboard: New Chat');
    const frame = await chatFrame();
    for (const question of ['First question', 'Second question', 'Third question']) await ask(frame, question);
    const before = await shown(frame);
    assert.deepEqual(before, [
      'First question',
      'Answer to First question.',
      'Second question',
      'Answer to Second question.',
      'Third question',
      'Answer to Third question.',
    ]);

    await frame.locator('#input').fill('a draft of my own');
    const first = frame.locator('article.message.user').first();
    await first.hover();
    await first.locator('.message-action').click();
    assert.equal(await frame.locator('#input').inputValue(), 'First question');
    assert.equal(
      await frame.locator('#composer-editing-note').innerText(),
      'Editing a sent message: sending replaces it and removes the 5 messages after it.',
    );
    await saveScreenshot(editor(), 'chat editing an earlier message');

    // The edited question's answer streams slowly: Undo comes while it still runs.
    user.reply = (body) => ({
      pieces: [`Answer to ${body.messages.at(-1)?.content ?? ''}, part one; `, 'part two; ', 'part three.'],
      delayMs: 1500,
    });
    const requests = user.requestsTo('/chat/completions').length;
    await frame.locator('#input').fill('First question, reworded');
    await frame.locator('#input').press('Enter');
    await frame.locator('article.message.assistant', { hasText: 'part one' }).waitFor({ timeout: 15_000 });
    assert.equal(await frame.locator('article.message').count(), 2, 'the later messages are gone');
    assert.equal(await frame.locator('#input').inputValue(), 'a draft of my own', 'the draft is back');
    const request = user.requestsTo('/chat/completions')[requests];
    assert.ok(request, 'the edit was sent');
    const sent = JSON.parse(request.body) as { messages: { role: string; content: string }[] };
    assert.deepEqual(
      sent.messages.filter((message) => message.role !== 'system').map((message) => message.content),
      ['First question, reworded'],
    );
    await frame.locator('.notice-undo', { hasText: 'the 5 messages after it were removed' }).waitFor({ timeout: 10_000 });
    await saveScreenshot(editor(), 'chat after an edit, with Undo');

    await frame.locator('#undo-edit').focus();
    await frame.locator('#undo-edit').press('Enter');
    await Promise.race([
      request.closed,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the edited answer was not stopped')), 10_000)),
    ]);
    await frame.locator('article.message').nth(5).waitFor({ timeout: 10_000 });
    await frame.locator('#send').waitFor({ state: 'visible', timeout: 10_000 });
    assert.deepEqual(await shown(frame), before);
    await frame.locator('.notice', { hasText: 'The conversation is back as it was before the edit.' }).waitFor({ timeout: 10_000 });
    await saveScreenshot(editor(), 'chat after Undo');

    // Saved: a reload opens it as restored.
    await editor().reloadWindow();
    const again = await chatFrame();
    await again.locator('article.message').nth(5).waitFor({ timeout: 20_000 });
    assert.deepEqual(await shown(again), before);
  });
});

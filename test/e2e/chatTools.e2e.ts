// The chat's tools in the real editor, as a person meets them (issue 17, docs/chat.md "Tools"): the fake model asks to
// read a file, the call's card appears and waits, Allow runs it, and the file's text reaches the model in the next
// request before the final answer shows; Deny sends the refusal instead; `.env` is refused by name however the user
// answers; a proposed edit opens the review and nothing is written before Accept; "always allow" lets read-only tools
// run unasked, and "Ask again" takes it back.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator } from 'playwright-core';
import { runFromCommandPalette } from './harness/commandPalette';
import { saveScreenshot } from './harness/failureArtifacts';
import type { ChatReply, FakeChatMessage } from './harness/fakeOpenAiServer';
import { editor, fakeServers } from './harness/rootHooks';
import { findWebviewFrame } from './harness/webviewFrames';

const targetText = 'The launch code is tool-marker-41c7.\nSecond line.\n';
const secret = 'API_TOKEN=tool-secret-never-sent-0b9e';

async function chatFrame(): Promise<Frame> {
  await runFromCommandPalette(editor().page, 'Switchboard: New Chat');
  return findWebviewFrame(editor().page, '#input');
}

/** The card of the tool call whose title matches `title`. */
function card(frame: Frame, title: RegExp): Locator {
  return frame.locator('[role="group"][aria-label^="Tool call"]', { hasText: title }).first();
}

/** The tool results the fake received (the `tool` messages of a request). */
function toolResults(messages: readonly FakeChatMessage[]): string[] {
  return messages.filter((message) => message.role === 'tool').map((message) => String(message.content));
}

/**
 * A model that calls one tool, then answers with what the tool gave it: the second request holds the result (as a
 * `tool` message), and the answer quotes its start so the view shows that it arrived.
 */
function oneCallThenAnswer(name: string, args: Record<string, unknown>): ChatReply {
  return (body) => {
    const results = toolResults(body.messages);
    if (results.length === 0)
      return { pieces: ['Let me look.'], toolCalls: [{ id: `call_${name}_1`, name, arguments: JSON.stringify(args) }] };
    return { pieces: ['The tool said: ', (results[0] ?? '').slice(0, 120).replace(/\s+/g, ' ')] };
  };
}

/** The bodies of the chat requests made since `from`. */
function chatRequestsSince(from: number): { messages: FakeChatMessage[]; tools?: { function: { name: string } }[] }[] {
  return fakeServers()
    .user.requestsTo('/chat/completions')
    .slice(from)
    .map((request) => JSON.parse(request.body) as { messages: FakeChatMessage[]; tools?: { function: { name: string } }[] });
}

describe('the chat’s tools in the real editor', () => {
  let originalReply: ChatReply;

  before(() => {
    const workspace = editor().dirs.workspace;
    mkdirSync(path.join(workspace, 'notes'), { recursive: true });
    writeFileSync(path.join(workspace, 'notes', 'tool-target.txt'), targetText);
    writeFileSync(path.join(workspace, 'notes', '.env'), `${secret}\n`);
    originalReply = fakeServers().user.reply;
  });

  after(() => {
    fakeServers().user.reply = originalReply;
  });

  it('a read_file call waits on its card; Allow runs it and the file reaches the model before the answer', async function () {
    this.timeout(120_000);
    const { user } = fakeServers();
    user.reply = oneCallThenAnswer('read_file', { path: 'notes/tool-target.txt' });
    const from = user.requestsTo('/chat/completions').length;
    const frame = await chatFrame();
    await frame.locator('#input').fill('What does notes/tool-target.txt say?');
    await frame.locator('#input').press('Enter');

    const readCard = card(frame, /tool-target\.txt/);
    const allow = readCard.getByRole('button', { name: 'Allow', exact: true });
    await allow.waitFor({ timeout: 30_000 });
    // Waiting for the user: only the first request went out, and the tools were offered with it.
    const [first] = chatRequestsSince(from);
    assert.equal(chatRequestsSince(from).length, 1);
    assert.ok(
      first?.tools?.some((tool) => tool.function.name === 'read_file'),
      'read_file was not offered to the model',
    );
    await saveScreenshot(editor(), 'chat-tool-card-pending');

    await allow.click();
    await frame.locator('.message.assistant .message-body', { hasText: 'tool-marker-41c7' }).first().waitFor({ timeout: 30_000 });
    const requests = chatRequestsSince(from);
    assert.equal(requests.length, 2);
    const results = toolResults(requests[1]?.messages ?? []);
    assert.equal(results.length, 1);
    assert.match(results[0] ?? '', /tool-marker-41c7/);
    // The card says it ran, and how much it returned.
    await readCard.locator('text=/\\d+(\\.\\d+)?\\s?(B|KB)/').first().waitFor({ timeout: 10_000 });
    await saveScreenshot(editor(), 'chat-tool-card-done');
  });

  it('Deny is honoured: nothing is read, and the model is told the user said no', async function () {
    this.timeout(120_000);
    const { user } = fakeServers();
    user.reply = oneCallThenAnswer('read_file', { path: 'notes/tool-target.txt' });
    const from = user.requestsTo('/chat/completions').length;
    const frame = await chatFrame();
    await frame.locator('#input').fill('Read the note, please.');
    await frame.locator('#input').press('Enter');
    const deny = card(frame, /tool-target\.txt/).getByRole('button', { name: 'Deny', exact: true });
    await deny.waitFor({ timeout: 30_000 });
    await deny.click();
    await frame.locator('.message.assistant .message-body', { hasText: 'did not allow' }).first().waitFor({ timeout: 30_000 });
    const results = toolResults(chatRequestsSince(from)[1]?.messages ?? []);
    assert.equal(results.length, 1);
    assert.match(results[0] ?? '', /did not allow read_file/);
    assert.doesNotMatch(results[0] ?? '', /tool-marker-41c7/);
  });

  it('.env is refused by name even when allowed: the secret never reaches the model, the card says why', async function () {
    this.timeout(120_000);
    const { user } = fakeServers();
    user.reply = oneCallThenAnswer('read_file', { path: 'notes/.env' });
    const from = user.requestsTo('/chat/completions').length;
    const frame = await chatFrame();
    await frame.locator('#input').fill('Show me the env file.');
    await frame.locator('#input').press('Enter');
    const envCard = card(frame, /\.env/);
    await envCard.getByRole('button', { name: 'Allow', exact: true }).click({ timeout: 30_000 });
    await frame.locator('.message.assistant .message-body', { hasText: 'The tool said' }).first().waitFor({ timeout: 30_000 });
    const requests = chatRequestsSince(from);
    const results = toolResults(requests[1]?.messages ?? []);
    assert.match(results[0] ?? '', /switchboard\.context\.exclude/);
    for (const request of requests) assert.doesNotMatch(JSON.stringify(request), /tool-secret-never-sent/);
    await envCard
      .getByText(/switchboard\.context\.exclude/)
      .first()
      .waitFor({ timeout: 10_000 });
  });

  it('a proposed edit opens the review when the answer ends, and the file is unchanged until Accept', async function () {
    this.timeout(120_000);
    const { page } = editor();
    const { user } = fakeServers();
    const file = path.join(editor().dirs.workspace, 'notes', 'tool-target.txt');
    user.reply = oneCallThenAnswer('propose_edit', {
      path: 'notes/tool-target.txt',
      search: 'Second line.',
      replace: 'Second line, proposed by the model.',
      explanation: 'Clarify the second line.',
    });
    const frame = await chatFrame();
    await frame.locator('#input').fill('Improve the second line of the note.');
    await frame.locator('#input').press('Enter');
    await card(frame, /tool-target\.txt/)
      .getByRole('button', { name: 'Allow', exact: true })
      .click({ timeout: 30_000 });
    await frame.locator('.message.assistant .message-body', { hasText: 'The tool said' }).first().waitFor({ timeout: 30_000 });
    // The review: a diff editor tab for the proposal, with Accept in its title bar.
    await page
      .locator('.tab', { hasText: /tool-target\.txt/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await saveScreenshot(editor(), 'chat-tool-proposed-edit-review');
    assert.equal(readFileSync(file, 'utf8'), targetText, 'the file was written before Accept');
    await runFromCommandPalette(page, 'Switchboard: Reject Proposed Change');
    assert.equal(readFileSync(file, 'utf8'), targetText);
  });

  it('"Always allow read-only tools here" lets the next read run unasked, and "Ask again" takes it back', async function () {
    this.timeout(150_000);
    const { user } = fakeServers();
    user.reply = oneCallThenAnswer('list_files', { folder: 'notes' });
    let frame = await chatFrame();
    await frame.locator('#input').fill('Which notes are there?');
    await frame.locator('#input').press('Enter');
    const always = card(frame, /notes/).getByRole('button', { name: /Always allow/ });
    await always.click({ timeout: 30_000 });
    await frame.locator('.message.assistant .message-body', { hasText: 'The tool said' }).first().waitFor({ timeout: 30_000 });

    const from = user.requestsTo('/chat/completions').length;
    user.reply = oneCallThenAnswer('read_file', { path: 'notes/tool-target.txt' });
    frame = await chatFrame();
    await frame.locator('#input').fill('And what does the note say?');
    await frame.locator('#input').press('Enter');
    await frame.locator('.message.assistant .message-body', { hasText: 'tool-marker-41c7' }).first().waitFor({ timeout: 30_000 });
    assert.equal(chatRequestsSince(from).length, 2, 'the read ran without a decision');
    const askAgain = card(frame, /tool-target\.txt/).getByRole('button', { name: 'Ask again' });
    await askAgain.click({ timeout: 10_000 });

    user.reply = oneCallThenAnswer('read_file', { path: 'notes/tool-target.txt' });
    frame = await chatFrame();
    await frame.locator('#input').fill('Once more, please.');
    await frame.locator('#input').press('Enter');
    await card(frame, /tool-target\.txt/)
      .getByRole('button', { name: 'Deny', exact: true })
      .click({ timeout: 30_000 });
    await frame.locator('.message.assistant .message-body', { hasText: 'did not allow' }).first().waitFor({ timeout: 30_000 });
  });
});

// The selection commands in the real editor, against the fake OpenAI-compatible server (chat model
// `local-fake/fake-model-a` from the user settings).
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runFromCommandPalette } from './harness/commandPalette';
import { saveScreenshot } from './harness/failureArtifacts';
import { editor, fakeServers } from './harness/rootHooks';
import { findWebviewFrame } from './harness/webviewFrames';
import type { Locator, Page } from 'playwright-core';
import { notification } from './harness/workbench';

const original = [
  'export function greet(name: string): string {',
  "  return 'Hello, ' + name + '!';",
  '}',
  '',
  'export const answer = 42;',
  '',
].join('\n');
const proposed = ['export function greet(name: string): string {', '  return `Hello, ${name}!`;', '}'].join('\n');
const fencedReply = `Sure, here it is:\n\n\`\`\`typescript\n${proposed}\n\`\`\`\n\nIt uses a template string now.`;

/** A fresh file for each test, written to disk as a person's project would have it. */
function writeTarget(name: string): string {
  const relative = `src/${name}.ts`;
  writeFileSync(path.join(editor().dirs.workspace, relative), original);
  return relative;
}

async function textOf(relative: string): Promise<string> {
  return (await editor().bridge.documentText(relative)).text;
}

/** A button of the active editor's title bar (Accept / Reject of a proposal live there), by its label's start. */
function titleAction(page: Page, label: string): Locator {
  return page.locator(`.editor-group-container.active .editor-actions .action-label[aria-label^="${label}"]`).first();
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describe('selection commands in the real editor', () => {
  before(async () => {
    // Other suites may have chosen another model (or removed its key): these tests talk to the keyless fake.
    await editor().bridge.executeCommand('switchboard.selectModel', { model: 'local-fake/fake-model-a' });
  });

  it('explains a selection in the chat view, with the code as a context chip', async () => {
    const { page, bridge } = editor();
    const { user } = fakeServers();
    user.reply = () => ({ pieces: ['This function ', 'builds a greeting.'] });
    const file = writeTarget('explainMe');
    await bridge.select(file, 0, 2);
    const before = user.requestsTo('/chat/completions').length;
    await runFromCommandPalette(page, 'Switchboard: Explain the Selection');
    const frame = await findWebviewFrame(page, '#input');
    const answer = frame.locator('article.message.assistant').last();
    await answer.locator('.message-body', { hasText: 'builds a greeting.' }).waitFor({ timeout: 20_000 });
    const question = frame.locator('article.message.user').last();
    assert.match((await question.locator('.chip').textContent()) ?? '', /explainMe\.ts:1-3/);
    const body = JSON.parse(user.requestsTo('/chat/completions')[before]?.body ?? '{}') as {
      messages: { role: string; content: string }[];
    };
    const prompt = body.messages.at(-1)?.content ?? '';
    assert.match(prompt, /Explain this typescript code/);
    assert.ok(prompt.includes("return 'Hello, ' + name + '!';"), prompt);
    await saveScreenshot(editor(), 'explain selection in chat');
  });

  it('refactors with a fixed instruction: the diff, accept on its title bar, the file exactly as proposed, undo restores it', async () => {
    const { page, bridge } = editor();
    const { user } = fakeServers();
    user.reply = () => ({ pieces: [fencedReply] });
    const file = writeTarget('refactorAccept');
    await bridge.select(file, 0, 2);
    const before = user.requestsTo('/chat/completions').length;
    const running = bridge.executeCommand<string>('switchboard.refactorSelection', { instruction: 'use a template string' });
    // The diff shows the original and the proposal side by side before anything changes; Accept and Reject wait
    // on its title bar (not in a notification that hides itself).
    await page.locator('.monaco-diff-editor').first().waitFor({ timeout: 20_000 });
    const accept = titleAction(page, 'Accept Proposed Change');
    await accept.waitFor({ timeout: 20_000 });
    await titleAction(page, 'Reject Proposed Change').waitFor({ timeout: 5_000 });
    assert.equal(await titleAction(page, 'Accept All Proposed Changes').count(), 0, 'Accept All is for several files');
    assert.equal(await textOf(file), original, 'the file changed before the proposal was accepted');
    await saveScreenshot(editor(), 'refactor diff before accept');
    await accept.click();
    assert.equal(await running, 'applied');
    // Deciding closes the diff, and the buttons go with it.
    await titleAction(page, 'Accept Proposed Change').waitFor({ state: 'detached', timeout: 10_000 });
    const expected = `${proposed}\n\nexport const answer = 42;\n`;
    assert.equal(await textOf(file), expected);
    const prompt =
      (JSON.parse(user.requestsTo('/chat/completions')[before]?.body ?? '{}') as { messages: { content: string }[] }).messages.at(-1)
        ?.content ?? '';
    assert.match(prompt, /Instruction: use a template string/);
    await bridge.undo(file);
    assert.equal(await textOf(file), original, 'one undo restores the original');
  });

  it('leaves the file byte for byte unchanged when the proposal is rejected', async () => {
    const { page, bridge } = editor();
    fakeServers().user.reply = () => ({ pieces: [fencedReply] });
    const file = writeTarget('refactorReject');
    await bridge.select(file, 0, 2);
    const running = bridge.executeCommand<string>('switchboard.refactorSelection', { instruction: 'use a template string' });
    const reject = titleAction(page, 'Reject Proposed Change');
    await reject.waitFor({ timeout: 20_000 });
    await reject.click();
    assert.equal(await running, 'rejected');
    const state = await bridge.documentText(file);
    assert.equal(state.text, original);
    assert.equal(state.isDirty, false);
    assert.equal(readFileSync(path.join(editor().dirs.workspace, file), 'utf8'), original);
  });

  it('sends the diagnostics that touch the selection with fix', async () => {
    const { bridge } = editor();
    const { user } = fakeServers();
    user.reply = () => ({ pieces: [fencedReply] });
    const file = writeTarget('fixMe');
    await bridge.setDiagnostics(file, [
      { line: 1, message: "Operator '+' is better as a template string (e2e-rule-17)" },
      { line: 4, message: 'This one is outside the selection' },
    ]);
    await bridge.select(file, 0, 2);
    const before = user.requestsTo('/chat/completions').length;
    assert.equal(await bridge.executeCommand('switchboard.fixSelection', { apply: 'reject' }), 'rejected');
    const prompt =
      (JSON.parse(user.requestsTo('/chat/completions')[before]?.body ?? '{}') as { messages: { content: string }[] }).messages.at(-1)
        ?.content ?? '';
    assert.ok(prompt.includes("Operator '+' is better as a template string (e2e-rule-17)"), prompt);
    assert.ok(!prompt.includes('This one is outside the selection'), 'a diagnostic outside the selection was sent');
    assert.equal(await textOf(file), original);
  });

  it('changes nothing and says why when the reply holds no code', async () => {
    const { page, bridge } = editor();
    fakeServers().user.reply = () => ({ pieces: ['I think this code is fine as it is. ', 'There is nothing to change here.'] });
    const file = writeTarget('noCode');
    await bridge.select(file, 0, 2);
    assert.equal(await bridge.executeCommand('switchboard.refactorSelection', { instruction: 'make it better' }), 'no-code');
    await notification(page, /Nothing was changed: the model answered in prose/).waitFor({ timeout: 10_000 });
    assert.equal(await textOf(file), original);
  });

  it('does not overwrite a file edited while the proposal streams, and shows the first text at once', async () => {
    const { page, bridge } = editor();
    const { user } = fakeServers();
    const lines = proposed.split('\n');
    user.reply = () => ({ pieces: [`\`\`\`typescript\n${lines[0]}\n${lines[1]}\n`, `${lines[2]}\n`, '```\n'], delayMs: 2000 });
    const file = writeTarget('editedMeanwhile');
    await bridge.select(file, 0, 2);
    const before = user.requestsTo('/chat/completions').length;
    const running = bridge.executeCommand<string>('switchboard.refactorSelection', {
      instruction: 'use a template string',
      apply: 'accept',
    });
    // The proposal's new line shows in the diff while the server still holds the rest back.
    const request = await waitFor('the request', async () => user.requestsTo('/chat/completions')[before]);
    const proposedLine = page.locator('.monaco-diff-editor .editor.modified .view-line', { hasText: '${name}!`' }).first();
    await proposedLine.waitFor({ timeout: 15_000 });
    const seenAt = Date.now();
    const sentAt = request.pieceTimes[0];
    assert.ok(sentAt !== undefined && request.pieceTimes.length < 3, 'the whole answer had already arrived');
    console.log(`      first proposal text on screen ${seenAt - sentAt} ms after the server sent it (Playwright polling included)`);
    await bridge.insertText(file, 0, '// edited by hand while the proposal streamed\n');
    assert.equal(await running, 'conflict');
    await notification(page, /The file changed while the proposal was being made/).waitFor({ timeout: 10_000 });
    const text = await textOf(file);
    assert.ok(text.startsWith('// edited by hand while the proposal streamed\n'));
    assert.ok(text.includes("return 'Hello, ' + name + '!';"), 'the proposal overwrote the file');
    assert.ok(!text.includes('`Hello, ${name}!`'));
  });

  it('writes tests into a new, unsaved file next to the source, named after the project convention', async () => {
    const { page, bridge, dirs } = editor();
    fakeServers().user.reply = () => ({
      pieces: ["```ts\nimport { greet } from './testMe';\n\nit('greets', () => {\n  expect(greet('Ada')).toBe('Hello, Ada!');\n});\n```\n"],
    });
    const file = writeTarget('testMe');
    writeFileSync(path.join(dirs.workspace, 'src', 'other.spec.ts'), '// the project names its tests *.spec.ts\n');
    await bridge.select(file, 0, 2);
    const uri = await bridge.executeCommand<string>('switchboard.generateTests');
    assert.match(uri, /^untitled:.*\/src\/testMe\.spec\.ts$/);
    await page.locator('.tab', { hasText: 'testMe.spec.ts' }).first().waitFor({ timeout: 10_000 });
    await page.locator('.view-line', { hasText: "expect(greet('Ada'))" }).first().waitFor({ timeout: 10_000 });
    await saveScreenshot(editor(), 'generated tests');
  });
});

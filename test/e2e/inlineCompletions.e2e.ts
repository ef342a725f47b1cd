// Inline completions in the real editor (issue 18, docs/completions.md): typing in a file shows ghost text from a
// fill-in-the-middle server (the fake answers OpenAI's legacy Completions API with `suffix`, as llama.cpp and LM
// Studio do), Tab inserts it, typing on aborts the request the server is still thinking about (it sees the connection
// close), and a file of switchboard.completions.exclude sends nothing.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { saveScreenshot } from './harness/failureArtifacts';
import type { FakeCompletionBody } from './harness/fakeOpenAiServer';
import { editor, fakeServers } from './harness/rootHooks';

const model = 'local-fake/fake-coder-1.5b';

function completionRequests(): { body: FakeCompletionBody; closed: Promise<void>; pieceTimes: number[] }[] {
  return fakeServers()
    .user.requestsTo('/completions')
    .filter((request) => !request.path.endsWith('/chat/completions'))
    .map((request) => ({ body: JSON.parse(request.body) as FakeCompletionBody, closed: request.closed, pieceTimes: request.pieceTimes }));
}

/** Opens `file` with the cursor at the end of line `line` (0-based), once the editor shows it there, ready to type. */
async function cursorAtLineEnd(file: string, line: number): Promise<void> {
  const { page, bridge } = editor();
  await bridge.select(file, line, line);
  // The selection lands a moment after the editor opens: typing before that would go elsewhere.
  await page
    .locator('.statusbar-item', { hasText: new RegExp(`Ln ${line + 1}, Col \\d+ \\(\\d+ selected\\)`) })
    .first()
    .waitFor({ timeout: 20_000 });
  await page.keyboard.press('End');
  await page
    .locator('.statusbar-item', { hasText: new RegExp(`^\\s*Ln ${line + 1}, Col \\d+\\s*$`) })
    .first()
    .waitFor({ timeout: 20_000 });
}

/** Resolves once `count` completion requests have reached the fake. */
async function completionRequestCount(count: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (completionRequests().length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} completion requests, saw ${completionRequests().length}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('inline completions in the real editor', () => {
  before(async () => {
    const workspace = editor().dirs.workspace;
    mkdirSync(path.join(workspace, 'completions'), { recursive: true });
    writeFileSync(
      path.join(workspace, 'completions', 'math.ts'),
      'export function add(a: number, b: number): number {\n  return \n}\n\nexport const answer = add(40, 2);\n',
    );
    writeFileSync(path.join(workspace, 'completions', 'local.env'), 'API_TOKEN=\n');
    await editor().bridge.executeCommand('switchboard.selectCompletionModel', model);
    // The language's own suggestion list would take Tab for itself; ghost text alone is what is tested here.
    await editor().bridge.setUserSetting('editor.quickSuggestions', { other: 'off', comments: 'off', strings: 'off' });
  });

  after(async () => {
    fakeServers().user.completionReply = () => ({ text: '' });
    await editor().bridge.executeCommand('switchboard.selectCompletionModel', '');
    await editor().bridge.setUserSetting('editor.quickSuggestions', undefined);
  });

  it('shows ghost text from the fill-in-the-middle server, and Tab inserts it', async function () {
    this.timeout(120_000);
    const { page, bridge } = editor();
    const { user } = fakeServers();
    user.completionReply = (body) => ({ text: body.prompt.endsWith('return a') ? ' + b;' : '' });
    const before = completionRequests().length;
    await cursorAtLineEnd('completions/math.ts', 1);
    await page.keyboard.type('a', { delay: 50 });
    // Monaco draws ghost text as injected text (CSS generated content), which the DOM does not hold as text: the fake
    // having answered, and Tab inserting exactly its middle below, is what shows it was offered.
    await completionRequestCount(before + 1);
    const answered = Date.now() + 20_000;
    while (completionRequests()[before]?.pieceTimes.length === 0 && Date.now() < answered) await new Promise((r) => setTimeout(r, 50));
    await new Promise((resolve) => setTimeout(resolve, 700));
    await saveScreenshot(editor(), 'inline-completion-ghost-text');

    const sent = completionRequests().slice(before).at(-1);
    assert.ok(sent, 'no completion request reached the fake');
    assert.equal(sent.body.model, 'fake-coder-1.5b');
    assert.match(sent.body.prompt, /export function add\(a: number, b: number\): number \{\n {2}return a$/);
    assert.match(sent.body.suffix ?? '', /^\n\}\n\nexport const answer/);

    await page.keyboard.press('Tab');
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { text } = await bridge.documentText('completions/math.ts');
      if (text.includes('  return a + b;\n}')) break;
      if (Date.now() > deadline) assert.fail(`Tab did not insert the suggestion:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await bridge.executeCommand('workbench.action.files.revert');
  });

  it('typing on aborts the request the server is still working on: it sees the connection close', async function () {
    this.timeout(120_000);
    const { page, bridge } = editor();
    const { user } = fakeServers();
    user.completionReply = () => ({ text: ' + b;', delayMs: 4_000 });
    const before = completionRequests().length;
    await cursorAtLineEnd('completions/math.ts', 1);
    // Not the `a` of the test above: its answer is cached, and a cached answer sends no request.
    await page.keyboard.type('b', { delay: 50 });
    await completionRequestCount(before + 1);
    const first = completionRequests()[before];
    assert.ok(first);
    // The user types on while the server thinks: that request is dropped, its connection closed.
    await page.keyboard.type(' *', { delay: 30 });
    await first.closed;
    assert.deepEqual(first.pieceTimes, [], 'the server answered a request the editor no longer wanted');
    await bridge.executeCommand('workbench.action.files.revert');
  });

  it('a file of switchboard.completions.exclude sends nothing', async function () {
    this.timeout(120_000);
    const { page, bridge } = editor();
    const { user } = fakeServers();
    user.completionReply = () => ({ text: 'leaked' });
    const before = completionRequests().length;
    await cursorAtLineEnd('completions/local.env', 0);
    await page.keyboard.type('sk-abc', { delay: 60 });
    // A control: the same typing in an ordinary file does reach the server, so silence above is the exclusion.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const afterEnv = completionRequests().length;
    await cursorAtLineEnd('completions/math.ts', 1);
    // A different character from the first test's: its answer is cached, and a cache hit sends nothing.
    await page.keyboard.type('b', { delay: 50 });
    await completionRequestCount(afterEnv + 1);
    assert.equal(afterEnv, before, 'a request was sent for an excluded file');
    for (const request of completionRequests()) assert.doesNotMatch(request.body.prompt, /API_TOKEN/);
    await bridge.executeCommand('workbench.action.files.revert');
    await bridge.select('completions/local.env', 0, 0);
    await bridge.executeCommand('workbench.action.files.revert');
  });
});

// Applying code from an answer in the real editor: the in-host suite (placement into real files, one and several
// files under review, accept and reject through the review commands), then the whole way from the chat: "Apply all"
// on an answer of the fake OpenAI-compatible server, the multi-file diff, and Accept All on its title bar.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runFromCommandPalette } from './harness/commandPalette';
import { saveScreenshot } from './harness/failureArtifacts';
import { reportHostResults } from './harness/hostBridge';
import { editor, fakeServers } from './harness/rootHooks';
import { findWebviewFrame } from './harness/webviewFrames';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describe('applying code from an answer in the real editor', () => {
  it('places fragments, reviews one or several files, accepts and rejects on the diff (in-host suite)', async function () {
    this.timeout(300_000);
    reportHostResults('applyCode', await editor().bridge.runSuite('applyCode', 280_000));
  });

  it('applies one block from the chat in the middle of its file, says how it was placed, and accepts with Ctrl+Enter', async function () {
    this.timeout(120_000);
    const { page, bridge, dirs } = editor();
    await bridge.executeCommand('switchboard.selectModel', { model: 'local-fake/fake-model-a' });
    const folder = path.join(dirs.workspace, 'src', 'applyOne');
    mkdirSync(folder, { recursive: true });
    const functions = Array.from({ length: 8 }, (_, index) => `export function f${index}(): number {\n  return ${index};\n}\n`);
    const original = functions.join('\n');
    writeFileSync(path.join(folder, 'many.ts'), original);
    fakeServers().user.reply = () => ({
      pieces: ['Make f5 return fifty:\n\n', '```ts src/applyOne/many.ts\nexport function f5(): number {\n  return 50;\n}\n```\n'],
    });
    await runFromCommandPalette(page, 'Switchboard: Open Chat');
    await runFromCommandPalette(page, 'Switchboard: New Chat');
    const frame = await findWebviewFrame(page, '#input');
    await frame.locator('#input').fill('Make f5 return fifty.');
    await frame.locator('#input').press('Enter');
    const apply = frame.locator('article.message.assistant').last().locator('button.sb-code-action[data-action="applyAsDiff"]');
    await apply.waitFor({ timeout: 20_000 });
    assert.equal(await apply.getAttribute('aria-label'), 'Apply to src/applyOne/many.ts');
    await apply.click();

    // The diff's title says which rule placed the block; Accept waits on the title bar and on Ctrl+Enter.
    await page
      .locator('.tab', { hasText: /many\.ts ↔ proposal \(placed by .*lines 21–23\)/ })
      .first()
      .waitFor({ timeout: 20_000 });
    await page.locator('.editor-group-container.active .editor-actions .action-label[aria-label^="Accept Proposed Change"]').waitFor();
    assert.equal((await bridge.documentText('src/applyOne/many.ts')).text, original, 'the file changed before accept');
    await page.locator('.editor-group-container.active .monaco-diff-editor .editor.modified .view-lines').first().click();
    await page.keyboard.press('Control+Enter');
    const expected = original.replace('return 5;', 'return 50;');
    await waitFor('the accepted change', async () =>
      (await bridge.documentText('src/applyOne/many.ts')).text === expected ? true : undefined,
    );
    await frame.locator('#notices .notice-text', { hasText: 'Applied. Undo with Ctrl+Z' }).waitFor({ timeout: 10_000 });
  });

  it('applies all files of an answer from the chat in one multi-file review, accepted on its title bar', async function () {
    this.timeout(120_000);
    const { page, bridge, dirs } = editor();
    await bridge.executeCommand('switchboard.selectModel', { model: 'local-fake/fake-model-a' });
    const folder = path.join(dirs.workspace, 'src', 'applyAll');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'first.ts'), 'export function first(): number {\n  return 1;\n}\n\nexport const keep = true;\n');
    writeFileSync(path.join(folder, 'second.ts'), 'export function second(): string {\n  return "two";\n}\n');
    fakeServers().user.reply = () => ({
      pieces: [
        'Here are the changes:\n\n',
        '```ts src/applyAll/first.ts\nexport function first(): number {\n  return 100;\n}\n```\n\n',
        '```ts src/applyAll/second.ts\nexport function second(): string {\n  return "zwei";\n}\n```\n\n',
        '```ts src/applyAll/third.ts\nexport const third = 3;\n```\n',
      ],
    });
    await runFromCommandPalette(page, 'Switchboard: Open Chat');
    await runFromCommandPalette(page, 'Switchboard: New Chat');
    const frame = await findWebviewFrame(page, '#input');
    await frame.locator('#input').fill('Change first and second, and add third.');
    await frame.locator('#input').press('Enter');
    const applyAll = frame.locator('article.message.assistant').last().locator('.message-footer .apply-all');
    await applyAll.waitFor({ timeout: 20_000 });
    assert.equal((await applyAll.textContent())?.trim(), 'Apply all (3 files)');
    await applyAll.click();

    // One review of the three files, with Accept All, Accept and Reject on the editor's title bar.
    const action = (label: string) =>
      page.locator(`.editor-group-container.active .editor-actions .action-label[aria-label^="${label}"]`).first();
    await action('Accept All Proposed Changes').waitFor({ timeout: 20_000 });
    await action('Accept Proposed Change').waitFor({ timeout: 5_000 });
    await action('Reject Proposed Change').waitFor({ timeout: 5_000 });
    assert.equal(existsSync(path.join(folder, 'third.ts')), false, 'the new file exists before accept');
    assert.match((await bridge.documentText('src/applyAll/first.ts')).text, /return 1;/);
    await saveScreenshot(editor(), 'apply all: multi-file review');

    await action('Accept All Proposed Changes').click();
    await frame.locator('#notices .notice-text', { hasText: /Applied to .*first\.ts.*second\.ts.*third\.ts/ }).waitFor({ timeout: 20_000 });
    assert.equal(
      (await bridge.documentText('src/applyAll/first.ts')).text,
      'export function first(): number {\n  return 100;\n}\n\nexport const keep = true;\n',
    );
    assert.equal((await bridge.documentText('src/applyAll/second.ts')).text, 'export function second(): string {\n  return "zwei";\n}\n');
    await waitFor('the new file', async () => (existsSync(path.join(folder, 'third.ts')) ? true : undefined));
    assert.equal((await bridge.documentText('src/applyAll/third.ts')).text, 'export const third = 3;\n');
    assert.equal(
      readFileSync(path.join(folder, 'second.ts'), 'utf8'),
      'export function second(): string {\n  return "two";\n}\n',
      'saved only when the user saves',
    );
    await action('Accept All Proposed Changes').waitFor({ state: 'detached', timeout: 10_000 });
  });
});

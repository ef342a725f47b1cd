// `switchboard_generateImage` in the real editor: the in-host suite (test/e2e/host/languageModelTool.host.ts) calls
// the tool through vscode.lm.invokeTool while this side, as the person, reads and accepts the confirmation dialog
// the editor shows for a call made outside a chat; the image comes from the fake OpenAI images endpoint.
import * as assert from 'node:assert/strict';
import { saveScreenshot } from './harness/failureArtifacts';
import { reportHostResults } from './harness/hostBridge';
import { editor, fakeServers } from './harness/rootHooks';

describe('the image generation language-model tool in the real editor', () => {
  it('is listed, refuses bad input and generates after the person confirms (in-host suite)', async function () {
    this.timeout(180_000);
    const { page, bridge } = editor();
    const { user } = fakeServers();
    const requestsBefore = user.requestsTo('/images/generations').length;
    const running = bridge.runSuite('languageModelTool', 170_000);
    // Only the generating call asks: bad input is refused before any confirmation.
    const dialog = page.locator('.monaco-dialog-box');
    const shown = await Promise.race([
      dialog.waitFor({ state: 'visible', timeout: 120_000 }).then(() => undefined),
      running.then((results) => results),
    ]);
    if (shown) throw new Error(`the suite ended without a confirmation dialog: ${JSON.stringify(shown, null, 2)}`);
    const text = (await dialog.textContent()) ?? '';
    assert.match(text, /Generate an image with Switchboard\?/);
    assert.match(text, /Prompt: a red square/);
    assert.match(text, /Model: local-images\/gpt-image-1/);
    assert.match(text, /Folder: assets\/generated/);
    assert.match(text, /charge/);
    assert.equal(user.requestsTo('/images/generations').length, requestsBefore, 'a request went out before the person confirmed');
    await saveScreenshot(editor(), 'language-model tool confirmation');
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Yes$/ }).click();
    reportHostResults('languageModelTool', await running);

    const request = user.requestsTo('/images/generations').at(-1);
    assert.ok(request && user.requestsTo('/images/generations').length === requestsBefore + 1, 'no images request reached the fake');
    assert.equal((JSON.parse(request.body) as { prompt: string; model: string }).prompt, 'a red square');
  });
});

// Switchboard inside VS Code's own Chat and language-model API in the real editor (docs/vscode-chat.md): the in-host
// suite (test/e2e/host/vscodeChat.host.ts) streams through `vscode.lm.selectChatModels({ vendor: 'switchboard' })`,
// drives the `@switchboard` participant's exported handler with VS Code's own types (code-server's Chat view needs a
// Copilot sign-in to take a request, so it is not driven through the UI), and chats with a model it registers under
// another vendor; this side sets the fake's answers and checks that model in Switchboard's picker.
import * as assert from 'node:assert/strict';
import type { ChatReply } from './harness/fakeOpenAiServer';
import { saveScreenshot } from './harness/failureArtifacts';
import { reportHostResults } from './harness/hostBridge';
import { editor, fakeServers } from './harness/rootHooks';
import { quickPickRow } from './harness/workbench';

/** `[model] <last user message>`, slowly when the message asks for it (cancellation). */
const echo: ChatReply = (body) => {
  const last = body.messages.filter((message) => message.role === 'user').at(-1);
  const text = typeof last?.content === 'string' ? last.content : (last?.content ?? []).map((part) => part.text ?? '').join('');
  if (text.includes('slow please')) return { pieces: Array.from({ length: 40 }, (_, index) => `piece ${index} `), delayMs: 150 };
  return { pieces: [`[${body.model}] `, text] };
};

describe('Switchboard in VS Code’s Chat and language-model API in the real editor', () => {
  it('streams through vendor switchboard, answers as @switchboard, and uses another extension’s model (in-host suite)', async function () {
    this.timeout(240_000);
    const { page, bridge } = editor();
    const { user, workspace } = fakeServers();
    const reply = user.reply;
    user.reply = echo;
    try {
      const running = bridge.runSuite('vscodeChat', 230_000);
      let finished = false;
      void running.finally(() => (finished = true));
      // While the suite keeps its model registered (it answers `switchboardE2e.ready` then), Switchboard's picker
      // lists it under VS Code's models; the suite waits for `switchboardE2e.pickerSeen`.
      while (
        !finished &&
        !(await bridge.executeCommand('switchboardE2e.ready').then(
          () => true,
          () => false,
        ))
      ) {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      if (!finished) {
        void bridge.executeCommand('switchboard.selectModel').catch(() => undefined);
        const row = quickPickRow(page, /e2e-echo|E2E Echo/);
        await row.waitFor({ state: 'visible', timeout: 30_000 });
        assert.match((await row.textContent()) ?? '', /VS Code/);
        await saveScreenshot(editor(), 'another extension’s model in Switchboard’s picker');
        await page.keyboard.press('Escape');
        await bridge.executeCommand('switchboardE2e.pickerSeen');
      }
      const results = await running;
      reportHostResults('vscodeChat', results);
      assert.equal(workspace.requests.length, 0, 'a request went where the workspace settings point');
      const models = new Set(user.requestsTo('/chat/completions').map((request) => (JSON.parse(request.body) as { model: string }).model));
      assert.ok(models.has('fake-model-b'), `the picked model was not asked: ${[...models].join(', ')}`);
    } finally {
      user.reply = reply;
    }
  });
});

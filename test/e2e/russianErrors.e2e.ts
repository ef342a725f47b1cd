// An error built in src/core, shown in the UI's language (issue 13): a provider pointed at a fake Gemini that
// rejects the key (400 API_KEY_INVALID, as the live service does); in an editor started with --locale ru the chat
// shows the rejected-key message in Russian, from its message id and parameters, in a view whose own strings are
// Russian too.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { FakeHttpServer } from '../unit/fakes/fakeHttpServer';
import { startEditorSession, type EditorSession } from './harness/editorSession';
import { saveFailureArtifacts, saveScreenshot } from './harness/failureArtifacts';
import { startFakeGemini } from './harness/fakeProviderServers';
import { findWebviewFrame } from './harness/webviewFrames';

describe('errors from core in Russian', function () {
  let russian: EditorSession | undefined;
  let gemini: FakeHttpServer | undefined;

  before(async function () {
    this.timeout(5 * 60_000);
    // Made up for this run; it only ever reaches the local fake.
    gemini = await startFakeGemini(`AIzaE2E${randomBytes(12).toString('hex')}`);
    russian = await startEditorSession({
      locale: 'ru',
      userSettings: {
        'switchboard.providers': [
          { id: 'gemini-fake', kind: 'gemini', label: 'Gemini (fake)', baseUrl: `${gemini.origin}/v1beta`, requiresKey: true },
        ],
        'switchboard.chat.model': 'gemini-fake/gemini-2.5-flash',
      },
    });
  });
  after(async function () {
    this.timeout(30_000);
    await russian?.stop();
    await gemini?.close();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && russian) await saveFailureArtifacts(russian, `russian errors ${this.currentTest.title}`);
  });

  it('says in Russian, in the chat, that the key was rejected', async () => {
    const session = russian as EditorSession;
    const { page, bridge } = session;
    const set = bridge.executeCommand<{ check: string }>('switchboard.setApiKey', { provider: 'gemini-fake' });
    const password = page.locator('.quick-input-widget input[type="password"]');
    await password.waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type(`AIzaBAD${randomBytes(12).toString('hex')}`);
    await page.keyboard.press('Enter');
    assert.equal((await set).check, 'rejected');
    await bridge.executeCommand('notifications.clearAll').catch(() => undefined);

    await bridge.executeCommand('switchboard.openChat');
    const frame = await findWebviewFrame(page, '#input');
    // The view's own strings come from l10n/webview.ru.json in the installed package, put into its document.
    assert.equal(await frame.locator('#input').getAttribute('aria-label'), 'Сообщение');
    assert.equal(await frame.locator('#send').getAttribute('aria-label'), 'Отправить');
    await frame.locator('#input').fill('Привет');
    await frame.locator('#input').press('Enter');
    const errorText = frame.locator('article.message.assistant').last().locator('.message-error .error-text');
    await errorText.waitFor({ timeout: 30_000 });
    assert.equal(
      (await errorText.textContent())?.trim(),
      'API-ключ Gemini (fake) отклонён (400). Задайте новый ключ командой «Switchboard: Задать API-ключ».',
    );
    await saveScreenshot(session, 'rejected key in russian');
  });
});

// The first-run walkthrough and the localized UI, as a person on a fresh install sees them, in English (the
// shared editor) and in Russian (an editor of its own started with --locale ru).
import * as assert from 'node:assert/strict';
import { saveFailureArtifacts, saveScreenshot } from './harness/failureArtifacts';
import { startEditorSession, type EditorSession } from './harness/editorSession';
import { editor } from './harness/rootHooks';
import { findWebviewFrame } from './harness/webviewFrames';
import { quickPickRow, statusBarItem } from './harness/workbench';

const walkthroughId = 'switchboard.switchboard#switchboard.gettingStarted';

async function openWalkthrough(session: EditorSession, title: string): Promise<void> {
  await session.bridge.executeCommand('workbench.action.openWalkthrough', walkthroughId, false);
  await session.page.locator('.gettingStartedContainer', { hasText: title }).first().waitFor({ state: 'visible', timeout: 30_000 });
}

describe('the first-run walkthrough', () => {
  it('walks through provider, key, chat and images in English', async () => {
    const session = editor();
    await openWalkthrough(session, 'Get started with Switchboard');
    const steps = session.page.locator('.gettingStartedContainer .getting-started-step');
    const titles = (await steps.allTextContents()).join(' | ');
    for (const step of [
      'Choose a provider',
      'Set its API key',
      'Pick a model and open the chat',
      'Generate an image into your project',
      'Turn on inline completions',
    ]) {
      assert.ok(titles.includes(step), `missing step “${step}” in: ${titles}`);
    }
    await session.page.locator('.getting-started-step', { hasText: 'Set its API key' }).first().click();
    await session.page
      .locator('.gettingStartedContainer a, .gettingStartedContainer button', { hasText: 'Set API Key' })
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 });
    await saveScreenshot(session, 'walkthrough english');
    await session.page.keyboard.press('Control+w').catch(() => undefined);
  });

  describe('in Russian', function () {
    let russian: EditorSession | undefined;
    before(async function () {
      this.timeout(5 * 60_000);
      russian = await startEditorSession({ locale: 'ru' });
    });
    after(async function () {
      this.timeout(30_000);
      await russian?.stop();
    });

    afterEach(async function () {
      if (this.currentTest?.state === 'failed' && russian) await saveFailureArtifacts(russian, `russian ${this.currentTest.title}`);
    });

    it('shows the walkthrough, the commands and the chat view in Russian', async () => {
      const session = russian as EditorSession;
      await openWalkthrough(session, 'Начало работы со Switchboard');
      await session.page.locator('.getting-started-step', { hasText: 'Задайте API-ключ' }).first().click();
      await saveScreenshot(session, 'walkthrough russian');
      // The commands carry their Russian titles in the Command Palette.
      await session.page.keyboard.press('Escape');
      await session.page.keyboard.press('F1');
      await session.page.locator('.quick-input-widget input').fill('>Switchboard');
      const rows = session.page.locator('.quick-input-list .monaco-list-row');
      await rows.filter({ hasText: 'Задать API-ключ' }).first().waitFor({ state: 'visible', timeout: 10_000 });
      await session.page.keyboard.press('Escape');
      await session.bridge.executeCommand('switchboard.openChat');
      const frame = await findWebviewFrame(session.page, '#empty-state');
      assert.equal(await frame.locator('#empty-state h2').textContent(), 'Спросите Switchboard');
      await saveScreenshot(session, 'chat view russian');
    });

    // This editor starts on an empty profile (no model, no key): the first run as a new user has it.
    it('leads from an empty profile to a model without a dead end', async () => {
      const session = russian as EditorSession;
      const { page } = session;
      await statusBarItem(page, 'Выберите модель').waitFor({ state: 'visible', timeout: 15_000 });
      // The walkthrough's "pick a model" step is not ticked by opening the chat view before a model is chosen.
      await openWalkthrough(session, 'Начало работы со Switchboard');
      const pickStep = page.locator('.getting-started-step', { hasText: 'Выберите модель и откройте чат' }).first();
      await pickStep.waitFor({ state: 'visible', timeout: 10_000 });
      assert.equal(await pickStep.getAttribute('aria-checked'), 'false', 'ticked before a model is picked');
      // Its first step's button sets a provider's key, not settings.json.
      await page.locator('.getting-started-step', { hasText: 'Выберите провайдера' }).first().click();
      const firstButton = page.locator('.gettingStartedContainer a, .gettingStartedContainer button', {
        hasText: 'Выбрать провайдера и задать ключ',
      });
      await firstButton.first().waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.press('Control+w').catch(() => undefined);

      // The chat's empty state says what to do in one sentence, with the one button that does it.
      await session.bridge.executeCommand('switchboard.openChat');
      const frame = await findWebviewFrame(page, '#empty-state-next');
      assert.match((await frame.locator('#empty-state').textContent()) ?? '', /Модель ещё не выбрана/);
      await frame.locator('#empty-state-next').click();
      // The picker lists the cloud providers without a key as rows that set it, and says a local server is not running.
      await quickPickRow(page, 'OpenAI · задать ключ…').waitFor({ state: 'visible', timeout: 30_000 });
      await quickPickRow(page, 'Anthropic · задать ключ…').waitFor({ state: 'visible', timeout: 30_000 });
      await quickPickRow(page, /Ollama \(local\) не запущен на localhost:11434/).waitFor({ state: 'visible', timeout: 30_000 });
      await saveScreenshot(session, 'model picker on an empty profile');
      await page.keyboard.press('Escape');

      // Sending without a model keeps the text, and the empty state's button stays the next step.
      await frame.locator('#input').fill('Привет');
      await frame.locator('#input').press('Enter');
      const notice = frame.locator('.notice', { hasText: 'Switchboard' }).first();
      await notice.waitFor({ state: 'visible', timeout: 10_000 });
      assert.equal(await frame.locator('#input').inputValue(), 'Привет');
      // The notice carries the buttons that fix it, in the UI's language: no dead end.
      assert.equal(await notice.locator('button', { hasText: 'Задать API-ключ' }).count(), 1);
      assert.equal(await notice.locator('button.secondary-button').count(), 3);
      assert.equal(await frame.locator('#empty-state-next').isVisible(), true);

      // A command run without a model ends in an answer whose actions start with setting a key.
      await session.bridge.select('src/fibonacci.ts', 0, 1);
      await session.bridge.executeCommand('switchboard.explainSelection');
      const failed = frame.locator('article.message.assistant .message-error').last();
      await failed.locator('button', { hasText: 'Задать API-ключ' }).waitFor({ state: 'visible', timeout: 20_000 });
      await session.bridge.executeCommand('switchboard.newChat');
      await frame.locator('#empty-state-next').waitFor({ state: 'visible', timeout: 10_000 });

      // Once a model is chosen, the status bar, the empty state and the walkthrough step follow.
      await session.bridge.executeCommand('switchboard.selectModel', { model: 'openai/gpt-4o-mini' });
      await statusBarItem(page, 'gpt-4o-mini').waitFor({ state: 'visible', timeout: 15_000 });
      await frame.locator('#empty-state-next').waitFor({ state: 'detached', timeout: 10_000 });
      await openWalkthrough(session, 'Начало работы со Switchboard');
      await page
        .locator('.getting-started-step[aria-checked="true"]', { hasText: 'Выберите модель и откройте чат' })
        .first()
        .waitFor({ state: 'attached', timeout: 15_000 });
    });
  });
});

// The chat panel at home in VS Code (issue 22), in the real editor: the model picker in the composer's footer is
// driven by typing a filter and picking with the keyboard (the setting changes; Escape changes nothing), Escape stops
// a streamed answer and keeps what came, and Tab reaches every action on a message (Edit, a code block's toolbar, a
// generated image's toolbar, Regenerate). Then the panel is photographed at 300 px and 720 px of side bar in the
// light, dark and high-contrast themes, with an answer, a code block and the picker open (the README's pictures).
import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { runFromCommandPalette } from './harness/commandPalette';
import { darkTheme, highContrastTheme, lightTheme, switchColorTheme } from './harness/colorThemes';
import { saveScreenshot } from './harness/failureArtifacts';
import type { ChatReply } from './harness/fakeOpenAiServer';
import { editor, fakeServers } from './harness/rootHooks';
import { userSetting } from './harness/userSettings';
import { findWebviewFrame } from './harness/webviewFrames';

const codeAnswer: ChatReply = () => ({
  pieces: ['Here is a greeting:\n\n', '```python\ndef greet(name):\n    return f"Hello, {name}!"\n```\n', 'Call it with your name.'],
});

/** What has focus in the webview: `tag#id.class[aria-label]`. */
function focused(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    const id = element.id ? `#${element.id}` : '';
    const classes = [...element.classList].map((name) => `.${name}`).join('');
    const label = element.getAttribute('aria-label');
    return `${element.tagName.toLowerCase()}${id}${classes}${label ? `[${label}]` : ''}`;
  });
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const optionTexts = (frame: Frame): Promise<string[]> =>
  frame.locator('#model-listbox [role="option"]').evaluateAll((items) => items.map((item) => item.textContent ?? ''));
const activeOption = (frame: Frame): Promise<string | null> => frame.locator('#model-listbox [aria-selected="true"]').textContent();

/**
 * Drags the sash between the side bar and the editor until the side bar is `width` px wide (as a person resizes it).
 */
async function setSideBarWidth(page: Page, width: number): Promise<void> {
  const sideBar = page.locator('.part.sidebar');
  for (let attempt = 0; attempt < 3; attempt++) {
    const box = await sideBar.boundingBox();
    if (!box) throw new Error('the side bar is not shown');
    if (Math.abs(box.width - width) <= 1) return;
    const edge = box.x + box.width;
    const y = box.y + box.height / 2;
    await page.mouse.move(edge, y);
    await page.mouse.down();
    await page.mouse.move(edge + (width - box.width) / 2, y, { steps: 4 });
    await page.mouse.move(box.x + width, y, { steps: 4 });
    await page.mouse.up();
  }
  const final = await sideBar.boundingBox();
  assert.ok(final && Math.abs(final.width - width) <= 2, `the side bar is ${final?.width} px wide, not ${width}`);
}

describe('the chat panel at home in VS Code', () => {
  let frame: Frame;
  let chatModel: unknown;
  let reply: ChatReply;

  before(async function () {
    this.timeout(120_000);
    chatModel = await userSetting('switchboard.chat.model');
    reply = fakeServers().user.reply;
    await runFromCommandPalette(editor().page, 'Switchboard: Open Chat');
    await runFromCommandPalette(editor().page, 'Switchboard: New Chat');
    frame = await findWebviewFrame(editor().page, '#model-picker');
  });

  after(async function () {
    this.timeout(60_000);
    fakeServers().user.reply = reply;
    // Other suites expect the model they were started with.
    await editor().bridge.setUserSetting('switchboard.chat.model', chatModel);
    await runFromCommandPalette(editor().page, 'Switchboard: New Chat');
  });

  it('picks a model by typing a filter and choosing with the keyboard; Escape leaves the choice as it was', async () => {
    const { page } = editor();
    const button = frame.locator('#model-picker');
    await waitUntil('the button names the provider and model', async () => /fake-model-a/.test(await button.innerText()));
    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await focused(frame), 'input#model-filter.model-filter[Filter models]');
    await frame.locator('#model-listbox [role="option"]', { hasText: 'Local fake · fake-model-b' }).waitFor({ timeout: 30_000 });
    assert.equal(await button.innerText(), 'Local fake · fake-model-a', 'the provider by its label');

    await page.keyboard.type('fake-model-b');
    const rows = await optionTexts(frame);
    assert.ok(rows.includes('Local images · fake-model-b'), rows.join(', '));
    assert.ok(
      rows.every((row) => row.endsWith('fake-model-b')),
      rows.join(', '),
    );
    await page.keyboard.press('End');
    assert.equal(await activeOption(frame), rows.at(-1));
    await page.keyboard.press('Home');
    for (let step = 0; step < rows.indexOf('Local fake · fake-model-b'); step++) await page.keyboard.press('ArrowDown');
    assert.equal(await activeOption(frame), 'Local fake · fake-model-b');
    await page.keyboard.press('Enter');
    await waitUntil('the setting holds the pick', async () => (await userSetting('switchboard.chat.model')) === 'local-fake/fake-model-b');
    assert.equal(await button.innerText(), 'Local fake · fake-model-b');
    assert.equal(await focused(frame), 'textarea#input.input[Message]', 'the input has the focus after a pick');

    // Escape closes it, gives the focus back to the button, and changes nothing.
    await button.click();
    await page.keyboard.type('images b');
    await waitUntil('one row is left', async () => (await optionTexts(frame)).join() === 'Local images · fake-model-b');
    await page.keyboard.press('Escape');
    assert.equal(await frame.locator('#model-popup').isVisible(), false);
    assert.match(await focused(frame), /^button#model-picker/);
    assert.equal(await userSetting('switchboard.chat.model'), 'local-fake/fake-model-b');

    // The same filter and Enter: the one row left is the pick. The same model id under another provider is told apart.
    await page.keyboard.press('Enter');
    await page.keyboard.type('images b');
    await waitUntil('one row is left', async () => (await optionTexts(frame)).join() === 'Local images · fake-model-b');
    await page.keyboard.press('Enter');
    await waitUntil(
      'the setting holds the pick',
      async () => (await userSetting('switchboard.chat.model')) === 'local-images/fake-model-b',
    );
    assert.equal(await button.innerText(), 'Local images · fake-model-b');
  });

  it('stops a streamed answer with Escape, and keeps what came', async () => {
    const { user } = fakeServers();
    user.reply = () => ({ pieces: Array.from({ length: 60 }, (_, index) => `word${index} `), delayMs: 200 });
    const input = frame.locator('#input');
    await input.fill('Tell me a long story');
    await input.press('Enter');
    const answer = frame.locator('article.message.assistant').last();
    await answer.locator('.message-body', { hasText: 'word2' }).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('#stop').isVisible(), true);
    assert.equal(await focused(frame), 'textarea#input.input[Message]');
    await editor().page.keyboard.press('Escape');
    await answer.locator('.badge-stopped').waitFor({ timeout: 15_000 });
    await frame.locator('#send').waitFor({ state: 'visible', timeout: 10_000 });
    const text = await answer.locator('.message-body').innerText();
    assert.match(text, /word0 word1 word2/, 'the partial answer stays');
    assert.doesNotMatch(text, /word59/, 'the answer did not run to its end');
  });

  it('reaches every action on a message with Tab: Edit, the code block’s toolbar, the image’s toolbar, Regenerate', async function () {
    this.timeout(120_000);
    const { page } = editor();
    fakeServers().user.reply = codeAnswer;
    await runFromCommandPalette(page, 'Switchboard: New Chat');
    const input = frame.locator('#input');
    await input.fill('Greet me in Python');
    await input.press('Enter');
    await frame.locator('article.message.assistant .sb-code').last().waitFor({ timeout: 30_000 });
    await frame.locator('#send').waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('/image a red square');
    await input.press('Enter');
    await frame.locator('article.message.assistant').last().locator('.image-toolbar').waitFor({ timeout: 30_000 });
    await frame.locator('#send').waitFor({ state: 'visible', timeout: 10_000 });

    // From the message list, Tab walks forward through every control in it.
    await frame.locator('#messages').focus();
    const seen: string[] = [];
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press('Tab');
      const now = await focused(frame);
      const inList = await frame.evaluate(() => document.activeElement?.closest('#messages') !== null);
      if (!inList) break;
      seen.push(now);
      // Edit is hidden until it is wanted: with the focus on it, it shows.
      if (now.includes('[Edit and resend]'))
        assert.equal(await frame.evaluate(() => getComputedStyle(document.activeElement!).opacity), '1', 'Edit shows when focused');
    }
    const walked = seen.join(' → ');
    console.log(`      ${walked}`);
    assert.equal(seen.filter((step) => step.includes('[Edit and resend]')).length, 2, `Edit of each question\n${walked}`);
    assert.ok(
      seen.some((step) => step.includes('.sb-code-action')),
      `the code block's toolbar\n${walked}`,
    );
    assert.ok(
      seen.some((step) => step.includes('.image-action')),
      `the image's toolbar\n${walked}`,
    );
    assert.ok(
      seen.some((step) => step.includes('.regenerate[Regenerate]')),
      `Regenerate\n${walked}`,
    );
    // Every button in the list has a name: its text, or its aria-label.
    const nameless = await frame.evaluate(() =>
      [...document.querySelectorAll('#messages button')]
        .filter((button) => (button as HTMLElement).innerText.trim() === '' && !button.getAttribute('aria-label'))
        .map((button) => button.outerHTML.slice(0, 120)),
    );
    assert.deepEqual(nameless, []);

    // Enter on a focused Edit puts the question back into the input.
    await frame.locator('article.message.user').first().locator('.message-action').focus();
    await page.keyboard.press('Enter');
    assert.equal(await input.inputValue(), 'Greet me in Python');
    await page.keyboard.press('Escape');
  });

  it('photographs the panel at 300 and 720 px in the light, dark and high-contrast themes, with the picker open', async function () {
    this.timeout(240_000);
    const { page } = editor();
    fakeServers().user.reply = () => ({
      pieces: ['Here is a greeting:\n\n', '```python\ndef greet(name):\n    return f"Hello, {name}!"\n```\n'],
    });
    await runFromCommandPalette(page, 'Switchboard: New Chat');
    const input = frame.locator('#input');
    await input.fill('Greet me in Python');
    await input.press('Enter');
    await frame.locator('article.message.assistant .sb-code').last().waitFor({ timeout: 30_000 });
    await frame.locator('#send').waitFor({ state: 'visible', timeout: 10_000 });
    const sideBar = await page.locator('.part.sidebar').boundingBox();
    const viewport = page.viewportSize() ?? { width: 1400, height: 900 };
    const openPicker = async (): Promise<void> => {
      await frame.locator('#model-picker').click();
      await frame.locator('#model-listbox [role="option"]', { hasText: 'Local fake · fake-model-b' }).waitFor({ timeout: 30_000 });
      await editor().page.keyboard.type('fake-model-b');
      await waitUntil('the filter applied', async () => (await optionTexts(frame)).every((row) => row.endsWith('fake-model-b')));
    };
    try {
      for (const width of [300, 720]) {
        await setSideBarWidth(page, width);
        // The window just tall enough for the conversation above the open picker: small pictures for the README.
        await page.setViewportSize(viewport);
        await openPicker();
        const gap = await frame.evaluate(() => {
          const code = [...document.querySelectorAll('.sb-code')].at(-1)!.getBoundingClientRect();
          return document.getElementById('model-popup')!.getBoundingClientRect().top - code.bottom;
        });
        await page.keyboard.press('Escape');
        await page.setViewportSize({ width: viewport.width, height: Math.round(viewport.height - Math.max(0, gap - 12)) });
        for (const theme of [lightTheme, darkTheme, highContrastTheme]) {
          await switchColorTheme(editor(), frame, theme);
          await openPicker();
          const popup = await frame.locator('#model-popup').boundingBox();
          const composer = await frame.locator('footer.composer').boundingBox();
          assert.ok(popup && composer && popup.width <= composer.width, 'the picker is no wider than the composer');
          const file = await saveScreenshot(editor(), `chat panel ${width} ${theme.name}`, { selector: '.part.sidebar' });
          // Where the answer starts in the picture: a narrower cut for the README keeps the code block and the picker.
          const answerTop = await frame
            .locator('article.message.assistant')
            .last()
            .evaluate((element) => element.getBoundingClientRect().top);
          const frameTop = (await (await frame.frameElement()).boundingBox())?.y ?? 0;
          const sideBarNow = await page.locator('.part.sidebar').boundingBox();
          console.log(`      ${file} (the answer starts ${Math.round(frameTop + answerTop - (sideBarNow?.y ?? 0))} px down)`);
          await page.keyboard.press('Escape');
        }
      }
    } finally {
      await page.setViewportSize(viewport);
      if (sideBar) await setSideBarWidth(page, Math.round(sideBar.width));
      await switchColorTheme(editor(), frame, darkTheme);
    }
  });
});

import type { Page } from 'playwright-core';

/**
 * Runs a command the way a person does: F1, type its title, Enter. With `keepOpen`, returns as soon as the
 * command ran, for commands that open their own QuickPick or input box in the same widget.
 */
export async function runFromCommandPalette(page: Page, title: string, options: { keepOpen?: boolean } = {}): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  // A picker still open (or closing) from an earlier step is not the palette: close it first.
  if (await input.isVisible()) {
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  }
  // Right after start-up, or while a webview has focus, the first F1 can be swallowed; a person presses again.
  for (let attempt = 1; !(await input.isVisible()); attempt++) {
    await page
      .locator('.part.statusbar')
      .click({ position: { x: 5, y: 5 }, timeout: 5_000 })
      .catch(() => undefined);
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 3_000 });
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
  // On a loaded machine the palette can still be opening (its input inert) when it first shows: wait, then retry.
  for (let attempt = 1; ; attempt++) {
    try {
      await input.fill(`>${title}`, { timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
    }
  }
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  if (options.keepOpen) {
    // The palette's own text goes away when the command's picker replaces it.
    await page.waitForFunction(
      (prefix) => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.startsWith(prefix) !== true,
      `>${title}`,
      { timeout: 10_000 },
    );
    return;
  }
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

import type { Page } from 'playwright-core';

/** Runs a command the way a person does: F1, type its title, Enter. */
export async function runFromCommandPalette(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  // Right after start-up, or while a webview has focus, the first F1 can be swallowed; a person presses again.
  for (let attempt = 1; !(await input.isVisible()); attempt++) {
    await page.locator('.part.statusbar').click({ position: { x: 5, y: 5 }, timeout: 5_000 }).catch(() => undefined);
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 3_000 });
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

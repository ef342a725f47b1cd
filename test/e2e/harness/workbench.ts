import type { Locator, Page } from 'playwright-core';

/** A notification toast containing `text` (notifications with an action stay until dismissed). */
export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
}

/** A status bar entry containing `text`. */
export function statusBarItem(page: Page, text: string | RegExp): Locator {
  return page.locator('.part.statusbar .statusbar-item', { hasText: text }).first();
}

export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

export function quickPickRow(page: Page, text: string | RegExp): Locator {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
}

/** Closes every notification toast, so later tests look at their own. */
export async function clearNotifications(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  for (const close of await page.locator('.notifications-toasts .notification-toast .codicon-notifications-clear').all()) {
    await close.click({ timeout: 2000 }).catch(() => undefined);
  }
}

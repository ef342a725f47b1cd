import type { Locator, Page } from 'playwright-core';
import { runFromCommandPalette } from './commandPalette';

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

/**
 * Waits until a notification saying `text` was shown: as a toast, or — when the workbench did not pop it up (a toast
 * hidden by a newer one, or toasts held back after an Escape) — in the notification centre, which keeps every one.
 * The centre is closed again afterwards.
 */
export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = 15_000): Promise<void> {
  const toast = notification(page, text);
  const seen = await toast
    .waitFor({ state: 'visible', timeout: timeoutMs })
    .then(() => true)
    .catch(() => false);
  if (seen) return;
  await runFromCommandPalette(page, 'Notifications: Show Notifications');
  try {
    await page.locator('.notifications-center .notification-list-item', { hasText: text }).first().waitFor({ timeout: 10_000 });
  } finally {
    await page.keyboard.press('Escape');
  }
}

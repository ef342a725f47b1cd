import type { Frame, Page } from 'playwright-core';

/**
 * Finds the frame of a webview by something in its DOM. VS Code nests each webview in two iframes (a host
 * frame and the content frame), so the content is found by searching every frame of the page.
 */
export async function findWebviewFrame(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const found = await frame
        .locator(selector)
        .count()
        .catch(() => 0);
      if (found > 0) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview frame contains ${selector} after ${timeoutMs} ms`);
}

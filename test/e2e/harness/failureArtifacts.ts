import { cpSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { EditorSession } from './editorSession';
import { repoRoot } from './editorSession';

export const resultsDir = path.join(repoRoot, 'test-results');

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'test'
  );
}

/** Saves what a person needs to see why a real-editor test failed: a screenshot and every editor log. */
export async function saveFailureArtifacts(session: EditorSession, testTitle: string): Promise<string> {
  const dir = path.join(resultsDir, 'failures', slug(testTitle));
  mkdirSync(dir, { recursive: true });
  await session.page.screenshot({ path: path.join(dir, 'screenshot.png'), timeout: 10_000 }).catch(() => undefined);
  if (existsSync(session.dirs.logFile)) cpSync(session.dirs.logFile, path.join(dir, 'code-server.log'));
  const logs = path.join(session.dirs.userData, 'logs');
  if (existsSync(logs)) cpSync(logs, path.join(dir, 'editor-logs'), { recursive: true });
  return dir;
}

/**
 * A screenshot kept for people to look at, whether or not the test failed: the whole window, or only the part
 * `selector` names (the side bar with the chat), or only the `bottom` pixels of it (the README's pictures ship in the
 * VSIX and count against its size budget).
 */
export async function saveScreenshot(
  session: EditorSession,
  name: string,
  options: { selector?: string; bottom?: number } = {},
): Promise<string> {
  const dir = path.join(resultsDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${slug(name)}.png`);
  if (options.selector === undefined) {
    await session.page.screenshot({ path: file, timeout: 10_000 });
  } else if (options.bottom === undefined) {
    await session.page.locator(options.selector).first().screenshot({ path: file, timeout: 10_000 });
  } else {
    const box = await session.page.locator(options.selector).first().boundingBox();
    if (!box) throw new Error(`${options.selector} is not on screen`);
    const height = Math.min(options.bottom, box.height);
    await session.page.screenshot({
      path: file,
      timeout: 10_000,
      clip: { x: box.x, y: box.y + box.height - height, width: box.width, height },
    });
  }
  return file;
}

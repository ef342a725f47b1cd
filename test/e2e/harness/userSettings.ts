// The user's settings.json of the editor under test, read as a person would check it: the editor writes it a moment
// after a change (and may be writing it while it is read), so a read that fails is tried again for a few seconds.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { editor } from './rootHooks';

/** One setting's value from the user's settings.json (undefined when it is not set there). */
export async function userSetting(key: string): Promise<unknown> {
  const file = path.join(editor().dirs.userData, 'User', 'settings.json');
  for (let attempt = 0; ; attempt++) {
    try {
      return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[key];
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

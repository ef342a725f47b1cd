// Mocha root hooks for the real-editor suites: one editor for the whole run (starting one costs ~10 s), its
// processes always stopped, and a screenshot plus the editor's logs saved for every failing test.
import type { Context } from 'mocha';
import { saveFailureArtifacts } from './failureArtifacts';
import { startEditorSession, type EditorSession } from './editorSession';

let session: EditorSession | undefined;

/** The editor shared by the real-editor tests. */
export function editor(): EditorSession {
  if (!session) throw new Error('the editor session is not running (did beforeAll fail?)');
  return session;
}

export const mochaHooks = {
  async beforeAll(this: Context): Promise<void> {
    // The first run on a machine installs code-server (minutes); every later one finds it cached.
    this.timeout(25 * 60_000);
    session = await startEditorSession();
  },
  async afterEach(this: Context): Promise<void> {
    const test = this.currentTest;
    if (session && test?.state === 'failed') {
      const dir = await saveFailureArtifacts(session, test.fullTitle());
      console.log(`      screenshot and editor logs of the failure: ${dir}`);
    }
  },
  async afterAll(this: Context): Promise<void> {
    this.timeout(30_000);
    await session?.stop();
    session = undefined;
  },
};

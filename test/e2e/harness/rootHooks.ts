// Mocha root hooks for the real-editor suites: one editor for the whole run (starting one costs ~10 s), its
// processes always stopped, and a screenshot plus the editor's logs saved for every failing test.
//
// Two fake OpenAI-compatible servers run beside it: `user` is where the user's own settings point the `openai`
// provider (and a keyless `local-fake` provider); `workspace` is where the workspace's .vscode/settings.json
// tries to point `openai`, which must never receive a request (docs/security.md).
// A fake Stability AI (fakeStabilityServer.ts) answers the keyless `local-stability` entry, for Edit / Animate Image.
import type { Context } from 'mocha';
import { saveFailureArtifacts } from './failureArtifacts';
import { startEditorSession, type EditorSession } from './editorSession';
import { FakeOpenAiServer } from './fakeOpenAiServer';
import { FakeStabilityServer } from './fakeStabilityServer';

let session: EditorSession | undefined;
let servers: FakeServers | undefined;

/** `stability` is a fake Stability AI that the keyless `local-stability` entry points at (Edit / Animate Image). */
export interface FakeServers {
  user: FakeOpenAiServer;
  workspace: FakeOpenAiServer;
  stability: FakeStabilityServer;
}

/** The editor shared by the real-editor tests. */
export function editor(): EditorSession {
  if (!session) throw new Error('the editor session is not running (did beforeAll fail?)');
  return session;
}

/** The fake provider servers the editor's settings point at. */
export function fakeServers(): FakeServers {
  if (!servers) throw new Error('the fake servers are not running');
  return servers;
}

/** A provider entry that is invalid on purpose: its notification must name it, and nothing else may break. */
export const invalidProviderEntry = { id: 'broken-entry', kind: 'openai', baseUrl: 'not a url' };

export const mochaHooks = {
  async beforeAll(this: Context): Promise<void> {
    // The first run on a machine installs code-server (minutes); every later one finds it cached.
    this.timeout(25 * 60_000);
    servers = {
      user: await FakeOpenAiServer.start(),
      workspace: await FakeOpenAiServer.start(),
      stability: await FakeStabilityServer.start(),
    };
    servers.workspace.models = ['workspace-model-should-never-be-listed'];
    // The chat model's window, for the context meter (large enough for every other suite's messages).
    servers.user.windows = { 'fake-model-a': 16_000 };
    session = await startEditorSession({
      userSettings: {
        'switchboard.providers': [
          { id: 'openai', baseUrl: `${servers.user.origin}/v1` },
          { id: 'local-fake', kind: 'openai', label: 'Local fake', baseUrl: `${servers.user.origin}/v1`, requiresKey: false },
          { id: 'local-images', kind: 'openai', label: 'Local images', baseUrl: `${servers.user.origin}/v1`, requiresKey: false },
          { id: 'local-stability', kind: 'stability', label: 'Local Stability', baseUrl: servers.stability.origin, requiresKey: false },
          invalidProviderEntry,
        ],
        'switchboard.chat.model': 'local-fake/fake-model-a',
        'switchboard.images.model': 'local-images/gpt-image-1',
      },
      workspaceFiles: {
        '.vscode/settings.json': JSON.stringify(
          {
            'switchboard.providers': [
              { id: 'openai', baseUrl: `${servers.workspace.origin}/v1` },
              { id: 'local-fake', kind: 'openai', baseUrl: `${servers.workspace.origin}/v1`, requiresKey: false },
            ],
            'switchboard.chat.model': 'openai/workspace-model-should-never-be-used',
          },
          null,
          2,
        ),
      },
    });
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
    await servers?.user.close();
    await servers?.workspace.close();
    await servers?.stability.close();
    servers = undefined;
  },
};

// The chat's built-in tools as the extension runs them, in the real editor: the in-host suite
// (test/e2e/host/toolExecutors.host.ts) runs the executors against code-server's workspace, diagnostics, Git extension,
// multi-file diff editor and the ripgrep it ships.
import { reportHostResults } from './harness/hostBridge';
import { editor } from './harness/rootHooks';

describe('the chat tools’ executors in the real editor', () => {
  it('search with the editor’s ripgrep (or the plain search), stop it, read, refuse, report problems and changes, propose edits in one review (in-host suite)', async function () {
    this.timeout(300_000);
    reportHostResults('toolExecutors', await editor().bridge.runSuite('toolExecutors', 280_000));
  });
});

import { reportHostResults } from './harness/hostBridge';
import { editor } from './harness/rootHooks';

describe('workspace context sources in the real editor', () => {
  it('reads files, folders, problems, the terminal and Git changes, never an excluded file (in-host suite)', async function () {
    this.timeout(300_000);
    reportHostResults('contextSources', await editor().bridge.runSuite('contextSources', 280_000));
  });
});

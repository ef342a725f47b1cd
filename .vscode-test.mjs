// For contributors who have VS Code desktop: `npm run test:electron` runs the in-host suites with
// @vscode/test-electron through @vscode/test-cli. (VS Code desktop cannot be downloaded on the CI machines;
// there `npm test` runs the same suites in code-server instead, see test/e2e.)
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  files: 'out/e2e/host/*.host.js',
  version: '1.95.0',
  workspaceFolder: './sample-workspace',
  mocha: { ui: 'bdd', timeout: 30000 },
  launchArgs: ['--disable-extensions'],
});

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ExtensionManifest } from './installExtension';

/** Set in code-server's environment by `npm start`; the helper opens the chat once for each value. */
export const startRunEnv = 'SWITCHBOARD_START_RUN';

interface ManifestWithWalkthroughs extends ExtensionManifest {
  contributes?: { walkthroughs?: { id: string }[] };
}

/**
 * Writes a tiny extension into `npm start`'s profile (never into the VSIX) that, when a window has started,
 * opens Switchboard's walkthrough and then its chat view, so the editor opens on the chat without a click.
 * code-server keeps which view is open in the browser's storage, not in the profile, and has no command-line flag
 * that runs a command, so an extension is the one way to do it; keeping it outside Switchboard keeps the product
 * free of start-up behaviour only the demo wants. It does so once per `npm start` run (the run id comes through
 * the environment), so reloading the page keeps what the user arranged.
 */
export function installStartHelperExtension(extensionsDir: string, switchboard: ManifestWithWalkthroughs): string {
  const walkthrough = switchboard.contributes?.walkthroughs?.[0]?.id;
  const extensionId = `${switchboard.publisher}.${switchboard.name}`;
  const dir = path.join(extensionsDir, 'switchboard-dev.start-helper-0.0.1');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'start-helper',
        publisher: 'switchboard-dev',
        displayName: 'Switchboard: npm start helper',
        description: 'Opens the Switchboard chat and walkthrough when npm start brings up the editor.',
        version: '0.0.1',
        engines: { vscode: '^1.95.0' },
        main: './extension.js',
        activationEvents: ['onStartupFinished'],
        extensionDependencies: [extensionId],
      },
      null,
      2,
    ),
  );
  writeFileSync(
    path.join(dir, 'extension.js'),
    `const vscode = require('vscode');
exports.activate = async (context) => {
  const run = process.env[${JSON.stringify(startRunEnv)}];
  if (!run || context.globalState.get('openedForRun') === run) return;
  await context.globalState.update('openedForRun', run);
  ${
    walkthrough === undefined
      ? ''
      : `await vscode.commands.executeCommand('workbench.action.openWalkthrough', ${JSON.stringify(`${extensionId}#${walkthrough}`)}, false);`
  }
  await vscode.commands.executeCommand('switchboard.openChat');
};
`,
  );
  return dir;
}

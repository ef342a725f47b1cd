// `npm start`: package Switchboard, install it into code-server (VS Code in the browser) with a profile kept in
// the cache folder (so keys you store survive restarts), open the sample workspace, print the URL, and run
// until Ctrl-C. Works on a machine without VS Code.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { ensureCodeServer } from './editor/codeServerInstall';
import { startCodeServer } from './editor/codeServerProcess';
import { findFreePort } from './editor/freePort';
import { installUnpackedExtension } from './editor/installExtension';
import { packageAndUnpackVsix, repoRoot } from './editor/packageExtension';

async function main(): Promise<void> {
  const cacheRoot =
    process.env['SWITCHBOARD_CACHE'] ?? path.join(process.env['XDG_CACHE_HOME'] ?? path.join(homedir(), '.cache'), 'switchboard');
  const profile = path.join(cacheRoot, 'start-profile');
  const userData = path.join(profile, 'user-data');
  const extensions = path.join(profile, 'extensions');
  const settingsFile = path.join(userData, 'User', 'settings.json');
  if (!existsSync(settingsFile)) {
    mkdirSync(path.dirname(settingsFile), { recursive: true });
    writeFileSync(
      settingsFile,
      JSON.stringify(
        {
          'chat.disableAIFeatures': true,
          'workbench.startupEditor': 'none',
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
          'git.openRepositoryInParentFolders': 'never',
          'telemetry.telemetryLevel': 'off',
        },
        null,
        2,
      ),
    );
  }

  console.log('Installing code-server if needed (the first time takes a few minutes)…');
  const install = await ensureCodeServer();
  console.log('Packaging Switchboard…');
  installUnpackedExtension(extensions, packageAndUnpackVsix(path.join(profile, 'build')));

  const requested = Number(process.env['PORT'] ?? '');
  const port = Number.isInteger(requested) && requested > 0 ? requested : await findFreePort();
  const workspace = path.join(repoRoot, 'sample-workspace');
  const server = await startCodeServer({
    install,
    port,
    userDataDir: userData,
    extensionsDir: extensions,
    workspace,
    logFile: path.join(profile, 'code-server.log'),
  });
  console.log(`\nSwitchboard is running in code-server: ${server.workspaceUrl}`);
  console.log(`Profile (settings, keys, logs): ${profile}`);
  console.log('Press Ctrl-C to stop.\n');
  server.process.once('exit', (code) => {
    console.error(`code-server exited (${code ?? 'signal'}); see ${path.join(profile, 'code-server.log')}`);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

// `npm start`: package Switchboard, install it into code-server (VS Code in the browser) with a profile kept in
// the cache folder (so keys you store survive restarts), open the sample workspace on the chat and the
// walkthrough, pick a local model server if one answers, print the URL, and run until Ctrl-C. Works on a machine
// without VS Code.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import {
  detectLocalServers,
  localServerCandidates,
  pickLocalModel,
  type DetectedLocalServer,
} from '../src/core/providers/detectLocalServers';
import { ensureCodeServer } from './editor/codeServerInstall';
import { startCodeServer } from './editor/codeServerProcess';
import { findFreePort } from './editor/freePort';
import { installUnpackedExtension, readManifest } from './editor/installExtension';
import { packageAndUnpackVsix, repoRoot } from './editor/packageExtension';
import { installStartHelperExtension, startRunEnv } from './editor/startHelperExtension';

const modelSetting = 'switchboard.chat.model';

/** Runs one step, saying what it does and how long it took. */
async function step<T>(what: string, run: () => T | Promise<T>): Promise<T> {
  const started = Date.now();
  console.log(`${what}…`);
  const result = await run();
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

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

  // Asked while code-server is checked (or installed); awaited before packaging, which blocks the event loop.
  const detection = detectLocalServers();
  const install = await step('Checking code-server (the first install takes a few minutes)', () => ensureCodeServer());
  const servers = await detection;
  await step('Packaging Switchboard', () => {
    const unpacked = packageAndUnpackVsix(path.join(profile, 'build'));
    installUnpackedExtension(extensions, unpacked);
    installStartHelperExtension(extensions, readManifest(unpacked));
  });
  chooseLocalModel(settingsFile, path.join(profile, 'picked-model.txt'), servers);

  const requested = Number(process.env['PORT'] ?? '');
  const port = Number.isInteger(requested) && requested > 0 ? requested : await findFreePort();
  const workspace = path.join(repoRoot, 'sample-workspace');
  const server = await step('Starting code-server', () =>
    startCodeServer({
      install,
      port,
      userDataDir: userData,
      extensionsDir: extensions,
      workspace,
      logFile: path.join(profile, 'code-server.log'),
      env: { [startRunEnv]: String(Date.now()) },
    }),
  );
  console.log(`\nSwitchboard is running in code-server: ${server.workspaceUrl}`);
  console.log('It opens on the Switchboard chat and its walkthrough.');
  console.log(`Profile (settings, keys, logs): ${profile}`);
  console.log('Press Ctrl-C to stop.\n');
  server.process.once('exit', (code) => {
    console.error(`code-server exited (${code ?? 'signal'}); see ${path.join(profile, 'code-server.log')}`);
    process.exit(1);
  });
}

/**
 * Sets the profile's chat model to the first local server's first chat model, unless the user chose a model
 * there. A model npm start picked earlier (remembered in `pickedFile`) is not the user's choice: it is replaced,
 * or removed when its server is gone, so a stopped Ollama does not leave the chat pointing at it.
 */
function chooseLocalModel(settingsFile: string, pickedFile: string, servers: readonly DetectedLocalServer[]): void {
  const settings = readSettings(settingsFile);
  const current = settings?.[modelSetting];
  const picked = existsSync(pickedFile) ? readFileSync(pickedFile, 'utf8').trim() : undefined;
  if (typeof current === 'string' && current !== '' && current !== picked) {
    console.log(`Chat model: ${current} (chosen in the editor).`);
    return;
  }
  for (const server of servers.filter((each) => each.models.length === 0)) {
    console.log(`${server.label} answers at ${server.baseUrl} but lists no chat model; load or pull one and run npm start again.`);
  }
  const choice = pickLocalModel(servers);
  if (choice !== undefined) {
    const found = `Found ${choice.server.label} at ${choice.server.baseUrl}`;
    if (settings === undefined) {
      console.log(`${found}: set "${modelSetting}": "${choice.model}" in the profile's settings.json to chat with it.`);
      return;
    }
    writeFileSync(settingsFile, JSON.stringify({ ...settings, [modelSetting]: choice.model }, null, 2));
    writeFileSync(pickedFile, choice.model);
    console.log(`${found}: the chat uses ${choice.model}, no key needed ("Switchboard: Select Chat Model" changes it).`);
    return;
  }
  if (settings !== undefined && typeof current === 'string' && current === picked) {
    const { [modelSetting]: _gone, ...rest } = settings;
    writeFileSync(settingsFile, JSON.stringify(rest, null, 2));
    rmSync(pickedFile, { force: true });
  }
  const ports = localServerCandidates.map((each) => `${each.label.replace(/ \(local\)$/, '')} on ${new URL(each.baseUrl).port}`).join(', ');
  console.log(
    `No local model server answered (${ports}): start one and run npm start again, or set a cloud provider's key in the editor with "Switchboard: Set API Key" (F1).`,
  );
}

/** The profile's user settings, or undefined when they are not plain JSON (the editor allows comments): then left alone. */
function readSettings(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

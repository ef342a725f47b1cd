// One real editor for the real-editor tests: code-server on a free loopback port with a throw-away profile and
// workspace, the freshly packaged Switchboard VSIX and the test-runner extension installed into it, and
// Debian's Chromium driven by Playwright showing the workbench.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/editor/chromium';
import { ensureCodeServer } from '../../../scripts/editor/codeServerInstall';
import { startCodeServer, type RunningCodeServer } from '../../../scripts/editor/codeServerProcess';
import { findFreePort } from '../../../scripts/editor/freePort';
import { installUnpackedExtension } from '../../../scripts/editor/installExtension';
import { packageAndUnpackVsix, repoRoot } from '../../../scripts/editor/packageExtension';
import { HostBridge } from './hostBridge';

export { repoRoot };

export interface EditorSessionOptions {
  /** User settings written before the editor starts. */
  userSettings?: Record<string, unknown>;
  /** Environment of code-server, and so of the extension host. */
  env?: NodeJS.ProcessEnv;
  /** VS Code's display language, e.g. `ru`. */
  locale?: string;
  /** Files written into the throw-away workspace (relative path → content), e.g. `.vscode/settings.json`. */
  workspaceFiles?: Record<string, string>;
}

export interface EditorSession {
  page: Page;
  browser: Browser;
  context: BrowserContext;
  codeServer: RunningCodeServer;
  bridge: HostBridge;
  dirs: { root: string; userData: string; extensions: string; workspace: string; bridge: string; logFile: string };
  /** Reloads the window (a new extension host starts) and reconnects the bridge to it. */
  reloadWindow(): Promise<void>;
  stop(): Promise<void>;
}

export const defaultUserSettings: Record<string, unknown> = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // code-server, a web editor, saves a changed file after a second by default; desktop VS Code does not. The tests
  // expect the desktop's behaviour: an accepted edit stays unsaved until the user saves, and a revert restores the file.
  'files.autoSave': 'off',
  // The sample workspace has an AGENTS.md (to show the instructions chip); tests that count chips or read the sent
  // message turn it on themselves.
  'switchboard.context.projectInstructions': false,
};

/** Assembles the runner extension: its manifest, its bundle, and the compiled in-host suites. */
function assembleRunnerExtension(intoDir: string): string {
  const dir = path.join(intoDir, 'e2e-runner');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(repoRoot, 'test', 'e2e', 'runner-extension', 'package.json'), path.join(dir, 'package.json'));
  cpSync(path.join(repoRoot, 'out', 'e2e', 'runner-extension', 'extension.js'), path.join(dir, 'extension.js'));
  cpSync(path.join(repoRoot, 'out', 'e2e', 'host'), path.join(dir, 'suites'), { recursive: true });
  return dir;
}

export async function startEditorSession(options: EditorSessionOptions = {}): Promise<EditorSession> {
  const install = await ensureCodeServer();
  const root = mkdtempSync(path.join(tmpdir(), 'switchboard-e2e-'));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    bridge: path.join(root, 'bridge'),
    logFile: path.join(root, 'code-server.log'),
  };
  cpSync(path.join(repoRoot, 'sample-workspace'), dirs.workspace, { recursive: true });
  for (const [relative, content] of Object.entries(options.workspaceFiles ?? {})) {
    mkdirSync(path.dirname(path.join(dirs.workspace, relative)), { recursive: true });
    writeFileSync(path.join(dirs.workspace, relative), content);
  }
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...defaultUserSettings, ...options.userSettings }, null, 2),
  );

  installUnpackedExtension(dirs.extensions, packageAndUnpackVsix(path.join(root, 'build')));
  installUnpackedExtension(dirs.extensions, assembleRunnerExtension(path.join(root, 'build')));
  if (options.locale === 'ru') {
    // VS Code accepts a display language only when a language pack provides it; this minimal one does (it
    // translates nothing of VS Code itself). Installing through the gallery would also write languagepacks.json,
    // the server's registry of language packs; copying does not, so it is written here.
    const pack = installUnpackedExtension(dirs.extensions, path.join(repoRoot, 'test', 'e2e', 'fixtures', 'language-pack-ru'));
    writeFileSync(
      path.join(dirs.userData, 'languagepacks.json'),
      JSON.stringify({
        ru: {
          hash: 'switchboard-tests-ru',
          extensions: [{ extensionIdentifier: { id: 'switchboard-tests.test-language-pack-ru' }, version: '0.0.1' }],
          translations: { vscode: path.join(pack, 'translations', 'main.i18n.json') },
          label: 'русский',
        },
      }),
    );
  }

  const codeServer = await startCodeServer({
    install,
    port: await findFreePort(),
    userDataDir: dirs.userData,
    extensionsDir: dirs.extensions,
    workspace: dirs.workspace,
    logFile: dirs.logFile,
    ...(options.locale ? { locale: options.locale } : {}),
    env: {
      ...options.env,
      SWITCHBOARD_E2E_BRIDGE_DIR: dirs.bridge,
      SWITCHBOARD_E2E_MOCHA: path.join(repoRoot, 'node_modules', 'mocha'),
    },
  });

  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await openWorkbench(page, codeServer.workspaceUrl);
    let bridge = await HostBridge.connect(dirs.bridge, { timeoutMs: 90_000 });
    const session: EditorSession = {
      page,
      browser,
      context,
      codeServer,
      get bridge() {
        return bridge;
      },
      dirs,
      async reloadWindow() {
        const previous = bridge.extensionHostPid;
        await page.reload();
        await waitForWorkbench(page);
        bridge = await HostBridge.connect(dirs.bridge, { timeoutMs: 90_000, exceptPids: [previous] });
      },
      async stop() {
        await browser?.close().catch(() => undefined);
        await codeServer.stop();
        if (!process.env['SWITCHBOARD_E2E_KEEP']) rmSync(root, { recursive: true, force: true });
      },
    };
    return session;
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await codeServer.stop();
    throw error;
  }
}

async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url, { timeout: 60_000 });
  await waitForWorkbench(page);
}

/** The workbench is usable once its parts are laid out and the status bar is drawn. */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 90_000 });
}

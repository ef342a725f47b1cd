// Runs inside the real extension host (through the runner extension): the workspace-context sources of
// src/vscode/context against the real workspace API, file system, diagnostics, terminals and Git extension. The
// engine's readers are this bundle's own copy of src/core/context (what ProviderEngineHost.module() hands the
// extension). Everything a test writes into the shared workspace lives under one scratch folder, removed at the end.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { closeEditorsQuietly } from './closeEditorsQuietly';
import { defaultSettings } from '../../../src/core/config/switchboardSettings';
import { createContextExclusion } from '../../../src/core/context/contextExclusion';
import { defaultContextReadLimits } from '../../../src/core/context/contextLimits';
import { FuzzyFileIndex } from '../../../src/core/context/fuzzyFileIndex';
import { createGitignoreFilter } from '../../../src/core/context/gitignoreFilter';
import { readFileContext } from '../../../src/core/context/readFileContext';
import { readFolderContext } from '../../../src/core/context/readFolderContext';
import { addToChatCommand } from '../../../src/vscode/context/addToChatCommand';
import type { ContextEngine } from '../../../src/vscode/context/contextEngine';
import type { ContextSourceDeps } from '../../../src/vscode/context/contextSourceDeps';
import { fileContextSource } from '../../../src/vscode/context/fileContextSource';
import { folderContextSource } from '../../../src/vscode/context/folderContextSource';
import { gitChangesContextSource } from '../../../src/vscode/context/gitChangesContextSource';
import type { PendingContext } from '../../../src/vscode/context/pendingContext';
import { problemsContextSource } from '../../../src/vscode/context/problemsContextSource';
import { projectInstructionsSources } from '../../../src/vscode/context/projectInstructionsSources';
import { selectionContextSource } from '../../../src/vscode/context/selectionContextSource';
import { activeFileContextSource } from '../../../src/vscode/context/activeFileContextSource';
import { terminalContextSource } from '../../../src/vscode/context/terminalContextSource';
import { TerminalOutputTracker } from '../../../src/vscode/context/terminalOutputTracker';
import { WorkspaceFileIndex } from '../../../src/vscode/context/workspaceFileIndex';

const engine: ContextEngine = {
  defaultContextReadLimits,
  createContextExclusion,
  createGitignoreFilter,
  readFileContext,
  readFolderContext,
  FuzzyFileIndex,
};
const deps: ContextSourceDeps = { engine: () => engine, exclude: () => defaultSettings.contextExclude };

const scratchName = `context-e2e-${process.pid}`;

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return folder.uri;
}

function scratch(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(root(), scratchName, ...segments);
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Resolves with the first event that passes `accept` (mocha's timeout bounds the wait). */
function nextEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const subscription = event((value) => {
      if (!accept(value)) return;
      subscription.dispose();
      resolve(value);
    });
  });
}

describe('workspace context sources in the extension host', () => {
  before(async () => {
    await write(scratch('src', 'app.ts'), 'export const answer = 42;\n');
    await write(scratch('src', 'util.ts'), 'export function twice(n: number): number {\n  return 2 * n;\n}\n');
    await write(scratch('.env'), 'API_TOKEN=fake-token-for-tests-only\n');
    await write(scratch('.gitignore'), 'build/\n');
    await write(scratch('build', 'out.js'), 'console.log("built");\n');
  });

  after(async () => {
    await closeEditorsQuietly();
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), scratchName), { recursive: true, useTrash: false });
  });

  it('reads a workspace file, keyed by its URI, and opens it', async () => {
    const uri = scratch('src', 'app.ts');
    const source = fileContextSource(uri, deps);
    assert.equal(source.key, `file:${uri.toString()}`);
    assert.equal(source.kind, 'file');
    assert.equal(source.label, 'app.ts');
    const item = await source.read();
    assert.equal(item.text, 'export const answer = 42;\n');
    assert.equal(item.path, `${scratchName}/src/app.ts`);
    assert.equal(item.note, undefined);
    await source.open?.();
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  it('never reads .env: the item has no text and says why', async () => {
    const item = await fileContextSource(scratch('.env'), deps).read();
    assert.equal(item.text, '');
    assert.equal(item.note?.id, 'context.excluded');
    assert.ok(!JSON.stringify(item).includes('fake-token-for-tests-only'));
  });

  it('does not read the active editor when it shows an excluded file, nor a selection in it', async () => {
    const editor = await vscode.window.showTextDocument(scratch('.env'), { preview: false });
    editor.selection = new vscode.Selection(0, 0, 0, 9);
    const file = await activeFileContextSource(editor.document, deps).read();
    assert.equal(file.text, '');
    assert.equal(file.note?.id, 'context.excluded');
    const selection = selectionContextSource(editor, deps);
    assert.ok(selection);
    const selected = await selection.read();
    assert.equal(selected.kind, 'selection');
    assert.equal(selected.text, '');
    assert.equal(selected.note?.id, 'context.excluded');
  });

  it('sends an open file with unsaved edits as the editor shows it', async () => {
    const editor = await vscode.window.showTextDocument(scratch('src', 'util.ts'), { preview: false });
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '// edited, not saved\n'));
    const item = await fileContextSource(scratch('src', 'util.ts'), deps).read();
    assert.ok(item.text.startsWith('// edited, not saved\n'), item.text);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('fixes a selection chip to its range and reads that range again when sent', async () => {
    const editor = await vscode.window.showTextDocument(scratch('src', 'util.ts'), { preview: false });
    editor.selection = new vscode.Selection(1, 0, 1, 15);
    const source = selectionContextSource(editor, deps);
    assert.ok(source);
    assert.equal(source.label, 'util.ts:2');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const item = await source.read();
    assert.equal(item.text, '  return 2 * n;');
    assert.equal(item.startLine, 2);
  });

  it('gives a URI outside every workspace folder a note and does not read it', async () => {
    const outside = vscode.Uri.joinPath(root(), '..', 'outside-the-workspace.txt');
    const item = await fileContextSource(outside, deps).read();
    assert.equal(item.text, '');
    assert.equal(item.note?.id, 'context.outsideWorkspace');
    // Not normalized on purpose: `<workspace>/<scratch>/../../etc` starts with the workspace's path but is outside it.
    const climbing = root().with({ path: `${root().path}/${scratchName}/../../etc` });
    assert.equal((await folderContextSource(climbing, deps).read()).note?.id, 'context.outsideWorkspace');
  });

  it('reads a folder without its .gitignored and excluded files', async () => {
    const source = folderContextSource(vscode.Uri.joinPath(root(), scratchName), deps);
    assert.equal(source.kind, 'folder');
    assert.equal(source.key, `folder:${vscode.Uri.joinPath(root(), scratchName).toString()}`);
    const item = await source.read();
    assert.ok(item.text.includes('export const answer = 42;'), item.text);
    assert.ok(item.text.includes('return 2 * n;'), item.text);
    assert.ok(!item.text.includes('console.log("built")'), 'a .gitignored file was read');
    assert.ok(!item.text.includes('fake-token-for-tests-only'), '.env was read');
  });

  it('lists problems errors first, as path:line:col, leaving out excluded files', async () => {
    const collection = vscode.languages.createDiagnosticCollection('context-e2e');
    try {
      const warning = new vscode.Diagnostic(new vscode.Range(0, 7, 0, 12), 'prefer let', vscode.DiagnosticSeverity.Warning);
      const error = new vscode.Diagnostic(new vscode.Range(1, 2, 1, 8), "Type 'string' is not assignable", vscode.DiagnosticSeverity.Error);
      error.source = 'ts';
      error.code = 2322;
      const hint = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), 'unused hint', vscode.DiagnosticSeverity.Hint);
      collection.set(scratch('src', 'util.ts'), [warning, error, hint]);
      collection.set(scratch('.env'), [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 9), 'leaks fake-token-for-tests-only')]);

      const all = await problemsContextSource('all', deps).read();
      assert.equal(all.kind, 'problems');
      const path = `${scratchName}/src/util.ts`;
      const errorAt = all.text.indexOf(`${path}:2:3 error: Type 'string' is not assignable [ts 2322]`);
      const warningAt = all.text.indexOf(`${path}:1:8 warning: prefer let`);
      assert.ok(errorAt >= 0 && warningAt > errorAt, all.text);
      assert.ok(!all.text.includes('unused hint'));
      assert.ok(!all.text.includes('fake-token-for-tests-only'));

      const one = problemsContextSource(scratch('src', 'app.ts'), deps);
      assert.equal(one.key, `problems:${scratch('src', 'app.ts').toString()}`);
      assert.equal((await one.read()).note?.id, 'context.noProblems');
    } finally {
      collection.dispose();
    }
  });

  it('says so when there is no terminal, or the terminal has no shell integration', async () => {
    const tracker = new TerminalOutputTracker();
    try {
      const none = await terminalContextSource(tracker, undefined).read();
      assert.equal(none.note?.id, 'context.noTerminal');
      // An extension's own pseudoterminal never has shell integration.
      const writer = new vscode.EventEmitter<string>();
      const terminal = vscode.window.createTerminal({
        name: 'no-integration',
        pty: { onDidWrite: writer.event, open: () => {}, close: () => {} },
      });
      try {
        const item = await terminalContextSource(tracker, terminal).read();
        assert.equal(item.label, 'no-integration');
        assert.equal(item.note?.id, 'context.shellIntegrationOff');
      } finally {
        terminal.dispose();
        writer.dispose();
      }
    } finally {
      tracker.dispose();
    }
  });

  it('reads the last command of a terminal with shell integration, without control sequences', async function () {
    this.timeout(60_000);
    const tracker = new TerminalOutputTracker();
    const terminal = vscode.window.createTerminal({ name: 'context-e2e', shellPath: '/bin/bash', cwd: root() });
    terminal.show(true);
    try {
      const integration =
        terminal.shellIntegration ??
        (await nextEvent(vscode.window.onDidChangeTerminalShellIntegration, (event) => event.terminal === terminal)).shellIntegration;
      const ended = nextEvent(vscode.window.onDidEndTerminalShellExecution, (event) => event.terminal === terminal);
      // The output comes a moment after the command starts, as a real command's does: VS Code streams what arrives
      // after the shell's "command executed" mark, and output in the same chunk as that mark can be missed.
      integration.executeCommand("sleep 0.5; printf '\\033[31mred-%s\\033[0m\\n' e2e; exit_code_probe() { return 3; }; exit_code_probe");
      await ended;
      // The tracker records the command once its output stream has drained.
      let item = await terminalContextSource(tracker, terminal).read();
      while (item.note) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        item = await terminalContextSource(tracker, terminal).read();
      }
      assert.ok(item.text.startsWith("$ sleep 0.5; printf '"), item.text);
      assert.ok(item.text.includes('red-e2e'), item.text);
      assert.ok(!item.text.includes('\u001b'), 'control sequences were kept');
      assert.ok(item.text.endsWith('[exit code 3]'), item.text);
    } finally {
      terminal.dispose();
      tracker.dispose();
    }
  });

  it('reads staged and unstaged changes through the Git extension, never an excluded file', async function () {
    this.timeout(60_000);
    const repo = scratch('repo');
    await write(vscode.Uri.joinPath(repo, 'tracked.ts'), 'export const version = 1;\n');
    await write(vscode.Uri.joinPath(repo, 'staged.ts'), 'export const staged = false;\n');
    await write(vscode.Uri.joinPath(repo, '.env'), 'API_TOKEN=old\n');
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', ...args], { cwd: repo.fsPath, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A', '-f');
    git('commit', '-q', '-m', 'start');
    await write(vscode.Uri.joinPath(repo, 'tracked.ts'), 'export const version = 2;\n');
    await write(vscode.Uri.joinPath(repo, 'staged.ts'), 'export const staged = true;\n');
    await write(vscode.Uri.joinPath(repo, '.env'), 'API_TOKEN=fake-token-for-tests-only\n');
    await write(vscode.Uri.joinPath(repo, 'new.ts'), 'export {};\n');
    git('add', 'staged.ts');

    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): { openRepository(root: vscode.Uri): Promise<unknown> } }>(
      'vscode.git',
    );
    assert.ok(extension, 'the built-in Git extension is not there');
    const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
    assert.ok(await api.openRepository(repo), 'the Git extension did not open the scratch repository');

    const source = gitChangesContextSource(deps);
    assert.equal(source.key, 'diff');
    const item = await source.read();
    assert.equal(item.kind, 'diff');
    const staged = item.text.indexOf('Staged changes');
    const unstaged = item.text.indexOf('Unstaged changes');
    assert.ok(staged >= 0 && unstaged > staged, item.text);
    assert.ok(item.text.slice(staged, unstaged).includes('+export const staged = true;'), item.text);
    assert.ok(item.text.slice(unstaged).includes('+export const version = 2;'), item.text);
    assert.ok(item.text.includes('matches switchboard.context.exclude'), item.text);
    assert.ok(!item.text.includes('fake-token-for-tests-only'), 'the .env diff was sent');
    assert.match(item.text, /Untracked files \(not in the diff\):\n.*new\.ts/);
  });

  it('offers the project instructions at the root as instruction chips', async () => {
    const agents = vscode.Uri.joinPath(root(), 'AGENTS.md');
    await write(agents, 'Answer in haiku.\n');
    try {
      const on = await projectInstructionsSources({ ...deps, enabled: () => true });
      const source = on.find((each) => each.key === `instructions:${agents.toString()}`);
      assert.ok(source, `no AGENTS.md among ${on.map((each) => each.key).join(', ')}`);
      assert.equal(source.kind, 'instructions');
      const item = await source.read();
      assert.equal(item.kind, 'instructions');
      assert.equal(item.text, 'Answer in haiku.\n');
      assert.deepEqual(await projectInstructionsSources({ ...deps, enabled: () => false }), []);
    } finally {
      await vscode.workspace.fs.delete(agents);
    }
  });

  it('Add to Chat takes the explorer selection (uri, uris[]), tells files from folders, and hands images over as images', async () => {
    let added: PendingContext[] = [];
    let images: vscode.Uri[] = [];
    const command = addToChatCommand({
      ...deps,
      add: async (sources) => {
        added = sources;
      },
      addImages: async (uris) => {
        images = uris;
      },
    });
    const file = scratch('src', 'app.ts');
    const folder = scratch('src');
    const picture = scratch('assets', 'logo.PNG');
    assert.equal(await command(file, [file, folder, picture]), 2);
    assert.deepEqual(
      images.map((uri) => uri.toString()),
      [picture.toString()],
    );
    assert.deepEqual(
      added.map((source) => [source.kind, source.key]),
      [
        ['file', `file:${file.toString()}`],
        ['folder', `folder:${folder.toString()}`],
      ],
    );
    assert.equal(await command(file.toString()), 1, 'a URI string (as scripts pass it)');
    assert.equal(added[0]?.kind, 'file');
    await vscode.window.showTextDocument(file, { preview: false });
    assert.equal(await command(), 1, 'no argument: the active editor');
    assert.equal(added[0]?.key, `file:${file.toString()}`);
  });

  it('lists workspace files for the @ picker without .gitignored ones, and notices new files', async function () {
    this.timeout(60_000);
    const index = new WorkspaceFileIndex(() => engine);
    /** Queries until the list is built and `done` (a file written meanwhile may make the index build again). */
    const settled = async (text: string, done: (paths: string[]) => boolean): Promise<string[]> => {
      for (;;) {
        const result = index.query(text, 200);
        const paths = result.items.map((item) => `${item.description}/${item.label}`);
        if (!result.indexing && done(paths)) return paths;
        if (result.indexing) await nextEvent(index.onDidUpdate);
        else await new Promise((resolve) => setTimeout(resolve, 50)); // the file event has not arrived yet
      }
    };
    try {
      const first = index.query(scratchName, 100);
      assert.equal(first.indexing, true, 'the first query starts the listing and does not wait for it');
      assert.deepEqual(first.items, []);
      const paths = await settled(`${scratchName}/`, () => true);
      assert.ok(paths.includes(`${scratchName}/src/app.ts`), paths.join('\n'));
      assert.ok(paths.includes(`${scratchName}/src`), 'folders are offered too');
      assert.ok(!paths.some((path) => path.startsWith(`${scratchName}/build`)), 'a .gitignored file or folder is listed');

      // As the explorer's New File does (a workspace edit), not behind the editor's back.
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(scratch('src', 'added.ts'), { contents: new TextEncoder().encode('export {};\n') });
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      await settled('added.ts', (found) => found.includes(`${scratchName}/src/added.ts`));
    } finally {
      index.dispose();
    }
  });
});

// Runs inside the real extension host (through the runner extension), driven by test/e2e/toolExecutors.e2e.ts: the
// chat's built-in tools as the extension runs them (src/vscode/tools) against the real workspace API, file system,
// diagnostics, Git extension, multi-file diff editor and the ripgrep code-server ships. The engine is this bundle's
// own copy of src/core/engine.ts (what ProviderEngineHost.module() hands the extension), the reviews this bundle's
// copy of the apply-code modules under their own command prefix and document scheme (Switchboard's own instance
// registers `switchboard.*` in the same host). Everything a test writes into the shared workspace lives under one
// scratch folder, removed at the end; the large tree the Stop test searches lives in the system's temporary folder.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultSettings } from '../../../src/core/config/switchboardSettings';
import * as engine from '../../../src/core/engine';
import type { CheckedToolCall, ToolOutcome } from '../../../src/core/tools/toolTypes';
import * as applyCodeModule from '../../../src/vscode/edits/applyCodeModule';
import { gitChangesContextSource } from '../../../src/vscode/context/gitChangesContextSource';
import { problemsContextSource } from '../../../src/vscode/context/problemsContextSource';
import { ChangeReviews } from '../../../src/vscode/edits/changeReviews';
import { diffsOf } from '../../../src/vscode/edits/closeProposalTabs';
import { ProposalDocuments } from '../../../src/vscode/edits/proposalDocuments';
import { createBuiltinToolExecutor } from '../../../src/vscode/tools/builtinToolExecutor';
import { otherExtensionTools } from '../../../src/vscode/tools/languageModelTools';
import { editorRipgrepPath } from '../../../src/vscode/tools/ripgrepPath';
import { runRipgrepSearch } from '../../../src/vscode/tools/runRipgrepSearch';
import type { ToolExecutor } from '../../../src/vscode/tools/toolExecutor';
import { toolWorkspaceOf } from '../../../src/vscode/tools/toolWorkspaceOf';
import { changedLines, TurnProposals } from '../../../src/vscode/tools/turnProposals';

const scratchName = `tools-e2e-${process.pid}`;
const namespace = 'switchboardToolsE2e';
const settings = { settings: defaultSettings };
const documents = new ProposalDocuments('switchboard-proposal-tools-e2e');
// The apply-code bundle's modules themselves, where the extension loads dist/applyCode.js.
const reviews = new ChangeReviews(documents, () => applyCodeModule, namespace);
/** A word no file of the sample workspace holds, so a search of the whole workspace finds only the scratch files. */
const needle = `toolsNeedle${process.pid}`;

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return folder.uri;
}

function scratch(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(root(), scratchName, ...segments);
}

/** The path a model would give for a scratch file (relative to the workspace folder). */
function named(...segments: string[]): string {
  return [scratchName, ...segments].join('/');
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** The file's bytes on disk as text (not an editor's document). */
function onDisk(uri: vscode.Uri): string | undefined {
  try {
    return fs.readFileSync(uri.fsPath, 'utf8');
  } catch {
    return undefined;
  }
}

/** A log that keeps its lines, for what the executors say they used. */
function recordingLog(): { lines: string[]; info(message: string): void; warn(message: string): void } {
  const lines: string[] = [];
  return { lines, info: (message) => lines.push(message), warn: (message) => lines.push(`warn: ${message}`) };
}

let callCount = 0;
function call(name: string, input: unknown, readOnly = true): CheckedToolCall {
  callCount += 1;
  return { id: `call-${callCount}`, name, arguments: JSON.stringify(input), input, readOnly };
}

function executorWith(options: { findRipgrep?: () => string | undefined; proposals?: TurnProposals } = {}) {
  const log = recordingLog();
  const proposals = options.proposals ?? new TurnProposals({ engine, settings, reviews });
  const execute: ToolExecutor = createBuiltinToolExecutor({
    engine,
    settings,
    proposals,
    log,
    contextSources: { problems: problemsContextSource, changes: gitChangesContextSource },
    ...(options.findRipgrep ? { findRipgrep: options.findRipgrep } : {}),
  });
  const run = (name: string, input: unknown): Promise<ToolOutcome> => execute(call(name, input), new AbortController().signal);
  return { run, log, proposals };
}

/** The tabs showing this suite's proposals (single diffs and multi-file diffs). */
function proposalTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => diffsOf(tab).some((diff) => diff.modified.scheme === documents.scheme));
}

/** The processes this extension host started whose working folder is `folder` (Linux's /proc), with their state. */
function childrenIn(folder: string): { pid: number; state: string }[] {
  const found: { pid: number; state: string }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // `pid (name) state ppid …`: the name may hold spaces, so the fields are read after its closing parenthesis.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) !== process.pid) continue;
      if (fs.readlinkSync(`/proc/${entry}/cwd`) === folder) found.push({ pid: Number(entry), state: state ?? '' });
    } catch {
      // The process ended meanwhile, or is not ours to look at.
    }
  }
  return found;
}

/** A process's state letter (R running, S sleeping, T stopped, Z ended but not yet reaped), or undefined when it is gone. */
function processState(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

/** The signals pending for a whole process (`ShdPnd` of /proc/<pid>/status: bit n-1 for signal n). */
function pendingSignals(pid: number): bigint {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const hex = /^ShdPnd:\s*([0-9a-f]+)$/m.exec(status)?.[1];
  assert.ok(hex, `no ShdPnd in /proc/${pid}/status`);
  return BigInt(`0x${hex}`);
}

const subscriptions: vscode.Disposable[] = [];

describe('the chat tools’ executors in the extension host', () => {
  before(async () => {
    subscriptions.push(
      reviews,
      reviews.registerCommands(),
      vscode.workspace.registerTextDocumentContentProvider(documents.scheme, documents),
    );
    await write(scratch('src', 'app.ts'), `export const answer = 42;\n// ${needle} in the app\n`);
    await write(scratch('src', 'deep', 'util.ts'), `export function twice(n: number): number {\n  return 2 * n; // ${needle}\n}\n`);
    await write(scratch('.env'), `API_TOKEN=fake-token-for-tests-only ${needle}\n`);
    await write(scratch('.gitignore'), 'build/\n');
    await write(scratch('build', 'out.js'), `console.log("${needle}");\n`);
  });

  after(async () => {
    for (const subscription of subscriptions) subscription.dispose();
    // Only this suite's editors are closed, its unsaved ones reverted first: closing another suite's unsaved file
    // would ask to save it, a dialog that blocks every later suite.
    const ours = (uri: vscode.Uri): boolean => uri.scheme === documents.scheme || uri.fsPath.startsWith(scratch().fsPath);
    for (const document of vscode.workspace.textDocuments.filter((open) => open.isDirty && ours(open.uri))) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    const tabs = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => {
        const input = tab.input;
        if (input instanceof vscode.TabInputText) return ours(input.uri);
        return diffsOf(tab).some((diff) => ours(diff.modified) || ours(diff.original));
      });
    await vscode.window.tabGroups.close(tabs);
    await vscode.workspace.fs.delete(scratch(), { recursive: true, useTrash: false });
  });

  it('sees the workspace folder on disk, with switchboard.context.exclude', () => {
    const workspace = toolWorkspaceOf(engine, defaultSettings);
    assert.deepEqual(workspace.folders, [{ name: vscode.workspace.workspaceFolders?.[0]?.name, path: root().fsPath }]);
    assert.equal(workspace.exclusion.isExcluded(`${scratchName}/.env`), true);
    assert.equal(workspace.exclusion.isExcluded(`${scratchName}/src/app.ts`), false);
  });

  it('finds the ripgrep code-server ships under vscode.env.appRoot, and search_text runs it', async () => {
    const rg = editorRipgrepPath(engine);
    assert.ok(rg, `no ripgrep under ${vscode.env.appRoot}`);
    assert.ok(rg.startsWith(vscode.env.appRoot + path.sep), `${rg} is not the editor's own`);
    assert.match(rg, /node_modules[/\\]@vscode[/\\]ripgrep(-universal)?[/\\]bin[/\\]/);
    assert.ok(fs.statSync(rg).isFile());

    const { run, log } = executorWith();
    const result = await run('search_text', { query: needle });
    assert.equal(result.isError, false, result.content);
    assert.match(result.content, new RegExp(`^2 matches in 2 files for "${needle}"`));
    assert.ok(result.content.includes(`${named('src', 'app.ts')}:2: // ${needle} in the app`), result.content);
    assert.ok(result.content.includes(`${named('src', 'deep', 'util.ts')}:2: return 2 * n; // ${needle}`), result.content);
    assert.doesNotMatch(result.content, /\.env|build\/out\.js|fake-token/, 'an excluded or .gitignored file was searched');
    assert.deepEqual(log.lines, [`search_text runs the editor's ripgrep: ${rg}`]);

    // The same search again is not logged again.
    await run('search_text', { query: needle, glob: '*.ts' });
    assert.equal(log.lines.length, 1);
  });

  it('falls back to the plain search with the same result when no ripgrep is found, or it cannot start', async () => {
    const viaRipgrep = await executorWith().run('search_text', { query: needle });
    const sorted = (text: string): string[] => text.split('\n').sort();

    const missing = executorWith({ findRipgrep: () => undefined });
    const plain = await missing.run('search_text', { query: needle });
    assert.deepEqual(sorted(plain.content), sorted(viaRipgrep.content));
    assert.deepEqual(missing.log.lines, ["search_text runs the plain search: the editor's ripgrep was not found"]);

    const gone = executorWith({ findRipgrep: () => path.join(os.tmpdir(), `no-such-rg-${process.pid}`) });
    assert.deepEqual(sorted((await gone.run('search_text', { query: needle })).content), sorted(viaRipgrep.content));
    assert.deepEqual(gone.log.lines, ["search_text runs the plain search: the editor's ripgrep could not be started (ENOENT)"]);

    const notExecutable = path.join(os.tmpdir(), `rg-not-executable-${process.pid}`);
    fs.writeFileSync(notExecutable, '#!/bin/sh\necho never run\n', { mode: 0o644 });
    try {
      const refused = executorWith({ findRipgrep: () => notExecutable });
      assert.deepEqual(sorted((await refused.run('search_text', { query: needle })).content), sorted(viaRipgrep.content));
      assert.deepEqual(refused.log.lines, ["search_text runs the plain search: the editor's ripgrep could not be started (EACCES)"]);
    } finally {
      fs.rmSync(notExecutable, { force: true });
    }
  });

  it('Stop during a search of a large tree kills ripgrep: the search rejects with the reason and the process is gone', async function () {
    this.timeout(60_000);
    const rg = editorRipgrepPath(engine);
    assert.ok(rg);
    // 40 files of 1,000,000 bytes (under the 1 MiB limit) with no match: ripgrep would read every byte of them.
    const tree = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tools-e2e-big-')));
    try {
      const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu'.split(' ');
      const line = `${Array.from({ length: 1000 }, (_, index) => `${words[index % words.length]}${index % 7}`).join(' ')}\n`;
      const text = line.repeat(Math.floor(1_000_000 / line.length));
      for (let index = 0; index < 40; index++) fs.writeFileSync(path.join(tree, `part-${index}.txt`), text);
      const workspace = {
        folders: [{ name: 'big', path: tree }],
        exclusion: engine.createContextExclusion(defaultSettings.contextExclude),
      };
      const controller = new AbortController();
      const reason = new Error('stopped by the test');
      const searching = runRipgrepSearch(
        { query: '(\\p{L}|\\p{N}|\\s){400}\\d{9}', isRegex: true },
        { engine, workspace, excludePatterns: defaultSettings.contextExclude, ripgrep: rg, signal: controller.signal },
      );
      // ripgrep was started before runRipgrepSearch returned (spawn returns once the program runs), so it is there now.
      const running = childrenIn(tree);
      assert.equal(running.length, 1, `ripgrep is not running in ${tree}: ${JSON.stringify(running)}`);
      const [child] = running;
      assert.ok(child && child.state !== 'Z', `ripgrep had already ended (state ${child?.state})`);
      assert.equal(fs.readlinkSync(`/proc/${child.pid}/exe`), fs.realpathSync(rg), 'another program ran');
      // Paused, ripgrep cannot end by itself: only what Stop does to it can end it. A signal sent to a stopped process
      // waits, pending, until it is continued.
      process.kill(child.pid, 'SIGSTOP');
      while (processState(child.pid) !== 'T') await new Promise((resolve) => setTimeout(resolve, 5));

      controller.abort(reason);
      assert.ok(pendingSignals(child.pid) & (1n << BigInt(os.constants.signals.SIGTERM - 1)), 'Stop sent ripgrep no SIGTERM');
      process.kill(child.pid, 'SIGCONT');
      await assert.rejects(searching, (error) => error === reason);
      assert.equal(fs.existsSync(`/proc/${child.pid}`), false, `ripgrep (${child.pid}) is still there after the search settled`);
      assert.deepEqual(childrenIn(tree), []);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });

  it('read_file reads a workspace file, and refuses .env by its name and ../../etc/passwd', async () => {
    const { run } = executorWith();
    const read = await run('read_file', { path: named('src', 'app.ts') });
    assert.equal(read.isError, false, read.content);
    assert.match(read.content, new RegExp(`^${named('src', 'app.ts')} \\(2 lines, \\d+ bytes\\):`));
    assert.ok(read.content.includes('export const answer = 42;'), read.content);

    const env = await run('read_file', { path: named('.env') });
    assert.equal(env.isError, true);
    assert.equal(env.note?.id, 'tool.path.excluded');
    assert.match(env.content, /matches switchboard\.context\.exclude/);
    assert.doesNotMatch(env.content, /fake-token/);

    const passwd = await run('read_file', { path: '../../etc/passwd' });
    assert.equal(passwd.isError, true);
    assert.equal(passwd.note?.id, 'tool.path.escapes');
    assert.doesNotMatch(passwd.content, /root:/);

    const absolute = await run('read_file', { path: '/etc/passwd' });
    assert.equal(absolute.note?.id, 'tool.path.outside');
  });

  it('list_files lists the scratch folder without .gitignored files, naming .env as excluded', async () => {
    const listed = await executorWith().run('list_files', { folder: scratchName });
    assert.equal(listed.isError, false, listed.content);
    assert.ok(listed.content.includes(`${named('.env')} (excluded: switchboard.context.exclude)`), listed.content);
    assert.ok(listed.content.includes(named('src', 'deep', 'util.ts')), listed.content);
    assert.doesNotMatch(listed.content, /build\/out\.js/);
  });

  it('get_problems returns a diagnostic set through a DiagnosticCollection, for the file and for the workspace', async () => {
    const collection = vscode.languages.createDiagnosticCollection('tools-e2e');
    try {
      const diagnostic = new vscode.Diagnostic(new vscode.Range(1, 3, 1, 10), `Unused comment ${needle}.`, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'tools-e2e';
      diagnostic.code = 'E42';
      collection.set(scratch('src', 'app.ts'), [diagnostic]);
      const { run } = executorWith();
      const expected = `${named('src', 'app.ts')}:2:4 error: Unused comment ${needle}. [tools-e2e E42]`;

      const forFile = await run('get_problems', { path: named('src', 'app.ts') });
      assert.equal(forFile.isError, false, forFile.content);
      assert.ok(forFile.content.includes(expected), forFile.content);
      assert.ok(forFile.content.startsWith(`Problems the editor reports for ${named('src', 'app.ts')}`), forFile.content);

      const everywhere = await run('get_problems', {});
      assert.ok(everywhere.content.includes(expected), everywhere.content);

      const clean = await run('get_problems', { path: named('src', 'deep', 'util.ts') });
      assert.equal(clean.isError, false);
      assert.equal(clean.content, `No errors, warnings or infos are reported for ${named('src', 'deep', 'util.ts')}.`);

      assert.equal((await run('get_problems', { path: '../../etc/passwd' })).note?.id, 'tool.path.escapes');
      assert.equal((await run('get_problems', { path: named('.env') })).note?.id, 'tool.path.excluded');
      assert.equal((await run('get_problems', { path: named('src', 'missing.ts') })).note?.id, 'tool.path.missing');
    } finally {
      collection.dispose();
    }
  });

  it('get_diff is a clear error while the Git extension finds no repository, then reads a repository’s changes', async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<{
      getAPI(version: 1): { repositories: readonly { rootUri: vscode.Uri }[]; openRepository(root: vscode.Uri): Promise<unknown> };
    }>('vscode.git');
    assert.ok(extension, 'the built-in Git extension is not there');
    const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
    const { run } = executorWith();

    // The sample workspace is not a git repository; another suite may have left one open in it, which this step needs not to be.
    if (!api.repositories.some((repository) => vscode.workspace.getWorkspaceFolder(repository.rootUri) !== undefined)) {
      const none = await run('get_diff', {});
      assert.equal(none.isError, true, none.content);
      assert.equal(none.note?.id, 'tool.git.unavailable');
      assert.match(none.content, /Git extension is disabled, or it finds no git repository/);
    }

    const repo = scratch('repo');
    await write(vscode.Uri.joinPath(repo, 'tracked.ts'), 'export const version = 1;\n');
    await write(vscode.Uri.joinPath(repo, '.env'), 'API_TOKEN=old\n');
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', ...args], { cwd: repo.fsPath, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A', '-f');
    git('commit', '-q', '-m', 'start');
    await write(vscode.Uri.joinPath(repo, 'tracked.ts'), 'export const version = 2;\n');
    await write(vscode.Uri.joinPath(repo, '.env'), 'API_TOKEN=fake-token-for-tests-only\n');
    await write(vscode.Uri.joinPath(repo, 'new.ts'), 'export {};\n');
    assert.ok(await api.openRepository(repo), 'the Git extension did not open the scratch repository');

    const diff = await run('get_diff', {});
    assert.equal(diff.isError, false, diff.content);
    assert.ok(diff.content.includes('Unstaged changes (git diff):'), diff.content);
    assert.ok(diff.content.includes('-export const version = 1;\n+export const version = 2;'), diff.content);
    assert.ok(diff.content.includes('matches switchboard.context.exclude'), diff.content);
    assert.doesNotMatch(diff.content, /fake-token/, 'the .env diff was sent');
    assert.match(diff.content, /Untracked files \(not in the diff\):\n.*new\.ts/);
  });

  it('propose_edit and create_file write nothing, build on each other, and open ONE review of two files', async function () {
    this.timeout(60_000);
    const greet = scratch('review', 'greet.ts');
    const original = 'export function greet(name: string): string {\n  return "Hello, " + name;\n}\n';
    await write(greet, original);
    const proposals = new TurnProposals({ engine, settings, reviews });
    const { run } = executorWith({ proposals });

    const first = await run('propose_edit', {
      path: named('review', 'greet.ts'),
      search: 'return "Hello, " + name;',
      replace: 'return `Hello, ${name}!`;',
      explanation: 'Use a template string.',
    });
    assert.equal(first.isError, false, first.content);
    assert.equal(
      first.content,
      `Proposed a change to ${named('review', 'greet.ts')} (+1 −1 lines). Nothing is written yet: the user reviews all proposed changes when the answer ends.`,
    );
    // The search text exists only in the first proposal, not on disk: the second builds on the first.
    const second = await run('propose_edit', {
      path: named('review', 'greet.ts'),
      search: 'return `Hello, ${name}!`;',
      replace: 'const greeting = `Hello, ${name}!`;\n  return greeting;',
    });
    assert.equal(second.isError, false, second.content);
    assert.match(second.content, /\(\+2 −1 lines\), on top of the change proposed to it earlier in this answer\./);

    const created = await run('create_file', { path: named('review', 'farewell.ts'), content: 'export const farewell = "Bye";\n' });
    assert.equal(created.isError, false, created.content);
    assert.match(created.content, /^Proposed the new file .*farewell\.ts \(1 line\)\. Nothing is written yet/);

    // Refused: a change to a file that does not exist, a new file that exists, a search the file does not hold, no change.
    assert.equal((await run('propose_edit', { path: named('review', 'nope.ts'), content: 'x' })).note?.id, 'tool.edit.missingFile');
    assert.equal((await run('create_file', { path: named('review', 'greet.ts'), content: 'x' })).note?.id, 'tool.create.exists');
    assert.equal(
      (await run('propose_edit', { path: named('review', 'greet.ts'), search: 'return "Hello, " + name;', replace: 'x' })).note?.id,
      'tool.edit.notFound',
    );
    assert.equal(
      (await run('propose_edit', { path: named('review', 'greet.ts'), search: 'return greeting;', replace: 'return greeting;' })).note?.id,
      'tool.edit.unchanged',
    );
    assert.equal((await run('create_file', { path: named('.env.local'), content: 'A=1' })).note?.id, 'tool.path.excluded');
    assert.equal((await run('create_file', { path: '../outside.ts', content: 'x' })).note?.id, 'tool.path.escapes');

    assert.equal(proposals.count, 2);
    assert.equal(onDisk(greet), original, 'the file changed before the review');
    assert.equal(onDisk(scratch('review', 'farewell.ts')), undefined, 'the new file was created before the review');

    const review = await proposals.openReview('Tools e2e review');
    assert.ok(review, 'no review was opened');
    assert.equal(proposals.count, 0, 'the proposals were handed to the review');
    assert.deepEqual(
      review.undecided.map((file) => [file.label, file.isNew]),
      [
        [named('review', 'greet.ts'), false],
        [named('review', 'farewell.ts'), true],
      ],
    );
    const expected = 'export function greet(name: string): string {\n  const greeting = `Hello, ${name}!`;\n  return greeting;\n}\n';
    assert.equal(review.undecided[0]?.text, expected);
    assert.equal(proposalTabs().length, 1, 'not one multi-file diff editor');
    assert.equal(proposalTabs().flatMap((tab) => diffsOf(tab)).length, 2);
    assert.equal(onDisk(greet), original, 'the file changed before accept');

    assert.equal(await vscode.commands.executeCommand(`${namespace}.acceptAllProposals`), true);
    const results = await review.done;
    assert.deepEqual(
      results.map((result) => result.outcome),
      ['applied', 'applied'],
    );
    // Accepted changes land in the documents (saving them is the person's part).
    assert.equal((await vscode.workspace.openTextDocument(greet)).getText(), expected);
    assert.equal((await vscode.workspace.openTextDocument(scratch('review', 'farewell.ts'))).getText(), 'export const farewell = "Bye";\n');
    assert.equal(await proposals.openReview('nothing left'), undefined, 'a second review of the same proposals');
  });

  it('proposes from an open document’s unsaved text, and never overwrites a file changed before Accept', async function () {
    this.timeout(60_000);
    const notes = scratch('review', 'notes.ts');
    await write(notes, 'export const notes = [];\n');
    const document = await vscode.workspace.openTextDocument(notes);
    const typing = new vscode.WorkspaceEdit();
    typing.insert(notes, new vscode.Position(1, 0), 'export const draft = true;\n');
    assert.ok(await vscode.workspace.applyEdit(typing));
    assert.equal(document.isDirty, true);

    const proposals = new TurnProposals({ engine, settings, reviews });
    const { run } = executorWith({ proposals });
    const proposed = await run('propose_edit', { path: named('review', 'notes.ts'), search: 'draft = true', replace: 'draft = false' });
    assert.equal(proposed.isError, false, proposed.content);

    // The person edits the file after the proposal: accepting it must not overwrite that.
    const meanwhile = new vscode.WorkspaceEdit();
    meanwhile.insert(notes, new vscode.Position(0, 0), '// edited meanwhile\n');
    assert.ok(await vscode.workspace.applyEdit(meanwhile));
    const review = await proposals.openReview('Tools e2e conflict');
    assert.ok(review);
    assert.equal(review.undecided[0]?.originalText, 'export const notes = [];\nexport const draft = true;\n');
    await review.decide('accept', review.undecided);
    assert.deepEqual(
      (await review.done).map((result) => result.outcome),
      ['conflict'],
    );
    assert.equal(document.getText(), '// edited meanwhile\nexport const notes = [];\nexport const draft = true;\n');
  });

  it('counts changed lines between the common first and last lines', () => {
    assert.deepEqual(changedLines('a\nb\nc\n', 'a\nB\nc\n'), { added: 1, removed: 1 });
    assert.deepEqual(changedLines('a\nc\n', 'a\nb1\nb2\nc\n'), { added: 2, removed: 0 });
    assert.deepEqual(changedLines('a\r\nb\r\n', 'a\r\n'), { added: 0, removed: 1 });
    assert.deepEqual(changedLines('', 'x'), { added: 1, removed: 0 });
  });

  it('offers other extensions’ tools as changing tools with any object as arguments, never its own or a built-in name', async () => {
    const log = recordingLog();
    const { specs, executor } = otherExtensionTools(engine, log);
    const builtin = new Set(engine.builtinTools.map((tool) => tool.definition.name));
    const expected = vscode.lm.tools
      .map((tool) => tool.name)
      .filter((name) => name !== 'switchboard_generateImage' && !builtin.has(name) && /^[a-zA-Z0-9_-]{1,64}$/.test(name));
    assert.deepEqual(
      specs.map((spec) => spec.definition.name),
      expected,
    );
    for (const spec of specs) {
      assert.equal(spec.readOnly, false);
      assert.equal(spec.definition.parameters['type'], 'object');
      assert.deepEqual(spec.parse({ any: ['thing'] }), { ok: true, input: { any: ['thing'] } });
      assert.equal(spec.parse([1]).ok, false);
    }
    // A tool that is not offered (Switchboard's own, here) is not run.
    const own = await executor(call('switchboard_generateImage', { prompt: 'x' }, false), new AbortController().signal);
    assert.equal(own.isError, true);
    assert.equal(own.note?.id, 'tool.unknown');
  });
});

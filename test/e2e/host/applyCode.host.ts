// Runs inside the real extension host (through the runner extension): applying code from an answer with the real
// workspace API, symbol providers, diff and multi-file diff editors, and WorkspaceEdits. The classes are this
// bundle's own copies of src/vscode/edits and src/vscode/chat/codeBlockActions.ts (the apply-code bundle's modules
// included), under their own command prefix and document scheme (Switchboard's own instance registers
// `switchboard.*` in the same host); the engine is this bundle's copy of src/core/edits. Questions the user would
// answer in a quick pick are answered by the test. Everything a test writes into the shared workspace lives under
// one scratch folder, removed at the end.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeEditorsQuietly } from './closeEditorsQuietly';
import { applyPlacement, insertFragmentAt } from '../../../src/core/edits/applyPlacement';
import { placeFragment } from '../../../src/core/edits/placeFragment';
import { scanFences } from '../../../src/core/edits/scanFences';
import { CodeBlockActions } from '../../../src/vscode/chat/codeBlockActions';
import type { ApplyEngine } from '../../../src/vscode/edits/applyEngine';
import * as applyCodeModule from '../../../src/vscode/edits/applyCodeModule';
import type { PlacementChoice, PlacementQuestion } from '../../../src/vscode/edits/askPlacement';
import { ChangeReviews } from '../../../src/vscode/edits/changeReviews';
import type { ApplyPrompts } from '../../../src/vscode/edits/codeApplier';
import { diffsOf } from '../../../src/vscode/edits/closeProposalTabs';
import { changedSpan } from '../../../src/vscode/edits/fileProposal';
import { ProposalDocuments } from '../../../src/vscode/edits/proposalDocuments';

const engine: ApplyEngine = { placeFragment, applyPlacement, insertFragmentAt, scanFences };
const scratchName = `apply-e2e-${process.pid}`;
const namespace = 'switchboardApplyE2e';

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return folder.uri;
}

function scratch(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(root(), scratchName, ...segments);
}

/** The path an answer would write for a scratch file. */
function named(...segments: string[]): string {
  return [scratchName, ...segments].join('/');
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function textOf(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

/** Resolves once `condition` holds, checking again on every tab change (mocha's timeout bounds the wait). */
async function untilTabs(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise<void>((resolve) => {
      const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
        subscription.dispose();
        resolve();
      });
    });
  }
}

function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs);
}

/** The tabs showing this suite's proposals (single diffs and multi-file diffs). */
function proposalTabs(): vscode.Tab[] {
  return allTabs().filter((tab) => diffsOf(tab).some((diff) => diff.modified.scheme === documents.scheme));
}

/** A TypeScript file of `count` functions, ten lines each. */
function longFile(count: number, eol = '\n'): string {
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    lines.push(
      `export function step${index}(input: number): number {`,
      `  // step ${index} of the pipeline`,
      `  const doubled = input * 2;`,
      `  const shifted = doubled + ${index};`,
      `  if (shifted > 1000) {`,
      `    return shifted - 1000;`,
      `  }`,
      `  return shifted;`,
      `}`,
      '',
    );
  }
  return lines.join(eol) + eol;
}

/** Step `index` rewritten: the fragment an answer would give for it (ten lines, LF, two-space indent). */
function rewrittenStep(index: number): string {
  return [
    `export function step${index}(input: number): number {`,
    `  // step ${index}, rewritten by the answer`,
    `  const doubled = input * 2;`,
    `  const shifted = doubled + ${index} + 1;`,
    `  if (shifted > 1000) {`,
    `    return shifted % 1000;`,
    `  }`,
    `  console.log('step ${index}', shifted);`,
    `  return shifted;`,
    `}`,
  ].join('\n');
}

const documents = new ProposalDocuments('switchboard-proposal-e2e');
// The apply-code bundle's modules themselves, where the extension loads dist/applyCode.js.
const reviews = new ChangeReviews(documents, () => applyCodeModule, namespace);
const questionFiles = new Map<string, vscode.Uri[]>();
/** What the test answers to the placement question, and the questions asked. */
let placementAnswer: (question: PlacementQuestion) => PlacementChoice | undefined = () => undefined;
let targetAnswer: vscode.Uri | undefined;
const asked: PlacementQuestion[] = [];
const prompts: ApplyPrompts = {
  choosePlacement: async (question) => {
    asked.push(question);
    return placementAnswer(question);
  },
  chooseTargetFile: async () => (targetAnswer ? { uri: targetAnswer, exists: await exists(targetAnswer) } : undefined),
};
const actions = new CodeBlockActions({
  editors: {
    get editor() {
      return vscode.window.activeTextEditor;
    },
  },
  reviews,
  engine: () => engine,
  questionFiles: (messageId) => questionFiles.get(messageId) ?? [],
  prompts,
});
const subscriptions: vscode.Disposable[] = [];

describe('applying code from an answer in the extension host', () => {
  before(async () => {
    subscriptions.push(
      reviews,
      reviews.registerCommands(),
      vscode.workspace.registerTextDocumentContentProvider(documents.scheme, documents),
    );
    await write(scratch('src', 'long.ts'), longFile(30));
  });

  beforeEach(async () => {
    asked.length = 0;
    placementAnswer = () => undefined;
    targetAnswer = undefined;
    await closeEditorsQuietly();
  });

  after(async () => {
    for (const subscription of subscriptions) subscription.dispose();
    await closeEditorsQuietly();
    await vscode.workspace.fs.delete(scratch(), { recursive: true, useTrash: false });
  });

  it('finds the one replacement between two texts without splitting a CRLF', () => {
    assert.deepEqual(changedSpan('a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n'), { start: 3, end: 4, text: 'B' });
    assert.deepEqual(changedSpan('x\r\n', 'x\r\ny\r\n'), { start: 3, end: 3, text: 'y\r\n' });
    assert.deepEqual(changedSpan('x\n', 'x\r\n'), { start: 1, end: 2, text: '\r\n' }, 'the new CRLF is not split');
    assert.equal(changedSpan('same', 'same'), undefined);
  });

  it('applies a 10-line fragment into the middle of a 300-line file: only that region changes', async function () {
    this.timeout(60_000);
    const uri = scratch('src', 'long.ts');
    const before = await textOf(uri);
    assert.equal(before.split('\n').length - 1, 300);
    const fragment = rewrittenStep(14);
    const running = actions.run('applyAsDiff', fragment, 'ts', `ts ${named('src', 'long.ts')}`, 'long');
    await untilTabs(() => proposalTabs().length === 1);
    const tab = proposalTabs()[0];
    assert.ok(tab);
    // The title says which rule placed it: the symbol step14, or its first and last lines where no symbol provider answered.
    assert.match(tab.label, /long\.ts ↔ proposal \(placed by (symbol step14|its first and last lines), lines 141–149\)/);
    assert.equal(await textOf(uri), before, 'nothing changes before accept');

    assert.equal(await vscode.commands.executeCommand(`${namespace}.acceptProposal`), true);
    assert.match((await running) ?? '', /^Applied\./);
    const after = (await textOf(uri)).split('\n');
    const lines = before.split('\n');
    assert.deepEqual(after.slice(0, 140), lines.slice(0, 140), 'the lines before the region are untouched');
    assert.deepEqual(after.slice(140, 150), fragment.split('\n'));
    assert.deepEqual(after.slice(150), lines.slice(149), 'the lines after the region are untouched');
    assert.equal(proposalTabs().length, 0, 'the diff closed');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('applies a three-file answer (two files and a new one) in one review and one WorkspaceEdit', async function () {
    this.timeout(60_000);
    await write(scratch('three', 'a.ts'), 'export const a = 1;\n\nexport function useA(): number {\n  return a;\n}\n');
    await write(scratch('three', 'b.py'), 'def greet(name):\n    return "Hello, " + name\n\n\ndef other():\n    return 2\n');
    const answer = [
      'Change these three files:',
      '',
      `\`\`\`ts ${named('three', 'a.ts')}`,
      'export function useA(): number {',
      '  return a * 2;',
      '}',
      '```',
      '',
      `\`\`\`python title="${named('three', 'b.py')}"`,
      'def greet(name):',
      '    return f"Hello, {name}!"',
      '```',
      '',
      '```ts',
      `// ${named('three', 'c.ts')}`,
      "export const c = 'new';",
      '```',
      '',
      '```sh',
      'npm test',
      '```',
    ].join('\n');
    const running = actions.applyAll(answer, 'three');
    await untilTabs(() => proposalTabs().length > 0);
    const shown = proposalTabs().flatMap((tab) => diffsOf(tab));
    assert.equal(shown.length, 3, 'the three files are under review');
    assert.equal(proposalTabs().length, 1, 'in one multi-file diff editor');
    assert.equal(await exists(scratch('three', 'c.ts')), false, 'the new file is created only on accept');

    assert.equal(await vscode.commands.executeCommand(`${namespace}.acceptAllProposals`), true);
    const message = (await running) ?? '';
    assert.match(message, /Applied to .*a\.ts, .*b\.py, .*c\.ts: one undo/);
    assert.match(message, /name no file were left out: 1/, 'the sh block names no file');
    assert.equal(await textOf(scratch('three', 'a.ts')), 'export const a = 1;\n\nexport function useA(): number {\n  return a * 2;\n}\n');
    assert.equal(
      await textOf(scratch('three', 'b.py')),
      'def greet(name):\n    return f"Hello, {name}!"\n\n\ndef other():\n    return 2\n',
    );
    assert.equal(await textOf(scratch('three', 'c.ts')), "export const c = 'new';\n");
    assert.equal(proposalTabs().length, 0, 'the review closed');
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });

  it('lands everything accepted in one decision as one WorkspaceEdit, and rejects one file of three', async function () {
    this.timeout(60_000);
    await write(scratch('reject', 'one.ts'), 'export function one(): number {\n  return 1;\n}\n');
    await write(scratch('reject', 'two.ts'), 'export function two(): number {\n  return 2;\n}\n');
    await write(scratch('reject', 'three.ts'), 'export function three(): number {\n  return 3;\n}\n');
    const block = (name: string, value: number): string =>
      `\`\`\`ts ${named('reject', `${name}.ts`)}\nexport function ${name}(): number {\n  return ${value};\n}\n\`\`\``;
    const running = actions.applyAll([block('one', 10), block('two', 20), block('three', 30)].join('\n\n'), 'reject');
    await untilTabs(() => proposalTabs().flatMap((tab) => diffsOf(tab)).length === 3);
    const review = reviews.pending.at(-1);
    assert.ok(review, 'no review is open');

    // Reject two.ts by its URI (what the title-bar button passes), then accept the rest at once.
    assert.equal(await vscode.commands.executeCommand(`${namespace}.rejectProposal`, scratch('reject', 'two.ts')), true);
    await untilTabs(() => proposalTabs().flatMap((tab) => diffsOf(tab)).length === 2);
    assert.equal(await vscode.commands.executeCommand(`${namespace}.acceptAllProposals`), true);
    const results = await review.done;
    assert.match((await running) ?? '', /Applied to .*one\.ts, .*three\.ts/);
    const byName = new Map(results.map((result) => [result.file.label.split('/').at(-1), result]));
    assert.equal(byName.get('one.ts')?.outcome, 'applied');
    assert.equal(byName.get('three.ts')?.outcome, 'applied');
    assert.equal(byName.get('two.ts')?.outcome, 'rejected');
    assert.equal(byName.get('one.ts')?.decision, byName.get('three.ts')?.decision, 'one decision, one WorkspaceEdit');
    assert.notEqual(byName.get('two.ts')?.decision, byName.get('one.ts')?.decision);
    assert.equal(await textOf(scratch('reject', 'one.ts')), 'export function one(): number {\n  return 10;\n}\n');
    assert.equal(await textOf(scratch('reject', 'two.ts')), 'export function two(): number {\n  return 2;\n}\n');
    assert.equal(await textOf(scratch('reject', 'three.ts')), 'export function three(): number {\n  return 30;\n}\n');
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });

  it('refuses a path that leaves the workspace, and anything in .git', async () => {
    const code = 'export const x = 1;';
    await assert.rejects(actions.run('applyAsDiff', code, 'ts', 'ts ../../outside.ts', 'm'), /outside the workspace/);
    await assert.rejects(
      actions.run('applyAsDiff', code, 'ts', `ts ${named('..', '..', '..', 'outside.ts')}`, 'm'),
      /outside the workspace/,
    );
    await assert.rejects(actions.run('applyAsDiff', code, 'ts', 'ts /etc/outside.ts', 'm'), /outside the workspace/);
    await assert.rejects(actions.run('applyAsDiff', '[core]\n', 'ini', 'ini .git/config.ini', 'm'), /never into \.git/);
    assert.equal(proposalTabs().length, 0);
  });

  it('refuses an empty block', async () => {
    await assert.rejects(actions.run('applyAsDiff', '\n  \n', 'ts', `ts ${named('src', 'long.ts')}`, 'm'), /empty/);
    await assert.rejects(actions.run('applyAsDiff', `// ${named('src', 'long.ts')}\n`, 'ts', 'ts', 'm'), /empty/);
  });

  it('keeps CRLF line endings and the file’s tab indentation', async function () {
    this.timeout(60_000);
    const uri = scratch('crlf', 'tabs.ts');
    const original = [
      'export class Counter {',
      '\tprivate count = 0;',
      '',
      '\tincrement(): void {',
      '\t\tthis.count += 1;',
      '\t}',
      '}',
      '',
    ].join('\r\n');
    await write(uri, original);
    const fragment = ['  increment(): void {', '    this.count += 2;', '    console.log(this.count);', '  }'].join('\n');
    const running = actions.run('applyAsDiff', fragment, 'ts', `ts ${named('crlf', 'tabs.ts')}`, 'crlf');
    await untilTabs(() => proposalTabs().length === 1);
    await vscode.commands.executeCommand(`${namespace}.acceptProposal`);
    await running;
    const text = await textOf(uri);
    assert.equal(
      text,
      [
        'export class Counter {',
        '\tprivate count = 0;',
        '',
        '\tincrement(): void {',
        '\t\tthis.count += 2;',
        '\t\tconsole.log(this.count);',
        '\t}',
        '}',
        '',
      ].join('\r\n'),
    );
    assert.ok(!/[^\r]\n/.test(text), 'a bare LF crept in');
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });

  it('asks where a fragment goes when it fits two places equally well, and puts it where the user says', async function () {
    this.timeout(60_000);
    const uri = scratch('twice', 'twice.ts');
    const twin = ['  if (value < 0) {', '    return 0;', '  }'].join('\n');
    await write(
      uri,
      `export function first(value: number): number {\n${twin}\n  return value;\n}\n\nexport function second(value: number): number {\n${twin}\n  return value * 2;\n}\n`,
    );
    placementAnswer = (question) => {
      const last = question.candidates.at(-1);
      return last ? { kind: 'region', startLine: last.startLine, endLine: last.endLine } : undefined;
    };
    const running = actions.run(
      'applyAsDiff',
      ['  if (value < 0) {', '    return -1;', '  }'].join('\n'),
      'ts',
      `ts ${named('twice', 'twice.ts')}`,
      'twice',
    );
    await untilTabs(() => proposalTabs().length === 1);
    assert.equal(asked.length, 1);
    assert.equal(asked[0]?.reason, 'ambiguous');
    assert.equal(asked[0]?.candidates.length, 2);
    await vscode.commands.executeCommand(`${namespace}.acceptProposal`);
    await running;
    const text = await textOf(uri);
    assert.ok(text.includes('  if (value < 0) {\n    return 0;\n  }\n  return value;\n'), 'the first place was changed');
    assert.ok(text.includes('  if (value < 0) {\n    return -1;\n  }\n  return value * 2;\n'), text);
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });

  it('offers a choice for a block in another language than the file, and can move it to another file', async function () {
    this.timeout(60_000);
    await write(scratch('lang', 'app.ts'), 'export const app = 1;\n');
    await write(scratch('lang', 'tool.py'), 'def tool():\n    return 1\n\n\nTOOLS = [tool]\n');
    placementAnswer = (question) => (question.reason === 'other-language' ? { kind: 'changeTarget' } : { kind: 'insertAtEnd' });
    targetAnswer = scratch('lang', 'tool.py');
    questionFiles.set('lang', [scratch('lang', 'app.ts')]);
    // The block names no file: the question's file is the target, and the block is Python.
    const running = actions.run('applyAsDiff', 'def helper():\n    return 2', 'python', 'python', 'lang');
    await untilTabs(() => proposalTabs().length === 1);
    assert.equal(asked[0]?.reason, 'other-language');
    assert.equal(asked[0]?.canRetarget, true);
    await vscode.commands.executeCommand(`${namespace}.acceptProposal`);
    await running;
    assert.equal(await textOf(scratch('lang', 'app.ts')), 'export const app = 1;\n');
    const tool = await textOf(scratch('lang', 'tool.py'));
    assert.ok(tool.startsWith('def tool():\n    return 1\n\n\nTOOLS = [tool]\n'), tool);
    assert.ok(tool.endsWith('\ndef helper():\n    return 2\n'), JSON.stringify({ tool, asked }));
    assert.equal(asked[1]?.reason, 'no-match', 'asked again for the new target');
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });

  it('does not overwrite a file edited while its diff was open', async function () {
    this.timeout(60_000);
    const uri = scratch('conflict', 'edited.ts');
    await write(uri, 'export function edited(): number {\n  return 1;\n}\n');
    const running = actions.run(
      'applyAsDiff',
      'export function edited(): number {\n  return 2;\n}',
      'ts',
      `ts ${named('conflict', 'edited.ts')}`,
      'c',
    );
    await untilTabs(() => proposalTabs().length === 1);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '// edited by hand\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await vscode.commands.executeCommand(`${namespace}.acceptProposal`, uri);
    await assert.rejects(running, /changed while the diff was open/);
    assert.equal(await textOf(uri), '// edited by hand\nexport function edited(): number {\n  return 1;\n}\n');
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });

  it('rejecting leaves the file byte for byte as it was', async function () {
    this.timeout(60_000);
    const uri = scratch('src', 'long.ts');
    const before = await textOf(uri);
    const running = actions.run('applyAsDiff', rewrittenStep(3), 'ts', `ts ${named('src', 'long.ts')}`, 'r');
    await untilTabs(() => proposalTabs().length === 1);
    assert.equal(await vscode.commands.executeCommand(`${namespace}.rejectProposal`), true);
    assert.equal(await running, undefined);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.getText(), before);
    assert.equal(document.isDirty, false);
    assert.equal(proposalTabs().length, 0);
  });
});

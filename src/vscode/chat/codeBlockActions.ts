// What the buttons of a code block in the chat do (docs/chat.md): copy, insert at the cursor of the last active
// editor, apply as a diff to that editor, save as a new file. Model output is text here: it is never executed.
import * as vscode from 'vscode';
import type { CodeAction } from '../../shared/webviewProtocol';
import { assertNever } from '../../shared/assertNever';
import { askToApply, DiffProposal } from '../edits/diffProposal';
import type { ProposalDocuments } from '../edits/proposalDocuments';
import type { LastEditorTracker } from './lastEditorTracker';

const extensionsByLanguage: Record<string, string> = {
  typescript: 'ts',
  javascript: 'js',
  typescriptreact: 'tsx',
  javascriptreact: 'jsx',
  python: 'py',
  rust: 'rs',
  go: 'go',
  java: 'java',
  csharp: 'cs',
  cpp: 'cpp',
  c: 'c',
  ruby: 'rb',
  php: 'php',
  kotlin: 'kt',
  swift: 'swift',
  shellscript: 'sh',
  bash: 'sh',
  sh: 'sh',
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  markdown: 'md',
  html: 'html',
  css: 'css',
  scss: 'scss',
  sql: 'sql',
  xml: 'xml',
  ts: 'ts',
  js: 'js',
  py: 'py',
  tsx: 'tsx',
  jsx: 'jsx',
  dockerfile: 'Dockerfile',
  diff: 'diff',
};

export class CodeBlockActions {
  constructor(
    private readonly editors: LastEditorTracker,
    private readonly documents: ProposalDocuments,
  ) {}

  async run(action: CodeAction, code: string, language: string | undefined): Promise<string | undefined> {
    switch (action) {
      case 'copy':
        await vscode.env.clipboard.writeText(code);
        return vscode.l10n.t('Copied to the clipboard.');
      case 'insertAtCursor':
        return this.insert(code);
      case 'applyAsDiff':
        return this.applyAsDiff(code);
      case 'saveAsNewFile':
        return this.saveAsNewFile(code, language);
      default:
        return assertNever(action, 'code action');
    }
  }

  private async insert(code: string): Promise<string | undefined> {
    const editor = this.editors.editor;
    if (!editor) throw new Error(vscode.l10n.t('Open a file to insert the code into.'));
    // Replaces the selection when there is one, like typing or pasting would.
    const done = await editor.edit((builder) => {
      for (const selection of editor.selections) builder.replace(selection, code);
    });
    if (!done) throw new Error(vscode.l10n.t('The code could not be inserted (the editor changed meanwhile).'));
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    return undefined;
  }

  private async applyAsDiff(code: string): Promise<string | undefined> {
    const editor = this.editors.editor;
    if (!editor) throw new Error(vscode.l10n.t('Open the file the code is for, then apply it again.'));
    const document = editor.document;
    // The selection when there is one, else the whole file: the diff shows exactly what will change.
    const range = editor.selection.isEmpty ? document.validateRange(new vscode.Range(0, 0, document.lineCount, 0)) : editor.selection;
    const proposal = new DiffProposal(this.documents, {
      document,
      range,
      title: vscode.l10n.t('{0} ↔ proposal from the chat', vscode.workspace.asRelativePath(document.uri)),
    });
    proposal.setReplacement(code);
    await proposal.show();
    const outcome = await askToApply(proposal);
    switch (outcome) {
      case 'applied':
        return vscode.l10n.t('Applied. Undo with Ctrl+Z (Cmd+Z).');
      case 'rejected':
        return undefined;
      case 'conflict':
        throw new Error(
          vscode.l10n.t('The file changed while the diff was open, so nothing was applied. Apply the code again to see a fresh diff.'),
        );
      case 'failed':
        throw new Error(vscode.l10n.t('VS Code could not apply the change.'));
      default:
        return assertNever(outcome, 'proposal outcome');
    }
  }

  private async saveAsNewFile(code: string, language: string | undefined): Promise<string | undefined> {
    const extension = (language && extensionsByLanguage[language.toLowerCase()]) ?? 'txt';
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = extension === 'Dockerfile' ? 'Dockerfile' : `snippet.${extension}`;
    const target = await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
      title: vscode.l10n.t('Save the code as a new file'),
    });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(code));
    await vscode.window.showTextDocument(target);
    return undefined;
  }
}

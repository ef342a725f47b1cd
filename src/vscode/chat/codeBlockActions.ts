// What the buttons of a code block in the chat do (docs/chat.md): copy, insert at the cursor of the last active
// editor, apply (placed in its file and shown as a diff to accept or reject), save as a new file; and "Apply all"
// for an answer's blocks that name files, in one multi-file review. Applying lives in the apply-code bundle
// (src/vscode/edits/codeApplier.ts), loaded on the first Apply. Model output is text here: it is never executed.
import * as vscode from 'vscode';
import type { CodeAction } from '../../shared/webviewProtocol';
import { assertNever } from '../../shared/assertNever';
import type { ChangeReviews } from '../edits/changeReviews';
import type { CodeApplier, CodeApplierDeps } from '../edits/codeApplier';

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
  /** `deps.reviews.load()` gives the apply-code bundle. */
  constructor(private readonly deps: CodeApplierDeps & { reviews: ChangeReviews }) {}

  /** Runs a code block's button; resolves to a message for the chat, if there is something to say. */
  async run(
    action: CodeAction,
    code: string,
    language: string | undefined,
    info?: string,
    messageId?: string,
  ): Promise<string | undefined> {
    switch (action) {
      case 'copy':
        await vscode.env.clipboard.writeText(code);
        return vscode.l10n.t('Copied to the clipboard.');
      case 'insertAtCursor':
        return this.insert(code);
      case 'applyAsDiff':
        return this.applier().applyAsDiff(code, language, info, messageId);
      case 'saveAsNewFile':
        return this.saveAsNewFile(code, language);
      default:
        return assertNever(action, 'code action');
    }
  }

  /**
   * "Apply all": every block of the answer that names a file, in ONE review (a file that does not exist is
   * created); blocks naming no file are left out, and the result says so.
   */
  applyAll(answerText: string, messageId: string): Promise<string | undefined> {
    return this.applier().applyAll(answerText, messageId);
  }

  private applier(): CodeApplier {
    return new (this.deps.reviews.load().CodeApplier)(this.deps);
  }

  private async insert(code: string): Promise<string | undefined> {
    const editor = this.deps.editors.editor;
    if (!editor) throw new Error(vscode.l10n.t('Open a file to insert the code into.'));
    // Replaces the selection when there is one, like typing or pasting would.
    const done = await editor.edit((builder) => {
      for (const selection of editor.selections) builder.replace(selection, code);
    });
    if (!done) throw new Error(vscode.l10n.t('The code could not be inserted (the editor changed meanwhile).'));
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    return undefined;
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

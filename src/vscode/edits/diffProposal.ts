// The diff-then-accept flow (docs/editor-commands.md), shared by the chat's "Apply as diff" and the refactor / fix / document
// commands: the original and the proposal are shown side by side; nothing changes in the file before the user
// accepts; accepting applies ONE WorkspaceEdit (one undo step); a change made to the file meanwhile is detected
// and nothing is overwritten.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ProposalDocuments } from './proposalDocuments';

export type ProposalOutcome = 'applied' | 'rejected' | 'conflict' | 'failed';

export interface EditProposal {
  document: vscode.TextDocument;
  /** The part of the document the proposal replaces. */
  range: vscode.Range;
  /** The diff editor's title. */
  title: string;
}

/** An open diff whose right side can still change (while a model streams the proposal into it). */
export class DiffProposal {
  private readonly originalText: string;
  private readonly originalVersion: number;
  private readonly originalUri: vscode.Uri;
  private readonly proposalUri: vscode.Uri;
  /** Offsets of the replaced range in the original text. */
  private readonly rangeStart: number;
  private readonly rangeEnd: number;
  private replacement = '';

  constructor(
    private readonly documents: ProposalDocuments,
    private readonly proposal: EditProposal,
  ) {
    const { document, range } = proposal;
    this.originalText = document.getText();
    this.originalVersion = document.version;
    const name = path.basename(document.uri.path) || 'untitled';
    this.originalUri = documents.create(name, this.originalText);
    this.proposalUri = documents.create(name, this.originalText);
    this.rangeStart = document.offsetAt(range.start);
    this.rangeEnd = document.offsetAt(range.end);
  }

  /** Opens the diff editor (original on the left, proposal on the right). */
  async show(): Promise<void> {
    await vscode.commands.executeCommand('vscode.diff', this.originalUri, this.proposalUri, this.proposal.title, { preview: true });
  }

  /** Sets the text that replaces the range; the diff shows it at once. */
  setReplacement(text: string): void {
    this.replacement = text;
    this.documents.update(this.proposalUri, this.proposedText());
  }

  get replacementText(): string {
    return this.replacement;
  }

  /** Whether the file was edited since the proposal was made. */
  fileChanged(): boolean {
    const { document } = this.proposal;
    return document.isClosed || document.version !== this.originalVersion || document.getText() !== this.originalText;
  }

  /** Applies the proposal as one edit, unless the file changed meanwhile. */
  async apply(): Promise<ProposalOutcome> {
    if (this.fileChanged()) return 'conflict';
    const edit = new vscode.WorkspaceEdit();
    edit.replace(this.proposal.document.uri, this.proposal.range, this.replacement);
    const applied = await vscode.workspace.applyEdit(edit);
    return applied ? 'applied' : 'failed';
  }

  /** Closes the diff editor and forgets the virtual documents. */
  async close(): Promise<void> {
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        const input = tab.input;
        if (input instanceof vscode.TabInputTextDiff && input.modified.toString() === this.proposalUri.toString()) {
          await vscode.window.tabGroups.close(tab);
        }
      }
    }
    this.documents.release(this.originalUri);
    this.documents.release(this.proposalUri);
  }

  private proposedText(): string {
    return this.originalText.slice(0, this.rangeStart) + this.replacement + this.originalText.slice(this.rangeEnd);
  }
}

/**
 * Asks the user to accept or reject a shown proposal. `decision` skips the question (commands run with an
 * argument object, e.g. from tests or keybindings).
 */
export async function askToApply(proposal: DiffProposal, decision?: 'accept' | 'reject'): Promise<ProposalOutcome> {
  const accept = vscode.l10n.t('Accept');
  const reject = vscode.l10n.t('Reject');
  const choice =
    decision === 'accept'
      ? accept
      : decision === 'reject'
        ? reject
        : await vscode.window.showInformationMessage(vscode.l10n.t('Apply the proposed change?'), accept, reject);
  if (choice !== accept) {
    await proposal.close();
    return 'rejected';
  }
  const outcome = await proposal.apply();
  await proposal.close();
  return outcome;
}

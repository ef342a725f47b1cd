// One file's proposed change (docs/editor-commands.md, "The diff flow"): a snapshot of the file as it was when the
// change was proposed, and the proposed text, both held as virtual documents for the diff editor. Nothing touches
// the file before the change is accepted; then it goes into the review's one WorkspaceEdit as the smallest
// replacement, and only if the file still reads as the snapshot — an edit made meanwhile is never overwritten.
import * as vscode from 'vscode';
import type { ProposalDocuments } from './proposalDocuments';

/** What made a change, so that it can be proposed again for another file ("Change Target File…"). */
export interface ProposalSource {
  fragment: string;
  language: string | undefined;
}

interface Snapshot {
  document: vscode.TextDocument;
  version: number;
  text: string;
}

export class FileProposal {
  readonly originalUri: vscode.Uri;
  readonly proposalUri: vscode.Uri;
  /** The workspace-relative path, as the diff and the messages show it. */
  readonly label: string;
  private proposed: string;

  private constructor(
    private readonly documents: ProposalDocuments,
    readonly uri: vscode.Uri,
    private readonly snapshot: Snapshot | undefined,
    proposed: string,
    /** The single diff's title. */
    readonly title: string,
    readonly source: ProposalSource | undefined,
  ) {
    this.label = vscode.workspace.asRelativePath(
      uri,
      vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1,
    );
    this.proposed = proposed;
    const pair = documents.createPair(this.label, snapshot?.text ?? '', proposed);
    this.originalUri = pair.originalUri;
    this.proposalUri = pair.proposalUri;
  }

  /**
   * A change to an open (or opened) document, checked on accept against `taken` — the text the change was made
   * from (by default the document's text now).
   */
  static forDocument(
    documents: ProposalDocuments,
    document: vscode.TextDocument,
    proposed: string,
    title: string,
    source?: ProposalSource,
    taken: { version: number; text: string } = { version: document.version, text: document.getText() },
  ): FileProposal {
    return new FileProposal(documents, document.uri, { document, version: taken.version, text: taken.text }, proposed, title, source);
  }

  /** A file that does not exist yet: created with `content` on accept (unless one appeared meanwhile). */
  static forNewFile(documents: ProposalDocuments, uri: vscode.Uri, content: string, title: string, source?: ProposalSource): FileProposal {
    return new FileProposal(documents, uri, undefined, content, title, source);
  }

  get isNew(): boolean {
    return this.snapshot === undefined;
  }

  get originalText(): string {
    return this.snapshot?.text ?? '';
  }

  get text(): string {
    return this.proposed;
  }

  /** Sets the whole proposed text; an open diff shows it at once. */
  setText(text: string): void {
    this.proposed = text;
    this.documents.update(this.proposalUri, text);
  }

  /** Proposes the snapshot with `range` (in the snapshot's coordinates) replaced by `replacement`. */
  replaceRange(range: vscode.Range, replacement: string): void {
    const document = this.snapshot?.document;
    if (!document) {
      this.setText(replacement);
      return;
    }
    const start = offsetIn(this.originalText, range.start, document.eol);
    const end = offsetIn(this.originalText, range.end, document.eol);
    this.setText(this.originalText.slice(0, start) + replacement + this.originalText.slice(end));
  }

  /** Opens (or reveals) this file's diff: the snapshot (empty for a new file) on the left, the proposal on the right. */
  async showDiff(title = this.title): Promise<void> {
    await vscode.commands.executeCommand('vscode.diff', this.originalUri, this.proposalUri, title, { preview: false });
  }

  /** Whether the file changed since the proposal was made (or, for a new file, whether one appeared). */
  async changedSinceProposal(): Promise<boolean> {
    if (!this.snapshot) {
      try {
        await vscode.workspace.fs.stat(this.uri);
        return true;
      } catch {
        return false;
      }
    }
    const { document, version, text } = this.snapshot;
    if (!document.isClosed && document.version === version) return false;
    // A document VS Code closed meanwhile (nobody showed it) is read again: only a different text is a change.
    const current = document.isClosed ? await vscode.workspace.openTextDocument(this.uri) : document;
    return current.getText() !== text;
  }

  /** Adds this change to `edit`: a new file with its content, or the smallest replacement that turns the file into the proposal. */
  async addTo(edit: vscode.WorkspaceEdit): Promise<void> {
    if (!this.snapshot) {
      edit.createFile(this.uri, { overwrite: false, ignoreIfExists: false });
      edit.insert(this.uri, new vscode.Position(0, 0), this.proposed);
      return;
    }
    const document = this.snapshot.document.isClosed ? await vscode.workspace.openTextDocument(this.uri) : this.snapshot.document;
    const span = changedSpan(this.snapshot.text, this.proposed);
    if (span === undefined) return;
    edit.replace(this.uri, new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)), span.text);
  }

  /** Forgets the virtual documents (after the diff is closed). */
  release(): void {
    this.documents.release(this.originalUri);
    this.documents.release(this.proposalUri);
  }
}

/** The offset of a position in `text` (the document's text at the snapshot). */
function offsetIn(text: string, position: vscode.Position, eol: vscode.EndOfLine): number {
  const newline = eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf(newline, offset);
    if (next < 0) return text.length;
    offset = next + newline.length;
  }
  return Math.min(offset + position.character, text.length);
}

/**
 * The one replacement that turns `before` into `after`: everything between their common start and common end. It
 * never splits a CRLF pair or a surrogate pair, so the positions it gives are real positions in the document.
 */
export function changedSpan(before: string, after: string): { start: number; end: number; text: string } | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  while (start > 0 && (splitsPair(before, start) || splitsPair(after, start))) start--;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  while (tail > 0 && (splitsPair(before, before.length - tail) || splitsPair(after, after.length - tail))) tail--;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

/** Whether `offset` falls between the two halves of a CRLF or of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  return (previous === 13 && next === 10) || (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff);
}

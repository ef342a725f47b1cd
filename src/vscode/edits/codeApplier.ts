// Applying code from an answer (docs/chat.md, "Applying code"), in the apply-code bundle: Apply on one block goes
// to the file the block names, else the file the question was about, else the last active editor, placed where it
// belongs (placeInFile.ts) and shown as a diff to accept or reject; "Apply all" proposes every block of the answer
// that names a file, in one multi-file review. Model output is text here: it is never executed.
import * as vscode from 'vscode';
import { codeBlockTarget } from '../../shared/codeBlockTarget';
import { assertNever } from '../../shared/assertNever';
import type { LastEditorTracker } from '../chat/lastEditorTracker';
import type { ApplyEngine } from './applyEngine';
import { askPlacement, type PlacementChoice, type PlacementQuestion } from './askPlacement';
import type { FileResult } from './changeReview';
import { FileProposal, type ProposalSource } from './fileProposal';
import { pickTargetFile, type PickedTarget } from './pickTargetFile';
import { placeInFile, type FileSnapshot } from './placeInFile';
import { resolveCodeTarget, resolveNamedPath, type CodeTargetHints } from './resolveCodeTarget';
import type { ReviewRegistry } from './reviewRegistry';

/** The questions applying code may ask; the in-editor tests answer them without a quick pick. */
export interface ApplyPrompts {
  choosePlacement(question: PlacementQuestion): Promise<PlacementChoice | undefined>;
  chooseTargetFile(current: vscode.Uri | undefined): Promise<PickedTarget | undefined>;
}

export interface CodeApplierDeps {
  editors: Pick<LastEditorTracker, 'editor'>;
  reviews: ReviewRegistry;
  /** The engine bundle's placement functions: `() => providerEngineHost.module()`. */
  engine: () => ApplyEngine;
  /** The files (file and selection chips) of the question that the answer `messageId` replied to. */
  questionFiles: (messageId: string) => readonly vscode.Uri[];
  prompts?: ApplyPrompts;
}

const defaultPrompts: ApplyPrompts = { choosePlacement: askPlacement, chooseTargetFile: pickTargetFile };

export class CodeApplier {
  private readonly prompts: ApplyPrompts;

  constructor(private readonly deps: CodeApplierDeps) {
    this.prompts = deps.prompts ?? defaultPrompts;
  }

  /**
   * "Apply all": every block of the answer that names a file, placed in its file (several blocks for one file one
   * after the other; a file that does not exist is created), in ONE review. Blocks naming no file are left out and
   * the result says so.
   */
  async applyAll(answerText: string, messageId: string): Promise<string | undefined> {
    const hints = this.hints(messageId);
    const notes: string[] = [];
    const targets = new Map<string, { uri: vscode.Uri; exists: boolean; sources: ProposalSource[] }>();
    let unnamed = 0;
    for (const block of this.deps.engine().scanFences(answerText)) {
      if (!block.closed) continue;
      const named = codeBlockTarget(block.info, block.code);
      if (named.path === undefined) {
        unnamed += 1;
        continue;
      }
      if (named.code.trim() === '') {
        notes.push(vscode.l10n.t('The block for {0} is empty and was left out.', named.path));
        continue;
      }
      const target = await resolveNamedPath(named.path, hints);
      if (target.kind === 'refused') {
        notes.push(target.message);
        continue;
      }
      if (target.kind !== 'file') {
        notes.push(vscode.l10n.t('The block for {0} was left out.', named.path));
        continue;
      }
      const key = target.uri.toString();
      const entry = targets.get(key) ?? { uri: target.uri, exists: target.exists, sources: [] };
      entry.sources.push({ fragment: named.code, language: languageWord(block.info) });
      targets.set(key, entry);
    }
    if (unnamed > 0) notes.push(vscode.l10n.t('Code blocks that name no file were left out: {0}. Apply them one by one.', unnamed));
    if (targets.size === 0) {
      throw new Error([vscode.l10n.t('No code block of this answer names a file, so nothing was proposed.'), ...notes].join(' '));
    }

    const files: FileProposal[] = [];
    for (const target of targets.values()) {
      const file = await this.proposeBlocks(target.uri, target.exists, target.sources, notes);
      if (file) files.push(file);
    }
    if (files.length === 0) return notes.join(' ') || undefined;
    const review = await this.deps.reviews.open(files, {
      // The multi-file diff editor adds the number of files itself.
      title: vscode.l10n.t('Proposed changes from the chat'),
      retarget: (file) => this.retarget(file),
    });
    return summarize(await review.done, notes);
  }

  /** Apply on one block: its file (named, the question's, or the last editor's), the place in it, one review. */
  async applyAsDiff(
    code: string,
    language: string | undefined,
    info: string | undefined,
    messageId: string | undefined,
  ): Promise<string | undefined> {
    const block = codeBlockTarget(info ?? language ?? '', code);
    if (block.code.trim() === '') throw new Error(vscode.l10n.t('The code block is empty: there is nothing to apply.'));
    const target = await resolveCodeTarget(block.path, this.hints(messageId));
    switch (target.kind) {
      case 'refused':
        throw new Error(target.message);
      case 'none':
        throw new Error(vscode.l10n.t('Open the file the code is for, then apply it again.'));
      case 'cancelled':
        return undefined;
      case 'file':
        break;
      default:
        return assertNever(target, 'code target');
    }
    // The language word, not a path that stands where the language would (```src/a.ts).
    const source: ProposalSource = { fragment: block.code, language: languageWord(language ?? info ?? '') };
    const proposed = await this.propose(target, source);
    if (typeof proposed === 'string' || proposed === undefined) return proposed;
    const review = await this.deps.reviews.open([proposed], { title: proposed.title, retarget: (file) => this.retarget(file) });
    const results = await review.done;
    const message = summarize(results, []);
    // One file that could not be changed is an error in the chat, not a note.
    if (message && results.every((result) => result.outcome === 'conflict' || result.outcome === 'failed')) throw new Error(message);
    return message;
  }

  /**
   * One block proposed for one file, asking where it goes when the engine cannot tell (and for another file when
   * the user says so). A string: why nothing is proposed; undefined: the user cancelled.
   */
  private async propose(initial: PickedTarget, source: ProposalSource): Promise<FileProposal | string | undefined> {
    let target = initial;
    for (;;) {
      const placed = await placeInFile(
        this.deps.engine(),
        { ...target, fragment: source.fragment, language: source.language, editor: this.deps.editors.editor, canRetarget: true },
        (question) => this.prompts.choosePlacement(question),
      );
      if (placed.kind === 'cancelled') return undefined;
      if (placed.kind === 'changeTarget') {
        const picked = await this.prompts.chooseTargetFile(target.uri);
        if (!picked) return undefined;
        target = picked;
        continue;
      }
      return this.fileProposal(target.uri, placed.snapshot, placed.text, placed.how, source);
    }
  }

  /** The blocks of one answer for one file, placed one after the other into the file's text ("Apply all"). */
  private async proposeBlocks(uri: vscode.Uri, exists: boolean, sources: readonly ProposalSource[], notes: string[]) {
    let text: string | undefined;
    let snapshot: FileSnapshot | undefined;
    const how: string[] = [];
    for (const source of sources) {
      const placed = await placeInFile(
        this.deps.engine(),
        {
          uri,
          exists,
          fragment: source.fragment,
          language: source.language,
          ...(text !== undefined ? { baseText: text } : {}),
          editor: this.deps.editors.editor,
          canRetarget: false,
        },
        (question) => this.prompts.choosePlacement(question),
      );
      if (placed.kind !== 'placed') {
        notes.push(vscode.l10n.t('A block for {0} was left out: no place was chosen for it.', vscode.workspace.asRelativePath(uri)));
        continue;
      }
      snapshot ??= placed.snapshot;
      text = placed.text;
      how.push(placed.how);
    }
    if (text === undefined) return undefined;
    const proposed = this.fileProposal(
      uri,
      exists ? snapshot : undefined,
      text,
      how.join('; '),
      sources.length === 1 ? sources[0] : undefined,
    );
    if (typeof proposed === 'string') notes.push(proposed);
    return typeof proposed === 'string' ? undefined : proposed;
  }

  private fileProposal(
    uri: vscode.Uri,
    snapshot: FileSnapshot | undefined,
    text: string,
    how: string,
    source: ProposalSource | undefined,
  ): FileProposal | string {
    const label = vscode.workspace.asRelativePath(uri);
    if (snapshot && snapshot.text === text) return vscode.l10n.t('{0} already has this code: there is nothing to change.', label);
    const title = vscode.l10n.t('{0} ↔ proposal ({1})', label, how);
    const documents = this.deps.reviews.documents;
    return snapshot
      ? FileProposal.forDocument(documents, snapshot.document, text, title, source, snapshot)
      : FileProposal.forNewFile(documents, uri, text, title, source);
  }

  /** "Change Target File…" on a review: the same block proposed for a file the user picks. */
  private async retarget(file: FileProposal): Promise<FileProposal | undefined> {
    if (!file.source) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('This change was made of several blocks for {0}; it cannot move to another file.', file.label),
      );
      return undefined;
    }
    const picked = await this.prompts.chooseTargetFile(file.uri);
    if (!picked) return undefined;
    const proposed = await this.propose(picked, file.source);
    if (typeof proposed === 'string') void vscode.window.showInformationMessage(proposed);
    return typeof proposed === 'string' ? undefined : proposed;
  }

  private hints(messageId: string | undefined): CodeTargetHints {
    const editor = this.deps.editors.editor?.document.uri;
    // The diff of a proposal is not a file: its target is.
    const file = editor?.scheme === this.deps.reviews.documents.scheme ? this.deps.reviews.find(editor)?.uri : editor;
    return { questionFiles: messageId ? this.deps.questionFiles(messageId) : [], editor: file };
  }
}

/** The fence's language word (`ts` of "ts src/a.ts"), unless the info string starts with the path itself. */
function languageWord(info: string): string | undefined {
  const word = info.trim().split(/[\s:{]/)[0] ?? '';
  return word === '' || codeBlockTarget(word, '').path !== undefined ? undefined : word;
}

/** What the chat says after a review: what was applied, rejected or left alone, and what was left out before it. */
function summarize(results: readonly FileResult[], notes: readonly string[]): string | undefined {
  const of = (outcome: FileResult['outcome']): string[] =>
    results.filter((result) => result.outcome === outcome).map((result) => result.file.label);
  const applied = of('applied');
  const conflicts = of('conflict');
  const failed = of('failed');
  const parts: string[] = [];
  if (applied.length === 1 && results.length === 1) parts.push(vscode.l10n.t('Applied. Undo with Ctrl+Z (Cmd+Z).'));
  else if (applied.length > 0) parts.push(vscode.l10n.t('Applied to {0}: one undo (Ctrl+Z, Cmd+Z) takes it all back.', applied.join(', ')));
  if (conflicts.length > 0) {
    parts.push(
      vscode.l10n.t(
        '{0} changed while the diff was open, so nothing was applied there. Apply the code again to see a fresh diff.',
        conflicts.join(', '),
      ),
    );
  }
  if (failed.length > 0) parts.push(vscode.l10n.t('VS Code could not apply the change to {0}.', failed.join(', ')));
  parts.push(...notes);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

// The changes one answer proposes through propose_edit and create_file (docs/chat.md "Tools"): nothing is written
// while the answer runs. Each file's proposal is kept here, a later call on the same file building on the text proposed
// before, and when the answer ends they open as ONE review (the multi-file diff editor of docs/editor-commands.md,
// "The diff flow"), where the user accepts or rejects each file. A file changed between the proposal and Accept is
// never overwritten: the review compares it with the text the proposal was made from.
import * as vscode from 'vscode';
import type { ProposeEditInput } from '../../core/tools/proposeEditTool';
import type { CreateFileInput } from '../../core/tools/createFileTool';
import type { ToolPath } from '../../core/tools/resolveToolPath';
import type { ToolOutcome } from '../../core/tools/toolTypes';
import type { ToolWorkspace } from '../../core/tools/toolWorkspace';
import type { ErrorMessageId } from '../../core/errors/errorTemplates';
import type { ChangeReview } from '../edits/changeReview';
import type { ChangeReviews } from '../edits/changeReviews';
import type { FileProposal } from '../edits/fileProposal';
import type { EngineModule } from '../engine/providerEngineHost';
import type { SettingsService } from '../settings/settingsService';
import { toolWorkspaceOf } from './toolWorkspaceOf';

export interface TurnProposalsDeps {
  engine: EngineModule;
  /** `switchboard.context.exclude` is read from it at each call (toolWorkspaceOf). */
  settings: Pick<SettingsService, 'settings'>;
  reviews: Pick<ChangeReviews, 'open' | 'load' | 'documents'>;
}

/** One file's proposal: where, what it was made from, and the text proposed so far. */
interface Proposal {
  uri: vscode.Uri;
  displayPath: string;
  /** The document and its text when the first proposal was made; absent for a new file. */
  snapshot: { document: vscode.TextDocument; version: number; text: string } | undefined;
  text: string;
  /** The last explanation the model gave for it, for the diff's title. */
  explanation: string | undefined;
}

/** A sentence every proposal's result ends with, so the model does not expect the file to have changed. */
const notWritten = 'Nothing is written yet: the user reviews all proposed changes when the answer ends.';

export class TurnProposals {
  /** By absolute path, in the order the files were first proposed. */
  private readonly files = new Map<string, Proposal>();

  constructor(private readonly deps: TurnProposalsDeps) {}

  /** The files with a proposal not yet handed to a review. */
  get count(): number {
    return this.files.size;
  }

  /** Runs a propose_edit or create_file call (already checked by the tool's schema): a result for the model. */
  async propose(tool: 'propose_edit' | 'create_file', input: unknown, signal?: AbortSignal): Promise<ToolOutcome> {
    signal?.throwIfAborted();
    const { engine } = this.deps;
    const workspace = toolWorkspaceOf(engine, this.deps.settings.settings);
    const requested = (input as { path: string }).path;
    const resolved = await engine.resolveToolPath(workspace, requested);
    signal?.throwIfAborted();
    if (!resolved.ok) return resolved.refusal;
    const target = resolved.path;
    const earlier = this.files.get(target.absolutePath);

    if (tool === 'create_file') {
      const { content } = input as CreateFileInput;
      // A new file proposed again in this answer: the new content replaces the one proposed before.
      if (earlier !== undefined && earlier.snapshot === undefined) {
        earlier.text = content;
        return {
          content: `Proposed the new file ${target.displayPath} (${lineCount(content)}), replacing the content proposed for it earlier in this answer. ${notWritten}`,
          isError: false,
        };
      }
      const refusal = engine.proposalTargetRefusal(tool, target);
      if (refusal) return refusal;
      this.files.set(target.absolutePath, {
        uri: vscode.Uri.file(target.absolutePath),
        displayPath: target.displayPath,
        snapshot: undefined,
        text: content,
        explanation: undefined,
      });
      return { content: `Proposed the new file ${target.displayPath} (${lineCount(content)}). ${notWritten}`, isError: false };
    }

    const edit = input as ProposeEditInput;
    let base: Proposal;
    if (earlier !== undefined) {
      // Built on what this answer proposed for the file already (an edit, or a file it is to create).
      base = earlier;
    } else {
      const refusal = engine.proposalTargetRefusal(tool, target);
      if (refusal) return refusal;
      const current = await this.currentText(target, workspace, signal);
      if ('refusal' in current) return current.refusal;
      base = { uri: current.document.uri, displayPath: target.displayPath, snapshot: current, text: current.text, explanation: undefined };
    }
    const proposal = engine.applyEditProposal(base.text, edit, target.displayPath);
    if (!proposal.ok) return proposal.refusal;
    if (proposal.text === base.text) return engine.toolError('tool.edit.unchanged', { path: target.displayPath });
    const { added, removed } = changedLines(base.text, proposal.text);
    this.files.set(target.absolutePath, {
      ...base,
      text: proposal.text,
      explanation: edit.explanation?.trim() || base.explanation,
    });
    const onTop = earlier !== undefined ? ', on top of the change proposed to it earlier in this answer' : '';
    return { content: `Proposed a change to ${target.displayPath} (+${added} −${removed} lines)${onTop}. ${notWritten}`, isError: false };
  }

  /**
   * Opens the proposals as one review titled `title` (the multi-file diff editor's title; "Proposed changes from the
   * chat" by default) and hands them over to it; undefined when there is nothing to review. Its decisions arrive
   * through `review.done`.
   */
  async openReview(title?: string): Promise<ChangeReview | undefined> {
    const proposals = [...this.files.values()];
    // An answer without proposals loads nothing (the apply-code bundle loads with the first review).
    if (proposals.length === 0) return undefined;
    this.files.clear();
    const { FileProposal } = this.deps.reviews.load();
    const documents = this.deps.reviews.documents;
    const files: FileProposal[] = [];
    for (const proposal of proposals) {
      // Changed and changed back within the answer: nothing to review.
      if (proposal.snapshot !== undefined && proposal.snapshot.text === proposal.text) continue;
      const explanation = proposal.explanation !== undefined ? cut(proposal.explanation, 120) : undefined;
      const fileTitle =
        explanation !== undefined
          ? vscode.l10n.t('{0} ↔ proposal ({1})', proposal.displayPath, explanation)
          : vscode.l10n.t('{0} ↔ proposal from the chat', proposal.displayPath);
      files.push(
        proposal.snapshot !== undefined
          ? FileProposal.forDocument(documents, proposal.snapshot.document, proposal.text, fileTitle, undefined, proposal.snapshot)
          : FileProposal.forNewFile(documents, proposal.uri, proposal.text, fileTitle),
      );
    }
    if (files.length === 0) return undefined;
    return this.deps.reviews.open(files, { title: title ?? vscode.l10n.t('Proposed changes from the chat') });
  }

  /**
   * The file's text as the review will compare against: an open document's text with its unsaved edits, else the
   * file, refused as read_file refuses it (binary, not UTF-8, over the size limit).
   */
  private async currentText(
    target: ToolPath,
    workspace: ToolWorkspace,
    signal: AbortSignal | undefined,
  ): Promise<{ document: vscode.TextDocument; version: number; text: string } | { refusal: ToolOutcome }> {
    const uri = vscode.Uri.file(target.absolutePath);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'file' && document.uri.fsPath === uri.fsPath);
    if (open === undefined) {
      const { engine } = this.deps;
      const item = await engine.readFileContext(
        { absolutePath: target.absolutePath, relativePath: target.relativePath, label: target.displayPath },
        {
          exclusion: workspace.exclusion,
          limits: { ...engine.defaultContextReadLimits, maxChars: Number.MAX_SAFE_INTEGER },
          ...(signal ? { signal } : {}),
        },
      );
      if (item.note !== undefined) return { refusal: engine.toolError(item.note.id as ErrorMessageId, item.note.params) };
    }
    let document: vscode.TextDocument;
    try {
      document = open ?? (await vscode.workspace.openTextDocument(uri));
    } catch (error) {
      return {
        refusal: this.deps.engine.toolError('tool.failed', {
          name: 'propose_edit',
          detail: error instanceof Error ? error.message : String(error),
        }),
      };
    }
    signal?.throwIfAborted();
    return { document, version: document.version, text: document.getText() };
  }
}

/** Lines as an editor counts them; a final line break does not start another. */
function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function lineCount(text: string): string {
  const count = linesOf(text).length;
  return `${count} ${count === 1 ? 'line' : 'lines'}`;
}

/** Lines added and removed between the texts: what differs between their common first and last lines. */
export function changedLines(before: string, after: string): { added: number; removed: number } {
  const a = linesOf(before);
  const b = linesOf(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { added: b.length - start - end, removed: a.length - start - end };
}

function cut(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

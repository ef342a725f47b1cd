// How the selected code is written into a prompt: always in a fenced block tagged with the language id, which the
// code cannot break out of (fencedBlock picks a fence longer than any backtick run inside), under a header that
// names the file and the lines, and followed by a notice when the selection was cut.
import { fencedBlock } from '../conversations/markdownFence';
import type { SelectionRequest } from './selectionRequest';

type Where = Pick<SelectionRequest, 'relativePath' | 'startLine' | 'endLine'>;

/** `lines 10-24`, or `line 10` for a one-line selection. */
export function linesLabel(request: Pick<SelectionRequest, 'startLine' | 'endLine'>): string {
  return request.endLine > request.startLine ? `lines ${request.startLine}-${request.endLine}` : `line ${request.startLine}`;
}

/** `src/app.ts, lines 10-24` */
export function whereLabel(request: Where): string {
  return `${oneLine(request.relativePath)}, ${linesLabel(request)}`;
}

/** The code in its fence, then the truncation notice when it was cut. */
export function fencedSelection(request: Pick<SelectionRequest, 'code' | 'languageId' | 'endLine' | 'truncated'>): string {
  const block = fencedBlock(request.code, request.languageId);
  return request.truncated === true ? `${block}\n${truncationNotice(request)}` : block;
}

/** The header line and the fenced code: `Code from src/app.ts, lines 10-24 (typescript):` */
export function selectionCodeSection(request: SelectionRequest): string {
  const language = request.languageId.trim() === '' ? '' : ` (${oneLine(request.languageId)})`;
  return `Code from ${whereLabel(request)}${language}:\n${fencedSelection(request)}`;
}

/** docs/editor-commands.md: large selections are truncated with a visible notice, never silently — for the model too. */
export function truncationNotice(request: Pick<SelectionRequest, 'endLine'>): string {
  return `Note: the selection was longer than this; it was cut after line ${request.endLine} to fit the request, so the code above is incomplete. Work only with the lines shown.`;
}

/** The surrounding code, clearly marked as reference material, or '' when there is none. */
export function fileContextSection(request: SelectionRequest): string {
  const context = request.fileContext;
  if (context === undefined || context.trim() === '') return '';
  return `Surrounding code from the same file, for reference only (it is not part of the selection):\n${fencedBlock(context, request.languageId)}`;
}

/** A path or language id with a newline in it must not be able to end the line and start text of its own. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

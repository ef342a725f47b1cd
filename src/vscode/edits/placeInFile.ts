// Where a fragment of an answer goes in its target file (docs/chat.md, "Applying code"): the engine places it by the
// symbol it redefines (from the language's symbol provider), by its first and last lines, or by the closest match;
// this side says which rule placed it, and asks the user when no single place is good enough — never a silent
// whole-file replace. The engine keeps the file's line endings and indentation.
import * as vscode from 'vscode';
import { assertNever } from '../../shared/assertNever';
import type { ApplyEngine, PlacedRange } from './applyEngine';
import type { PlacementChoice, PlacementQuestion } from './askPlacement';
import { documentSymbols } from './documentSymbols';

export interface PlaceRequest {
  uri: vscode.Uri;
  /** False: a new file, whose content is the fragment. */
  exists: boolean;
  fragment: string;
  /** The block's language word (`ts`, `python`), if it has one. */
  language: string | undefined;
  /** The file's text so far when earlier blocks of the same answer already changed it ("Apply all"). */
  baseText?: string;
  /** The last active editor: its selection and cursor are offered when it shows this file. */
  editor: vscode.TextEditor | undefined;
  /** Whether "Change Target File…" is offered when the fragment has no good place. */
  canRetarget: boolean;
}

export interface FileSnapshot {
  document: vscode.TextDocument;
  version: number;
  text: string;
}

export type PlaceResult =
  /** `snapshot`: the document as it was placed into (undefined for a new file). */
  { kind: 'placed'; text: string; how: string; snapshot: FileSnapshot | undefined } | { kind: 'changeTarget' } | { kind: 'cancelled' };

export async function placeInFile(
  engine: ApplyEngine,
  request: PlaceRequest,
  ask: (question: PlacementQuestion) => Promise<PlacementChoice | undefined>,
): Promise<PlaceResult> {
  const label = vscode.workspace.asRelativePath(request.uri);
  let snapshot: FileSnapshot | undefined;
  let symbols;
  if (request.exists) {
    const document = await vscode.workspace.openTextDocument(request.uri);
    if (request.baseText === undefined) symbols = await documentSymbols(request.uri);
    // Read after the symbols arrived: the snapshot is the text the fragment is placed into.
    snapshot = { document, version: document.version, text: document.getText() };
  }
  const fileText = request.baseText ?? snapshot?.text;
  if (fileText === undefined) {
    return { kind: 'placed', text: withFinalNewline(request.fragment), how: vscode.l10n.t('new file'), snapshot };
  }
  const placement = engine.placeFragment({
    fileText,
    fragment: request.fragment,
    ...(snapshot ? { fileLanguage: snapshot.document.languageId } : {}),
    ...(request.language ? { fragmentLanguage: request.language } : {}),
    ...(symbols ? { symbols } : {}),
  });
  if (placement.kind === 'placed') {
    return {
      kind: 'placed',
      text: engine.applyPlacement(fileText, placement, request.fragment),
      how: describePlacement(placement),
      snapshot,
    };
  }
  const reason = placement.kind === 'ambiguous' ? 'ambiguous' : placement.reason;
  if (reason === 'empty') throw new Error(vscode.l10n.t('The code block is empty: there is nothing to apply.'));

  // The editor's selection and cursor mean something only in the file as it is (not after earlier blocks).
  const editor =
    request.baseText === undefined && request.editor?.document.uri.toString() === request.uri.toString() ? request.editor : undefined;
  const selection = editor && !editor.selection.isEmpty ? wholeLines(editor.selection) : undefined;
  const lines = fileText.split(/\r\n|\n/);
  const choice = await ask({
    file: label,
    reason,
    candidates:
      placement.kind === 'ambiguous'
        ? placement.candidates.map((candidate) => ({
            startLine: candidate.startLine,
            endLine: candidate.endLine,
            preview: lines.slice(candidate.startLine, candidate.endLine).find((line) => line.trim() !== '') ?? '',
          }))
        : [],
    selection,
    cursorLine: editor?.selection.active.line,
    fragmentLanguage: request.language,
    fileLanguage: snapshot?.document.languageId ?? '',
    canRetarget: request.canRetarget,
  });
  if (!choice) return { kind: 'cancelled' };
  switch (choice.kind) {
    case 'region':
      return {
        kind: 'placed',
        text: engine.applyPlacement(fileText, choice, request.fragment),
        how: vscode.l10n.t('lines {0}–{1}, as chosen', choice.startLine + 1, choice.endLine),
        snapshot,
      };
    case 'replaceSelection': {
      const range = selection ?? { startLine: 0, endLine: 0 };
      return {
        kind: 'placed',
        text: engine.applyPlacement(fileText, range, request.fragment),
        how: vscode.l10n.t('replaces the selection, lines {0}–{1}', range.startLine + 1, range.endLine),
        snapshot,
      };
    }
    case 'insertAtCursor':
    case 'insertAtEnd': {
      const cursor = editor?.selection.active;
      // At the start of a line the code goes before it; anywhere else, after the cursor's line.
      const line =
        choice.kind === 'insertAtCursor' && cursor ? (cursor.character === 0 ? cursor.line : cursor.line + 1) : lineCount(fileText);
      return {
        kind: 'placed',
        text: engine.insertFragmentAt(fileText, line, request.fragment),
        how: vscode.l10n.t('inserted at line {0}', line + 1),
        snapshot,
      };
    }
    case 'changeTarget':
      return { kind: 'changeTarget' };
    default:
      return assertNever(choice, 'placement choice');
  }
}

/** What the diff's title says about how the fragment was placed. */
export function describePlacement(placement: PlacedRange): string {
  const from = placement.startLine + 1;
  const to = placement.endLine;
  switch (placement.rule) {
    case 'symbol':
      return placement.symbolName
        ? vscode.l10n.t('placed by symbol {0}, lines {1}–{2}', placement.symbolName, from, to)
        : vscode.l10n.t('placed by symbol, lines {0}–{1}', from, to);
    case 'anchors':
      return vscode.l10n.t('placed by its first and last lines, lines {0}–{1}', from, to);
    case 'fuzzy':
      return vscode.l10n.t('placed by the closest match, lines {0}–{1}', from, to);
    case 'whole-file':
      return vscode.l10n.t('the whole file');
    default:
      return assertNever(placement.rule, 'placement rule');
  }
}

/** The whole lines a selection touches (0-based, end exclusive); a selection ending at a line's start leaves that line out. */
function wholeLines(selection: vscode.Selection): { startLine: number; endLine: number } {
  const { start, end } = selection;
  return { startLine: start.line, endLine: end.character === 0 && end.line > start.line ? end.line : end.line + 1 };
}

/** The number of lines of `text` (a final line break does not start another line). */
function lineCount(text: string): number {
  if (text === '') return 0;
  const breaks = text.match(/\r\n|\n/g)?.length ?? 0;
  return /\r?\n$/.test(text) ? breaks : breaks + 1;
}

function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

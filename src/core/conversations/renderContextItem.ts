// How an attached selection or file is written into a message: a one-line header naming it, then its text in a
// fenced block tagged with its language (and, for an item read only in part or not at all, its note). Used for what
// is sent to the model and for the Markdown export.
import { englishErrorText, readErrorText } from '../errors/errorText';
import { fencedBlock } from './markdownFence';
import type { ContextItem, ContextKind, ContextNote } from './messagePart';

/** The header's first word, sent to models (in English, like the prompt templates). */
const kindNames: Record<ContextKind, string> = {
  selection: 'Selection',
  file: 'File',
  folder: 'Folder',
  problems: 'Problems',
  terminal: 'Terminal output',
  diff: 'Diff',
  instructions: 'Project instructions',
};

/** e.g. `Selection: app.ts:10-24 (src/app.ts), lines 10-24, typescript` */
export function contextHeader(item: ContextItem): string {
  let header = `${kindNames[item.kind]}: ${oneLine(item.label)}`;
  if (item.path !== undefined && item.path !== item.label) header += ` (${oneLine(item.path)})`;
  if (item.startLine !== undefined) {
    header +=
      item.endLine !== undefined && item.endLine !== item.startLine
        ? `, lines ${item.startLine}-${item.endLine}`
        : `, line ${item.startLine}`;
  }
  if (item.language !== undefined && item.language !== '') header += `, ${oneLine(item.language)}`;
  if (item.truncated === true) header += ' (truncated)';
  return header;
}

/**
 * The header, then the text in a fenced block. An item with a note says it on the line after the header, in English
 * for the model (or in the UI's language, from `noteText`), so the model knows what it was not shown:
 * `(not read: …)` when there is no text at all. A folder's text holds fenced blocks of its own; the outer fence is
 * longer than any run of backticks inside (fencedBlock), so they stay inside it.
 */
export function renderContextItem(
  item: ContextItem,
  header: (item: ContextItem) => string = contextHeader,
  noteText: (note: ContextNote) => string = englishContextNote,
): string {
  const head = header(item);
  if (item.note === undefined) return `${head}\n${fencedBlock(item.text, item.language)}`;
  const said = oneLine(noteText(item.note));
  if (item.text === '') return `${head}\n(not read: ${said})`;
  return `${head}\n(note: ${said})\n${fencedBlock(item.text, item.language)}`;
}

/** A note's English sentence; a note id this version does not know (a newer Switchboard wrote it) is given as it is. */
export function englishContextNote(note: ContextNote): string {
  const text = readErrorText(note.id, note.params);
  return text !== undefined ? englishErrorText(text) : note.id;
}

/** A label or path with a newline in it must not be able to end the header line and inject its own text. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

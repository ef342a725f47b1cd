// How an attached selection or file is written into a message: a one-line header naming it, then its text in a
// fenced block tagged with its language. Used for what is sent to the model and for the Markdown export.
import { fencedBlock } from './markdownFence';
import type { ContextItem, ContextKind } from './messagePart';

/** The header's first word, sent to models (in English, like the prompt templates). */
const kindNames: Record<ContextKind, string> = {
  selection: 'Selection',
  file: 'File',
  folder: 'Folder',
  problems: 'Problems',
  terminal: 'Terminal output',
  diff: 'Diff',
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

export function renderContextItem(item: ContextItem, header: (item: ContextItem) => string = contextHeader): string {
  return `${header(item)}\n${fencedBlock(item.text, item.language)}`;
}

/** A label or path with a newline in it must not be able to end the header line and inject its own text. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

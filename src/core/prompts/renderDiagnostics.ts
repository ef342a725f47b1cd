// The diagnostics of a `fix` request as a numbered list the model can match to the code: severity, the line in the
// file and in the selection (the model sees the selection's lines, not the file's), column, source and code.
import type { SelectionDiagnostic, SelectionRequest } from './selectionRequest';

/** The list, or '' when there are none. */
export function renderDiagnostics(
  diagnostics: readonly SelectionDiagnostic[],
  selection: Pick<SelectionRequest, 'startLine' | 'endLine'>,
): string {
  return diagnostics.map((diagnostic, index) => `${index + 1}. ${renderDiagnostic(diagnostic, selection)}`).join('\n');
}

/** e.g. `error at line 12 (line 3 of the selection), column 5 [ts 2304]: Cannot find name 'foo'.` */
export function renderDiagnostic(diagnostic: SelectionDiagnostic, selection: Pick<SelectionRequest, 'startLine' | 'endLine'>): string {
  let where = `${diagnostic.severity} at line ${diagnostic.line} (${selectionLine(diagnostic.line, selection)})`;
  if (diagnostic.column !== undefined) where += `, column ${diagnostic.column}`;
  const origin = [diagnostic.source, diagnostic.code === undefined ? undefined : String(diagnostic.code)]
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .map((part) => part.replace(/[\r\n]+/g, ' '))
    .join(' ');
  if (origin !== '') where += ` [${origin}]`;
  // Messages can span lines (TypeScript's elaborations do): indent the rest so they stay inside this item.
  const message = diagnostic.message.trim().replace(/\r\n|\r|\n/g, '\n   ');
  return `${where}: ${message}`;
}

/** A diagnostic that touches the selection may start before it or end after it. */
function selectionLine(line: number, selection: Pick<SelectionRequest, 'startLine' | 'endLine'>): string {
  if (line < selection.startLine) return 'before the selection';
  if (line > selection.endLine) return 'after the selection';
  return `line ${line - selection.startLine + 1} of the selection`;
}

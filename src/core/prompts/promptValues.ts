// The values of the `{{placeholders}}` a prompt template (a default one or the user's override) can use.
import { docCommentStyle } from './docCommentStyle';
import { renderDiagnostics } from './renderDiagnostics';
import { fencedSelection, fileContextSection, oneLine } from './renderSelectionCode';
import type { SelectionRequest } from './selectionRequest';
import { testFrameworkHint } from './testFrameworkHint';

/**
 * Every placeholder a template may use. `code` is the fenced code (with the truncation notice when it was cut);
 * `instruction` and `fileContext` are '' and `diagnostics` is `(none)` when the request has none (refactor gets
 * a default instruction).
 */
export const promptPlaceholders = [
  'code',
  'language',
  'path',
  'startLine',
  'endLine',
  'instruction',
  'diagnostics',
  'docStyle',
  'fileContext',
  'testConvention',
] as const;

export type PromptPlaceholder = (typeof promptPlaceholders)[number];

export type PromptValues = Record<PromptPlaceholder, string>;

/** Used when refactor is run without an instruction (e.g. from a keybinding with no arguments). */
export const defaultRefactorInstruction = 'Improve the readability and structure of this code without changing its behaviour.';

export function promptValues(request: SelectionRequest): PromptValues {
  const diagnostics = request.diagnostics ?? [];
  return {
    code: fencedSelection(request),
    language: oneLine(request.languageId),
    path: oneLine(request.relativePath),
    startLine: String(request.startLine),
    endLine: String(request.endLine),
    instruction: instructionText(request),
    diagnostics: diagnostics.length === 0 ? '(none)' : renderDiagnostics(diagnostics, request),
    docStyle: docCommentStyle(request.languageId).description,
    fileContext: fileContextSection(request),
    testConvention: testConventionText(request),
  };
}

/** The instruction, trimmed; refactor without one gets the default instruction, the others ''. */
function instructionText(request: SelectionRequest): string {
  const text = request.instruction?.trim() ?? '';
  return text === '' && request.command === 'refactor' ? defaultRefactorInstruction : text;
}

/** e.g. `Use vitest. The tests go in the file src/foo.test.ts.` */
export function testConventionText(request: SelectionRequest): string {
  const convention = request.testConvention ?? {};
  const framework = convention.framework?.trim();
  const parts = [framework ? `Use ${oneLine(framework)}.` : `Use ${testFrameworkHint(request.languageId)}.`];
  const fileName = convention.fileName?.trim();
  if (fileName) {
    parts.push(
      `The tests go in the file ${oneLine(fileName)}; import the code under test from ${oneLine(request.relativePath)} with a path relative to that file.`,
    );
  }
  return parts.join(' ');
}

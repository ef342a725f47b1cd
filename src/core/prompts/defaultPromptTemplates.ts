// The built-in user messages of the selection commands. Each names the file, the lines and the language, gives the
// code in a fence (with the truncation notice when it was cut), and ends with what to reply, since models follow
// the last instruction they read most reliably.
import { docCommentStyle } from './docCommentStyle';
import type { PromptTemplates } from './promptTemplate';
import { renderDiagnostics } from './renderDiagnostics';
import { fileContextSection, linesLabel, oneLine, selectionCodeSection, whereLabel } from './renderSelectionCode';
import type { SelectionRequest } from './selectionRequest';
import { defaultRefactorInstruction, testConventionText } from './promptValues';

export const defaultPromptTemplates: PromptTemplates = {
  explain: (request) =>
    sections(
      `Explain this ${language(request)} code from ${whereLabel(request)}.`,
      selectionCodeSection(request),
      fileContextSection(request),
      extra(request, 'In particular: '),
    ),

  refactor: (request) =>
    sections(
      `Refactor this ${language(request)} code from ${whereLabel(request)}.`,
      selectionCodeSection(request),
      fileContextSection(request),
      `Instruction: ${instruction(request) ?? defaultRefactorInstruction}`,
      replyWithReplacement(request),
    ),

  fix: (request) => {
    const diagnostics = request.diagnostics ?? [];
    return sections(
      `Fix the problems in this ${language(request)} code from ${whereLabel(request)}.`,
      diagnostics.length > 0
        ? `Diagnostics the editor reports (line numbers are the file's; each also says which line of the selection it is):\n${renderDiagnostics(diagnostics, request)}`
        : 'The editor reports no diagnostics for this code: find the bugs most likely to be in it and fix them. If nothing is wrong, reply with the code unchanged.',
      selectionCodeSection(request),
      fileContextSection(request),
      extra(request, 'Also: '),
      replyWithReplacement(request),
    );
  },

  document: (request) => {
    const style = docCommentStyle(request.languageId);
    return sections(
      `Add documentation comments to this ${language(request)} code from ${whereLabel(request)}, as ${style.name}: ${style.description}.`,
      selectionCodeSection(request),
      fileContextSection(request),
      extra(request, 'Also: '),
      `${replyWithReplacement(request)} Change nothing but the documentation.`,
    );
  },

  generateTests: (request) =>
    sections(
      `Write unit tests for this ${language(request)} code from ${whereLabel(request)}.`,
      selectionCodeSection(request),
      fileContextSection(request),
      testConventionText(request),
      extra(request, 'Also: '),
      request.languageId === 'rust'
        ? 'Rust tests live in the same file: reply with only a `#[cfg(test)] mod tests { use super::*; … }` module, in one fenced code block.'
        : 'Reply with only the complete test file, in one fenced code block.',
    ),
};

function replyWithReplacement(request: SelectionRequest): string {
  return `Reply with only the complete replacement for ${linesLabel(request)}, in one fenced code block, keeping the original indentation.`;
}

function language(request: SelectionRequest): string {
  const id = oneLine(request.languageId).trim();
  return id === '' ? 'plain-text' : id;
}

function instruction(request: SelectionRequest): string | undefined {
  const text = request.instruction?.trim();
  return text === undefined || text === '' ? undefined : text;
}

function extra(request: SelectionRequest, lead: string): string {
  const text = instruction(request);
  return text === undefined ? '' : `${lead}${text}`;
}

/** Non-empty parts, a blank line apart. */
function sections(...parts: string[]): string {
  return parts.filter((part) => part.trim() !== '').join('\n\n');
}

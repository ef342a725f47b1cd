// A prompt template makes the user message of a selection command. The defaults are functions of the request (so
// that optional parts vanish cleanly); a user's override from settings is text with `{{placeholders}}`.
import { promptValues } from './promptValues';
import { renderTemplate } from './renderTemplate';
import { selectionCodeSection } from './renderSelectionCode';
import type { PromptCommand, SelectionRequest } from './selectionRequest';

export type PromptTemplate = string | ((request: SelectionRequest) => string);

export type PromptTemplates = Readonly<Record<PromptCommand, PromptTemplate>>;

/**
 * The user message `template` makes for `request`. Unknown placeholders stay as written (applyPromptOverrides
 * reports them). A text template without `{{code}}` would send no code at all, so the code (with its header) is
 * appended after it.
 */
export function renderPromptTemplate(template: PromptTemplate, request: SelectionRequest): string {
  if (typeof template === 'function') return template(request);
  const rendered = renderTemplate(template, promptValues(request));
  if (rendered.used.includes('code')) return rendered.text;
  return `${rendered.text.trimEnd()}\n\n${selectionCodeSection(request)}`;
}

// The prompt of a selection command: the command's system prompt (which fixes the answer's format) and one user
// message from its template — the default one, or the user's override from settings (see applyPromptOverrides).
import { defaultPromptTemplates } from './defaultPromptTemplates';
import { renderPromptTemplate, type PromptTemplates } from './promptTemplate';
import type { SelectionPrompt, SelectionRequest } from './selectionRequest';
import { selectionSystemPrompt } from './selectionSystemPrompt';

export function buildSelectionPrompt(request: SelectionRequest, templates: PromptTemplates = defaultPromptTemplates): SelectionPrompt {
  return {
    systemPrompt: selectionSystemPrompt(request),
    messages: [{ role: 'user', parts: [{ type: 'text', text: renderPromptTemplate(templates[request.command], request) }] }],
  };
}

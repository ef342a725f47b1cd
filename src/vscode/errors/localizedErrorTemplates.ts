// Every error message of src/core in the UI's language. Core's English templates (core/errors/errorTemplates.ts)
// are the keys VS Code looks translations up by, so they are not written out a second time here: the code loaded at
// activation stays within its size budget (docs/performance.md), and l10n/bundle.l10n.ru.json holds a translation
// for each template (test/unit/errors/errorMessages.test.ts checks that every one has one, with the same
// placeholders). Parameters arrive already rendered (nested phrases translated first), as named `{placeholders}`.
import * as vscode from 'vscode';
import { errorTemplates, type ErrorMessageId } from '../../core/errors/errorTemplates';

export function localizedErrorTemplate(id: ErrorMessageId, params: Record<string, string>): string {
  // Built before messages became data: its English sentence is all there is.
  if (id === 'text') return params['text'] ?? '';
  return vscode.l10n.t(errorTemplates[id], params);
}

// Users can replace the user message of any selection command from settings (`switchboard.prompts.<command>`,
// docs/editor-commands.md) with a template using `{{placeholders}}`. A mistake in one template never breaks the others: unknown
// placeholders are left as written and reported, so the editor can name the setting and the placeholder.
import { promptPlaceholders } from './promptValues';
import type { PromptTemplate, PromptTemplates } from './promptTemplate';
import { templatePlaceholders } from './renderTemplate';
import { promptCommands, type PromptCommand } from './selectionRequest';

/** The setting whose properties are the overrides: `switchboard.prompts.refactor` etc. */
export const promptsSetting = 'switchboard.prompts';

export type PromptOverrides = Partial<Record<PromptCommand, string | undefined>>;

/** One thing wrong with an override; `message` is a whole sentence that names the setting. */
export interface PromptOverrideProblem {
  /** e.g. `switchboard.prompts.refactor`. */
  setting: string;
  command?: PromptCommand;
  message: string;
}

export interface AppliedPromptOverrides {
  templates: PromptTemplates;
  problems: PromptOverrideProblem[];
}

const known = new Set<string>(promptPlaceholders);

/** `defaults` with each non-blank override in place of its command's template. */
export function applyPromptOverrides(defaults: PromptTemplates, overrides: PromptOverrides): AppliedPromptOverrides {
  const templates: Record<PromptCommand, PromptTemplate> = { ...defaults };
  const problems: PromptOverrideProblem[] = [];
  for (const command of promptCommands) {
    const override = overrides[command];
    // An empty value is how a user "resets" a setting in the JSON: it means the default, not an empty prompt.
    if (override === undefined || override.trim() === '') continue;
    templates[command] = override;
    const setting = `${promptsSetting}.${command}`;
    for (const { name, written } of templatePlaceholders(override)) {
      if (!known.has(name)) {
        problems.push({
          setting,
          command,
          message: `${setting} uses ${written}, which does not exist; it is sent as written. Placeholders: ${placeholderList()}.`,
        });
      }
    }
    if (!templatePlaceholders(override).some(({ name }) => name === 'code')) {
      problems.push({ setting, command, message: `${setting} does not use {{code}}, so the selected code is added after its text.` });
    }
  }
  return { templates, problems };
}

function placeholderList(): string {
  return promptPlaceholders.map((name) => `{{${name}}}`).join(', ');
}

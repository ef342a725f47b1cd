// The `switchboard.prompts` setting: an object with an optional template per selection command. Read entry by
// entry, so one bad entry (a typo in a command name, a number instead of text) is reported by name and the
// others still apply.
import * as z from 'zod/mini';
import { promptsSetting, type PromptOverrideProblem, type PromptOverrides } from './applyPromptOverrides';
import { promptCommands, type PromptCommand } from './selectionRequest';

/** Long enough for any real prompt; short enough that a pasted file is caught. */
export const maxPromptTemplateLength = 20_000;

const templateSchema = z.optional(z.nullable(z.string().check(z.maxLength(maxPromptTemplateLength))));

/** The setting's shape; `null` or `""` for a command means "use the default". Unknown keys are dropped. */
export const promptOverridesSchema = z.object({
  explain: templateSchema,
  refactor: templateSchema,
  fix: templateSchema,
  document: templateSchema,
  generateTests: templateSchema,
});

export function readPromptOverrides(value: unknown): { overrides: PromptOverrides; problems: PromptOverrideProblem[] } {
  const overrides: PromptOverrides = {};
  const problems: PromptOverrideProblem[] = [];
  if (value === undefined || value === null) return { overrides, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({
      setting: promptsSetting,
      message: `${promptsSetting} must be an object with a template per command (${promptCommands.join(', ')}).`,
    });
    return { overrides, problems };
  }
  for (const [key, entry] of Object.entries(value)) {
    const setting = `${promptsSetting}.${key}`;
    if (!isPromptCommand(key)) {
      problems.push({
        setting,
        message: `${setting} is not a Switchboard command with a prompt; use one of ${promptCommands.join(', ')}.`,
      });
      continue;
    }
    const result = z.safeParse(templateSchema, entry);
    if (!result.success) {
      const tooLong = typeof entry === 'string';
      problems.push({
        setting,
        command: key,
        message: tooLong
          ? `${setting} is longer than ${maxPromptTemplateLength.toLocaleString('en-US')} characters; the default prompt is used.`
          : `${setting} must be text (a template with {{placeholders}}); the default prompt is used.`,
      });
      continue;
    }
    if (typeof result.data === 'string') overrides[key] = result.data;
  }
  return { overrides, problems };
}

function isPromptCommand(key: string): key is PromptCommand {
  return (promptCommands as readonly string[]).includes(key);
}

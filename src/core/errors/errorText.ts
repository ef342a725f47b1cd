// An error's words as data: a message id (a stable key of `errorTemplates`) and its parameters. Core renders the
// English text from it (logs, tests and the default language); the VS Code layer renders the same id in the UI's
// language, so a sentence built here is never English-only.
import { durationParts } from '../formatDuration';
import { errorTemplates, type ErrorMessageId, isErrorMessageId } from './errorTemplates';

/** One value of a message: plain text (names, hosts, quoted provider text — already redacted), a number, or a nested phrase. */
export type ErrorParam = string | number | ErrorText;

export type ErrorParams = Readonly<Record<string, ErrorParam>>;

export interface ErrorText {
  id: ErrorMessageId;
  params: ErrorParams;
}

export function errorText(id: ErrorMessageId, params: ErrorParams = {}): ErrorText {
  return { id, params };
}

/** A wait or a limit as a phrase (`12 s`, `3 min`), so its unit is translated with the rest. */
export function durationText(ms: number): ErrorText {
  const { value, unit } = durationParts(ms);
  return { id: `duration.${unit}`, params: { value } };
}

/** How one language writes a template; `renderErrorText` does the nesting. */
export type ErrorTextRenderer = (id: ErrorMessageId, params: Record<string, string>) => string;

export function renderErrorText(text: ErrorText, renderer: ErrorTextRenderer, depth = 0): string {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(text.params)) flat[name] = renderParam(value, renderer, depth);
  return renderer(text.id, flat);
}

function renderParam(value: ErrorParam, renderer: ErrorTextRenderer, depth: number): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  // A stored error is data from disk: a cycle cannot happen, but a deep nesting must not recurse without end.
  return depth > 4 ? '' : renderErrorText(value, renderer, depth + 1);
}

/** `{name}` in a template replaced by the parameter of that name (an unknown name stays as written). */
export function fillTemplate(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

const english: ErrorTextRenderer = (id, params) => fillTemplate(errorTemplates[id], params);

/** The English sentence of a message (ProviderError.message, logs, tests). */
export function englishErrorText(text: ErrorText): string {
  return renderErrorText(text, english);
}

/**
 * An ErrorText read back from data (a stored conversation, a message from another bundle), or undefined when it is
 * not one: an unknown id (written by a newer Switchboard) or a parameter that is not a string, number or phrase.
 */
export function readErrorText(id: unknown, params: unknown, depth = 0): ErrorText | undefined {
  if (typeof id !== 'string' || !isErrorMessageId(id) || depth > 4) return undefined;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return undefined;
  const read: Record<string, ErrorParam> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') read[name] = value;
    else if (typeof value === 'object' && value !== null) {
      const nested = readErrorText((value as { id?: unknown }).id, (value as { params?: unknown }).params, depth + 1);
      if (nested === undefined) return undefined;
      read[name] = nested;
    } else return undefined;
  }
  return { id, params: read };
}

// `{{name}}` substitution for prompt templates written by users in settings.
//
// One left-to-right pass with a replacer FUNCTION: String.prototype.replace would interpret `$&`, `$1`, `$$` and
// `` $` `` in a replacement *string*, which code is full of; and text that was inserted is never scanned again, so
// selected code containing `{{instruction}}` stays literal instead of being substituted in turn.

/** `{{name}}`, optionally with spaces inside the braces: `{{ name }}`. */
const placeholderPattern = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface RenderedTemplate {
  text: string;
  /** Placeholders the template uses that have no value, as written (`{{foo}}`), each once; left in the text as is. */
  unknown: string[];
  /** Names of the known placeholders the template uses, each once. */
  used: string[];
}

export function renderTemplate(template: string, values: Readonly<Record<string, string>>): RenderedTemplate {
  const unknown: string[] = [];
  const used: string[] = [];
  const text = template.replace(placeholderPattern, (written: string, name: string) => {
    // Own properties only: `{{constructor}}` must not find Object.prototype.constructor.
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (value === undefined) {
      if (!unknown.includes(written)) unknown.push(written);
      return written;
    }
    if (!used.includes(name)) used.push(name);
    return value;
  });
  return { text, unknown, used };
}

/** The placeholders `template` uses, known or not, as written, each once (for checking a template without values). */
export function templatePlaceholders(template: string): Array<{ name: string; written: string }> {
  const found: Array<{ name: string; written: string }> = [];
  for (const match of template.matchAll(placeholderPattern)) {
    const written = match[0];
    const name = match[1] ?? '';
    if (!found.some((item) => item.written === written)) found.push({ name, written });
  }
  return found;
}

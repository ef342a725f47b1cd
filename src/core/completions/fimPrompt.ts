// What a fill-in-the-middle request carries (docs/completions.md): the prefix with the other open files' snippets
// before it as comments (the way code models are shown neighbouring files: a `Path:` line, then the lines), the
// suffix, and where to stop. With a template (fimTemplates.ts) the prompt is whole and no `suffix` field is sent;
// without one the server builds it from `prompt` and `suffix` with the model's own template.
import type { CompletionInput } from './completionTypes';
import type { FimTemplate } from './fimTemplates';
import { lineCommentFor } from './lineCommentFor';

export interface FimPrompt {
  /** The `prompt` field: the prefix (after the snippets), or the whole templated prompt. */
  prompt: string;
  /** The text after the cursor for the `suffix` field; undefined when the template already holds it. */
  suffix: string | undefined;
  /** The prompt is already in the model's FIM format (Ollama's `raw: true`). */
  templated: boolean;
  /** Stop sequences: the end of the line for a single-line completion, and the template's own tokens. */
  stop: string[];
}

export function fimPrompt(input: CompletionInput, template: FimTemplate | undefined): FimPrompt {
  const prefix = prefixWithSnippets(input);
  // A single-line completion ends at the end of its line: the server stops there instead of writing on.
  const lineStop = input.multiline ? [] : ['\n'];
  if (template === undefined) return { prompt: prefix, suffix: input.suffix, templated: false, stop: lineStop };
  return { prompt: template.prompt(prefix, input.suffix), suffix: undefined, templated: true, stop: [...lineStop, ...template.stop] };
}

/** The prefix, after the snippets of other open files as comments (none when the language has no line comment). */
export function prefixWithSnippets(input: CompletionInput): string {
  if (input.snippets.length === 0) return input.prefix;
  const mark = lineCommentFor(input.languageId);
  if (mark === undefined) return input.prefix;
  const blocks = input.snippets.map((snippet) =>
    [`${mark} Path: ${snippet.path}`, ...snippet.text.split(/\r?\n/).map((line) => (line === '' ? mark : `${mark} ${line}`))].join('\n'),
  );
  const own = input.path === undefined ? '' : `${mark} Path: ${input.path}\n`;
  return `${blocks.join('\n\n')}\n\n${own}${input.prefix}`;
}

// Cleaning a model's middle before it is shown as ghost text (docs/completions.md, "Cleaning the answer"). Each step
// is linear in the answer's length (plus the cursor's line), so it costs next to nothing per keystroke:
//   1. line breaks as `\n`; the answer ends at the first special token (`<|endoftext|>`, `<|fim_…|>`, `<EOT>`, …);
//   2. a chat model's wrapping goes: an introducing line ("Here is the code:") and a Markdown fence;
//   3. an echo of the text before the cursor goes (nothing is left when the answer was only that);
//   4. a looping tail or an endless line is cut (cutRepetition.ts);
//   5. one line, or for a block at most 30 lines ending where the block does (cutToBlock.ts);
//   6. what duplicates the text after the cursor goes, brackets balanced against it (trimSuffixOverlap.ts);
//   7. a space the cursor already has before it is not doubled; trailing whitespace goes at the end of a line;
//   8. whitespace alone is nothing.
// `undefined` means: show nothing.
import type { CompletionInput } from './completionTypes';
import { cutRepetition } from './cutRepetition';
import { cutToBlock, defaultMaxCompletionLines } from './cutToBlock';
import { removePrefixEcho } from './removePrefixEcho';
import { cutAtSpecialTokens, stripChatWrapping } from './stripChatWrapping';
import { trimSuffixOverlap } from './trimSuffixOverlap';

export interface PostProcessOptions {
  /** The rest of the cursor's line in the editor (default: the suffix up to its first line break). */
  lineSuffix?: string;
  /** The most lines of a block (default 30). */
  maxLines?: number;
}

/** Languages where a Markdown fence may be the text being written, not a chat model's wrapping. */
const markdownLike = new Set(['markdown', 'mdx', 'quarto', 'rmd']);

export function postProcessCompletion(raw: string, input: CompletionInput, options: PostProcessOptions = {}): string | undefined {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  text = cutAtSpecialTokens(text);
  if (!markdownLike.has(input.languageId)) text = stripChatWrapping(text);
  text = removePrefixEcho(text, input.prefix);
  if (text.trim() === '') return undefined;

  const cut = cutRepetition(text);
  if (cut === undefined) return undefined;
  text = cut;

  const lineSuffix = (options.lineSuffix ?? firstLine(input.suffix)).replace(/\r$/, '');
  text = input.multiline ? cutToBlock(text, input, lineSuffix, options.maxLines ?? defaultMaxCompletionLines) : firstLine(text);

  const lineBefore = input.prefix.slice(input.prefix.lastIndexOf('\n') + 1);
  text = trimSuffixOverlap(text, lineBefore, input.suffix, lineSuffix);

  // `const x = |` answered ` 42`: the space is there already.
  if (/\S[ \t]$/.test(lineBefore)) text = text.replace(/^[ \t]+/, '');
  // At the end of a line trailing whitespace is noise; before text on the line (`{|}`) it places that text.
  if (lineSuffix.trim() === '') text = text.trimEnd();
  return text.trim() === '' ? undefined : text;
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}

// How a chat-only model is asked for the middle (docs/completions.md): a short system prompt that asks for only the
// text that goes at the cursor, and one user message with the other open files' snippets and the file with the
// cursor marked. No Markdown fences in the prompt, so the answer is not nudged into them (post-processing still
// strips any that come back).
import type { ChatMessage } from '../chat/chatTypes';
import type { CompletionInput } from './completionTypes';

/** Where the middle goes, in the file shown to the model. */
export const cursorMark = '<CURSOR>';

export interface ChatCompletionPrompt {
  systemPrompt: string;
  messages: ChatMessage[];
}

export function chatCompletionPrompt(input: CompletionInput): ChatCompletionPrompt {
  const extent = input.multiline
    ? 'It may be several lines: complete the statement or block the cursor is in, and stop there.'
    : 'Complete only the rest of the line the cursor is on.';
  const systemPrompt = [
    `You are a code completion engine. The user shows a file with the cursor marked as ${cursorMark}.`,
    `Reply with ONLY the text to insert at ${cursorMark}: no explanation, no Markdown code fences, and nothing that is already before or after the cursor.`,
    `Keep the file's indentation and style. ${extent} If nothing should be inserted, reply with nothing.`,
  ].join(' ');
  const parts: string[] = [];
  if (input.snippets.length > 0) {
    parts.push('Other open files, for reference:');
    for (const snippet of input.snippets) parts.push(`<file path="${attribute(snippet.path)}">\n${snippet.text}\n</file>`);
    parts.push('');
  }
  const path = input.path === undefined ? '' : ` path="${attribute(input.path)}"`;
  parts.push(`The file (language: ${input.languageId}), with the cursor marked:`);
  parts.push(`<file${path}>\n${input.prefix}${cursorMark}${input.suffix}\n</file>`);
  parts.push(`Reply with the text to insert at ${cursorMark} only.`);
  return { systemPrompt, messages: [{ role: 'user', parts: [{ type: 'text', text: parts.join('\n') }] }] };
}

function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

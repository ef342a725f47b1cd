// Takes the code out of a model's reply to an edit command (refactor / fix / document / generate tests): the
// fenced block, without the chatter models put around it, or — only when it is plainly code — a reply without any
// fence. Never throws: a reply that holds no usable code says why, for the editor to show.
import { fenceMatchesLanguage, fenceTag } from './fenceLanguage';
import { judgeBareReply } from './looksLikeCode';
import { scanFences, type FencedCode } from './scanFences';

export type ExtractedCode =
  /** `code` has '\n' line breaks and ends with '\n'; `note` says what the user should know (cut off, several blocks). */
  { kind: 'code'; code: string; note?: string } | { kind: 'no-code'; reason: string };

export const cutOffNote =
  'The reply ended inside its code block (the answer was probably stopped or cut off), so the code may be incomplete.';

/**
 * The block to use: among the non-empty blocks, those tagged with `languageId` (or an alias: `ts` for
 * `typescript`) if any, else all of them; of these the largest, the later one on a tie (a model that shows
 * "before" and "after" puts the answer last).
 */
export function extractCodeFromReply(reply: string, languageId: string): ExtractedCode {
  const blocks = scanFences(reply);
  if (blocks.length === 0) return bareReply(reply);

  const nonEmpty = blocks.filter((block) => block.code.trim() !== '');
  if (nonEmpty.length === 0) {
    return {
      kind: 'no-code',
      reason: blocks.some((block) => !block.closed) ? 'the reply stopped before any code' : 'the code block in the reply is empty',
    };
  }
  const matching = nonEmpty.filter((block) => fenceMatchesLanguage(block.info, languageId));
  const pool = matching.length > 0 ? matching : nonEmpty;
  const chosen = largest(pool);

  const notes: string[] = [];
  if (!chosen.closed) notes.push(cutOffNote);
  if (nonEmpty.length > 1) {
    notes.push(
      matching.length > 0
        ? `The reply had ${nonEmpty.length} code blocks; the ${matching.length > 1 ? 'largest ' : ''}${languageId} one was used.`
        : `The reply had ${nonEmpty.length} code blocks; the largest was used.`,
    );
  }
  const tag = fenceTag(chosen.info);
  if (matching.length === 0 && tag !== '' && languageId !== '') notes.push(`The code block is tagged ${tag}, not ${languageId}.`);
  return withNote(chosen.code, notes);
}

function bareReply(reply: string): ExtractedCode {
  const verdict = judgeBareReply(reply);
  if (!verdict.code) return { kind: 'no-code', reason: verdict.reason };
  const lines = reply.split(/\r\n|\r|\n/);
  // Blank lines around the code are not part of it.
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  return withNote(lines.map((line) => `${line}\n`).join(''), ['The reply had no code block; all of it was taken as code.']);
}

function largest(blocks: readonly FencedCode[]): FencedCode {
  let best = blocks[0] as FencedCode;
  for (const block of blocks) if (block.code.length >= best.code.length) best = block;
  return best;
}

function withNote(code: string, notes: readonly string[]): ExtractedCode {
  return notes.length > 0 ? { kind: 'code', code, note: notes.join(' ') } : { kind: 'code', code };
}

// The code of a reply that is still streaming, to show the proposal in the diff view as it grows: the content of
// the first fence, open or closed, so far. Before a fence has opened (its opening line complete) it is ''. A last,
// unfinished line that could still become the closing fence (say "``") is held back so it never flashes in the
// diff; any other unfinished line is shown as it is.
import { closesFence, scanFences, stripIndent } from './scanFences';

export function extractCodeSoFar(partialReply: string): string {
  // Everything up to the last line break is complete; what follows it is an unfinished line.
  const lastBreak = Math.max(partialReply.lastIndexOf('\n'), partialReply.lastIndexOf('\r'));
  const complete = partialReply.slice(0, lastBreak + 1);
  const tail = partialReply.slice(lastBreak + 1);

  const first = scanFences(complete)[0];
  if (first === undefined) return '';
  if (first.closed || tail === '') return first.code;
  if (couldCloseFence(tail, first.fence)) return first.code;
  return first.code + stripIndent(tail, first.indent);
}

/** Whether more characters could turn `tail` into the fence that closes `fence`. */
function couldCloseFence(tail: string, fence: string): boolean {
  const trimmed = tail.trimStart();
  if (trimmed === '') return true;
  const char = fence.charAt(0);
  let run = 0;
  while (run < trimmed.length && trimmed.charAt(run) === char) run += 1;
  // Only fence characters so far, or already a complete closing fence with trailing spaces still coming.
  return run === trimmed.length || closesFence(trimmed, fence);
}

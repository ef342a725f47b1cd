// What the tool-step benchmark's model says (toolModelServer.ts), and what the measured process checks it received
// (toolTurnProcess.ts): a tool step's call and the plain step of the baseline stream the same number of chunks of
// about the same bytes, so the model's own share of the CPU is the same on both sides.

/** About one token of a model per chunk, as OpenAI streams text and a call's arguments. */
const charsPerPiece = 4;

export function splitPieces(text: string): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += charsPerPiece) pieces.push(text.slice(at, at + charsPerPiece));
  return pieces;
}

/** The arguments of the `read_file` call for `path`, as the model writes them. */
export function readFileArguments(path: string): string {
  return JSON.stringify({ path });
}

/** A plain step of the baseline: as many characters (and so chunks) as the call for `path`. */
export function stepText(path: string): string {
  const length = readFileArguments(path).length;
  return `Reading ${path} now.`.slice(0, length).padEnd(length, '.');
}

const sentence =
  'The files share one pattern: each command reads the selection, builds a prompt from its template, and hands the answer to a review before anything is written. ';

/** The final answer of both sides (about 1,300 characters, about 330 chunks). */
export const finalAnswer = `${sentence.repeat(8).trim()}`;

// Whether a reply WITHOUT any code fence can be taken as code (some models drop the fence when told to reply with
// code only). Taking prose for code would put "Here is the refactored code:" into the user's file, so the rule is
// strict, and when unsure the answer is "not code":
//
// A reply is code when it is not blank, NO line of it is a prose sentence, and at least one line has a sign of
// code (see hasCodeSign). Lines inside block comments and docstrings (/* */, """ """, ''' ''', <!-- -->,
// =begin/=end) and lines starting with a comment marker are never prose: documented code is full of sentences.
//
// A line is a prose sentence when, after removing a Markdown list marker ("- ", "+ ", "1. ", "1) "):
//   - it starts with an upper-case letter (any script),
//   - it has at least 3 whitespace-separated tokens, at least 75% of them words (letters, with quotes, brackets
//     and sentence punctuation around them allowed, but no code characters inside: `a.b`, `f(x)`, `x=1` are not
//     words),
//   - at least one word is lower-case and fewer than half are in capitals (2+ letters: `SELECT`), so SQL such as
//     `SELECT name FROM users WHERE id IN ids` is not prose,
//   - and it ends like a sentence (`.` `!` `?` `:` `…`, optionally followed by a closing quote or bracket) or has
//     at least 8 tokens.

export type BareReplyVerdict = { code: true } | { code: false; reason: string };

export const proseReason = 'the model answered in prose, without a code block';
export const emptyReason = 'the reply was empty';
export const notCodeReason = 'the reply has no code block and does not look like code';

export function judgeBareReply(reply: string): BareReplyVerdict {
  if (reply.trim() === '') return { code: false, reason: emptyReason };
  let region: BlockComment | undefined;
  let codeSign = false;
  for (const line of reply.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (region !== undefined) {
      if (closesRegion(trimmed, region)) region = undefined;
      continue;
    }
    if (trimmed === '') continue;
    const opened = opensRegion(trimmed);
    if (opened !== undefined) {
      region = opened;
      continue;
    }
    if (isCommentLine(trimmed)) continue;
    if (isProseLine(trimmed)) return { code: false, reason: proseReason };
    if (hasCodeSign(trimmed)) codeSign = true;
  }
  return codeSign ? { code: true } : { code: false, reason: notCodeReason };
}

const wordToken = /^[("'`«„“[]*\p{L}[\p{L}\p{M}\p{N}'’-]*[)\]"'`»“”.,:;!?…]*$/u;

export function isProseLine(line: string): boolean {
  const text = line.trim().replace(/^(?:[-+]|\d+[.)])\s+/, '');
  if (!/^\p{Lu}/u.test(text)) return false;
  const tokens = text.split(/\s+/);
  if (tokens.length < 3) return false;
  const words = tokens.filter((token) => wordToken.test(token));
  if (words.length < tokens.length * 0.75) return false;
  if (!words.some((word) => !/\p{Lu}/u.test(word))) return false;
  const capitals = words.filter((word) => /^[^\p{L}]*\p{Lu}{2,}[^\p{Ll}]*$/u.test(word)).length;
  if (capitals * 2 >= words.length) return false;
  return /[.!?:…][)\]"'`»”]*$/u.test(text) || tokens.length >= 8;
}

const codeCharacters = /[(){}[\];=<>]/;
const codeKeywords =
  /^(?:import|from|export|const|let|var|function|def|class|return|if|else|elif|for|while|do|switch|case|fn|pub|use|mod|impl|package|func|struct|enum|interface|type|module|require|using|namespace|public|private|protected|static|async|await|try|catch|finally|throw|raise|print|puts|echo|end)\b/;

/** Brackets, braces, `;`, `=`, `<`, `>`, or a line that starts with a common keyword. */
export function hasCodeSign(line: string): boolean {
  return codeCharacters.test(line) || codeKeywords.test(line.trim());
}

// Line comments of the common languages. `*` only followed by a space or `/` (a block comment's middle or end):
// a bare `**bold**` is Markdown.
const commentLine = /^(?:\/\/|#|--|;|%|'|\*(?:\s|\/|$)|rem\s)/i;

function isCommentLine(trimmed: string): boolean {
  return commentLine.test(trimmed);
}

interface BlockComment {
  close: string;
}

const regionOpeners: ReadonlyArray<{ open: string; close: string }> = [
  { open: '/*', close: '*/' },
  { open: '"""', close: '"""' },
  { open: "'''", close: "'''" },
  { open: '<!--', close: '-->' },
];

/** A block comment or docstring that starts on this line and does not end on it. */
function opensRegion(trimmed: string): BlockComment | undefined {
  if (/^=begin\b/.test(trimmed)) return { close: '=end' };
  for (const { open, close } of regionOpeners) {
    const at = trimmed.indexOf(open);
    if (at < 0) continue;
    // `/*` inside a glob such as `src/**/*.ts` is not a comment: it must start the line or follow a space.
    if (open === '/*' && at > 0 && !/\s/.test(trimmed.charAt(at - 1))) continue;
    if (!trimmed.includes(close, at + open.length)) return { close };
  }
  return undefined;
}

function closesRegion(trimmed: string, region: BlockComment): boolean {
  return region.close === '=end' ? /^=end\b/.test(trimmed) : trimmed.includes(region.close);
}

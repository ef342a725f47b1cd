// How the model picker's filter finds a row: case-insensitive, the typed text as one piece first, then its words
// each somewhere, then its letters in order (a fuzzy match, as VS Code's quick pick finds "gpt4o" in "gpt-4o-mini").
// A lower score ranks higher; `matches` are the label's characters to highlight.

export interface LabelMatch {
  score: number;
  matches: number[];
}

export function matchLabel(label: string, query: string): LabelMatch | undefined {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return { score: 0, matches: [] };
  const text = label.toLowerCase();
  const at = text.indexOf(wanted);
  if (at >= 0) return { score: at, matches: range(at, wanted.length) };

  const words = wanted.split(/\s+/);
  const found = words.map((word) => text.indexOf(word));
  if (words.length > 1 && found.every((index) => index >= 0)) {
    const matches = new Set(words.flatMap((word, index) => range(found[index]!, word.length)));
    return { score: 1000 + found.reduce((sum, index) => sum + index, 0), matches: [...matches].sort((a, b) => a - b) };
  }

  const letters = wanted.replace(/\s+/g, '');
  const matches: number[] = [];
  let from = 0;
  for (const letter of letters) {
    const found = text.indexOf(letter, from);
    if (found < 0) return undefined;
    matches.push(found);
    from = found + 1;
  }
  // Letters close together rank before letters spread over the label.
  return { score: 2000 + (matches.at(-1)! - matches[0]!), matches };
}

function range(start: number, length: number): number[] {
  return Array.from({ length }, (_, offset) => start + offset);
}

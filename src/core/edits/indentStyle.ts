// Tabs or spaces, and how many spaces a level, over a whole text (docs/chat.md, "Applying code"): a code block
// applied to a file takes the file's indentation character even when the region it replaces has no indented line
// to show it (a one-line function at the top level whose body the block spreads over lines).

import { indentOf, indentWidth, isBlank } from './lineKinds';

export interface IndentStyle {
  tabs: boolean;
  /** Spaces per level (for spaces), or the columns a tab stands for when converting (for tabs). */
  unit: number;
}

/** The style most of the indented lines use; undefined when no line is indented. */
export function detectIndentStyle(lines: readonly string[]): IndentStyle | undefined {
  let tabs = 0;
  let spaces = 0;
  for (const line of lines) {
    if (isBlank(line)) continue;
    const indent = indentOf(line);
    if (indent.startsWith('\t')) tabs += 1;
    else if (indent.startsWith(' ') && !line.trimStart().startsWith('*')) spaces += 1;
  }
  if (tabs === 0 && spaces === 0) return undefined;
  return { tabs: tabs > spaces, unit: spaceUnit(lines) ?? 4 };
}

/** The lines with their indentation rewritten in `style` (when theirs is the other character); others unchanged. */
export function convertIndentation(lines: readonly string[], style: IndentStyle | undefined): string[] {
  const own = detectIndentStyle(lines);
  if (style === undefined || own === undefined || own.tabs === style.tabs) return [...lines];
  return lines.map((line) => {
    const indent = indentOf(line);
    if (isBlank(line) || indent === '') return line;
    if (style.tabs) {
      if (!indent.startsWith(' ')) return line;
      const width = indentWidth(line, own.unit);
      return '\t'.repeat(Math.floor(width / own.unit)) + ' '.repeat(width % own.unit) + line.slice(indent.length);
    }
    if (!indent.includes('\t')) return line;
    return ' '.repeat(indentWidth(line, style.unit)) + line.slice(indent.length);
  });
}

/** One level of the text's indentation: a tab, or its unit of spaces (four when nothing is indented). */
export function oneIndentLevel(lines: readonly string[]): string {
  const style = detectIndentStyle(lines);
  return style?.tabs === true ? '\t' : ' '.repeat(style?.unit ?? 4);
}

/**
 * Spaces per level: the most frequent step by which one space-indented line is deeper than the line before it
 * (2 to 8), which aligned continuation lines rarely outvote; undefined when no line steps deeper.
 */
function spaceUnit(lines: readonly string[]): number | undefined {
  const steps = new Map<number, number>();
  let previous = 0;
  for (const line of lines) {
    if (isBlank(line) || line.trimStart().startsWith('*')) continue;
    const indent = indentOf(line);
    if (indent.includes('\t')) continue;
    const step = indent.length - previous;
    if (step >= 2 && step <= 8) steps.set(step, (steps.get(step) ?? 0) + 1);
    previous = indent.length;
  }
  let best: number | undefined;
  let count = 0;
  for (const [step, seen] of steps) {
    if (seen > count || (seen === count && best !== undefined && step < best)) {
      best = step;
      count = seen;
    }
  }
  return best;
}

// Where and how "Insert Reference" puts saved images into the file being edited (docs/images.md, "References").
// The selection is never written over:
// - with a bare cursor, the reference goes exactly at the cursor (the person chose the spot);
// - with a selection, on a new line after it, indented like its first line (Markdown: its own paragraph);
// - in JavaScript / TypeScript that already imports modules at the top, as `import name from './x.png'` after
//   the last of those imports (in JSX / TSX the `<img src={name} … />` then goes after the selection too);
//   otherwise as a string `'./x.png'`, in the quotes and semicolon style the file already uses.
// Languages with no image reference (Python, plain text…) get no plan: the caller offers nothing.
import * as path from 'node:path';
import { imageReference, jsxImage, referenceSyntaxOf, scriptString, type ReferenceSyntax } from './imageReference';
import { relativeImagePath } from './relativeImagePath';

export interface TextPosition {
  /** 0-based. */
  line: number;
  /** 0-based, in UTF-16 code units like VS Code's `Position.character`. */
  character: number;
}

export interface ReferenceTarget {
  languageId: string;
  /** The edited file's path, which image paths are made relative to. */
  filePath: string;
  /** The whole document. */
  text: string;
  selection: { start: TextPosition; end: TextPosition };
}

/** The shape the reference takes: one of the syntaxes, or for scripts an `import` or a plain string. */
export type ReferenceForm = Exclude<ReferenceSyntax, 'script'> | 'import' | 'string';

export interface ReferenceInsertion extends TextPosition {
  /** Inserted at the position; lines end in `\n` (the editor converts to the document's line ends). */
  text: string;
}

export interface ReferencePlan {
  form: ReferenceForm;
  /** In document order, none at the same position; apply them all in one edit. */
  insertions: ReferenceInsertion[];
}

/** The plan for referring to `imageFiles` (absolute paths) from `target`, or undefined where there is no syntax for it. */
export function planImageReference(target: ReferenceTarget, imageFiles: readonly string[], alt: string): ReferencePlan | undefined {
  const syntax = referenceSyntaxOf(target.languageId);
  if (!syntax || imageFiles.length === 0) return undefined;
  const lines = target.text.split(/\r\n|\r|\n/);
  const paths = imageFiles.map((file) => relativeImagePath(target.filePath, file, target.languageId));

  if (syntax === 'script' || syntax === 'jsx') {
    const imports = topImports(lines);
    if (imports) {
      const taken = new Set(target.text.match(/[A-Za-z_$][\w$]*/g) ?? []);
      const names = imageFiles.map((file) => {
        const name = identifierFor(file, taken);
        taken.add(name);
        return name;
      });
      const statements = names.map((name, i) => `import ${name} from ${scriptString(paths[i] ?? '', imports.quote)}${imports.semicolon}`);
      const afterImports: ReferenceInsertion = {
        line: imports.lastLine,
        character: lines[imports.lastLine]?.length ?? 0,
        text: statements.map((statement) => `\n${statement}`).join(''),
      };
      if (syntax === 'script') return { form: 'import', insertions: [afterImports] };
      const images = names.map((name) => jsxImage(`{${name}}`, alt)).join('\n');
      return { form: 'jsx', insertions: merge([afterImports, afterSelection(lines, target.selection, images, false)]) };
    }
    if (syntax === 'script') {
      const quote = dominantQuote(target.text);
      const strings = paths.map((relative) => scriptString(relative, quote)).join(', ');
      return { form: 'string', insertions: [afterSelection(lines, target.selection, strings, false)] };
    }
  }

  const references = paths.map((relative) => imageReference(target.languageId, relative, alt) ?? '');
  const separator = syntax === 'markdown' ? '\n\n' : syntax === 'css' ? ', ' : '\n';
  return { form: syntax, insertions: [afterSelection(lines, target.selection, references.join(separator), syntax === 'markdown')] };
}

/** Where the reference goes for a selection (see the top of the file); `body` may span lines. */
function afterSelection(
  lines: readonly string[],
  selection: ReferenceTarget['selection'],
  body: string,
  paragraph: boolean,
): ReferenceInsertion {
  const { start, end } = selection;
  const lineAt = (line: number): string | undefined => lines[line];
  const blank = (line: number): boolean => (lineAt(line) ?? '').trim() === '';
  if (start.line === end.line && start.character === end.character) {
    // A bare cursor: right there, later lines indented like the cursor's line.
    // (Fields copied one by one: a caller's position object may keep them behind getters, as VS Code's does.)
    return { line: end.line, character: end.character, text: indentLater(body, indentOf(lineAt(end.line) ?? '')) };
  }
  // Markdown is never indented (four spaces would make it a code block).
  const indent = paragraph ? '' : indentOf(lineAt(start.line) ?? '');
  const block = indentLater(indent + body, indent);
  if (end.character === 0 && end.line > start.line) {
    // Whole lines were selected (the selection ends at the start of the next line): a line of its own between them.
    const before = paragraph && !blank(end.line - 1) ? '\n' : '';
    const after = paragraph && !blank(end.line) ? '\n' : '';
    return { line: end.line, character: 0, text: `${before}${block}\n${after}` };
  }
  const before = paragraph && !blank(end.line) ? '\n\n' : '\n';
  const after = paragraph && end.line + 1 < lines.length && !blank(end.line + 1) ? '\n' : '';
  return { line: end.line, character: (lineAt(end.line) ?? '').length, text: `${before}${block}${after}` };
}

function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** Indents every line of `text` but the first (which goes where the cursor or the indent already is). */
function indentLater(text: string, indent: string): string {
  return text.replace(/\n(?=[^\n])/g, `\n${indent}`);
}

/** Two insertions at the same place would land in an order the editor chooses: make them one. */
function merge(insertions: ReferenceInsertion[]): ReferenceInsertion[] {
  const sorted = [...insertions].sort((a, b) => a.line - b.line || a.character - b.character);
  const merged: ReferenceInsertion[] = [];
  for (const insertion of sorted) {
    const last = merged.at(-1);
    if (last && last.line === insertion.line && last.character === insertion.character) last.text += insertion.text;
    else merged.push({ ...insertion });
  }
  return merged;
}

interface TopImports {
  /** The line the last import statement ends on. */
  lastLine: number;
  quote: "'" | '"';
  /** `;` when the file's imports end with one, else ''. */
  semicolon: string;
}

/**
 * The ES `import` statements at the top of a module (after a shebang, comments, blank lines and directives such
 * as 'use client'), or undefined when the file does not start with any: then it is not an ES module, or it
 * imports nothing yet, and an `import` would not be "the file's own style".
 */
export function topImports(lines: readonly string[]): TopImports | undefined {
  let found: TopImports | undefined;
  let inComment = false;
  let inImport = false;
  const limit = Math.min(lines.length, 500);
  for (let index = 0; index < limit; index++) {
    const line = (lines[index] ?? '').trim();
    if (inComment) {
      if (line.includes('*/')) inComment = false;
      continue;
    }
    if (inImport) {
      if (endsImport(line)) {
        inImport = false;
        found = styleOf(line, index, found);
      }
      continue;
    }
    if (line === '' || line.startsWith('//') || (index === 0 && line.startsWith('#!'))) continue;
    if (line.startsWith('/*')) {
      inComment = !line.includes('*/', 2);
      continue;
    }
    if (/^(['"])use [\w ]+\1;?$/.test(line)) continue;
    if (/^import(?=[\s{*'"])/.test(line)) {
      if (endsImport(line)) found = styleOf(line, index, found);
      else inImport = true;
      continue;
    }
    break;
  }
  return found;
}

/** A line that ends an import statement: its module specifier (`from './x'`, `import './x'`), a `require(…)`, or attributes. */
function endsImport(line: string): boolean {
  const code = line.replace(/\s*\/\/.*$/, '');
  return /(['"])[^'"]*\1\s*;?$/.test(code) || /\)\s*;?$/.test(code) || /\bwith\s*\{[^}]*\}\s*;?$/.test(code);
}

function styleOf(line: string, index: number, previous: TopImports | undefined): TopImports {
  const quote = /(['"])[^'"]*\1/.exec(line)?.[1];
  return {
    lastLine: index,
    quote: previous?.quote ?? (quote === '"' ? '"' : "'"),
    semicolon: /;\s*(\/\/.*)?$/.test(line) ? ';' : '',
  };
}

/** The quote the file uses more for strings; single when it is a tie. */
function dominantQuote(text: string): "'" | '"' {
  const singles = text.match(/'/g)?.length ?? 0;
  const doubles = text.match(/"/g)?.length ?? 0;
  return doubles > singles ? '"' : "'";
}

const reserved = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await async of as from type'
  ).split(' '),
);

/**
 * A variable name for an imported image, from its file name: `2026-11-21-a-lighthouse-at-dusk-42.png` →
 * `aLighthouseAtDusk42`, `logo.png` → `logo`; never one the file already uses (`logo2`).
 */
export function identifierFor(imageFile: string, taken: ReadonlySet<string>): string {
  const stem = path.basename(imageFile).replace(/\.[^.]*$/, '');
  const words = stem
    .replace(/^\d{4}-\d{2}-\d{2}-/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .slice(0, 6);
  let name = words.map((word, i) => (i === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())).join('');
  if (name === '' || /^\d/.test(name)) name = `image${name}`;
  if (reserved.has(name)) name = `${name}Image`;
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  return candidate;
}

// src/webview/codiconNames.ts is the one list of the icons the view ships (the build keeps only their CSS rules and
// glyphs). Names given as CodiconName are checked by the compiler; this test reads the webview's sources for what it
// cannot check — a class written out (`'codicon codicon-x'`), a selector in the CSS (`.codicon-x`), a class built
// from a string (`codicon-${…}` outside codiconClass) — and for listed names nothing uses any more.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { codiconNamesFile, readCodiconNames } from '../../../scripts/build/codiconSubset';

const webviewDir = path.dirname(codiconNamesFile);

/** The webview's .ts and .css files, without the list itself, path → text. */
function webviewSources(dir = webviewDir): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [f, text] of webviewSources(file)) files.set(f, text);
    else if (/\.(ts|css)$/.test(entry.name) && file !== codiconNamesFile) files.set(file, readFileSync(file, 'utf8'));
  }
  return files;
}

interface CodiconReferences {
  /** Codicon names the text refers to, with where. */
  names: { name: string; line: number; text: string }[];
  /** Lines that build a `codicon-…` class from a value the compiler does not check. */
  untyped: { line: number; text: string }[];
}

/**
 * The codicons `text` names: `codicon-<name>` in a class or selector (not the `codicon-modifier-*` classes, the
 * `codicon-spin` animation or the package's import), `iconButton('<name>'`, `codiconClass('<name>'` and
 * `icon: '<name>'`.
 */
function codiconReferences(text: string): CodiconReferences {
  const result: CodiconReferences = { names: [], untyped: [] };
  text.split('\n').forEach((lineText, index) => {
    const line = index + 1;
    const add = (name: string | undefined): void => {
      if (name !== undefined) result.names.push({ name, line, text: lineText.trim() });
    };
    for (const [, name] of lineText.matchAll(/(?<![\w/-])codicon-([a-z0-9]+(?:-[a-z0-9]+)*)/g)) {
      if (name!.startsWith('modifier-') || name === 'spin') continue;
      add(name);
    }
    for (const [, name] of lineText.matchAll(/\b(?:iconButton|codiconClass)\(\s*'([^']+)'/g)) add(name);
    for (const [, name] of lineText.matchAll(/\bicon:\s*'([^']+)'/g)) add(name);
    if (/codicon-\$\{/.test(lineText)) result.untyped.push({ line, text: lineText.trim() });
  });
  return result;
}

describe('codicon names (src/webview/codiconNames.ts)', () => {
  const listed = new Set(readCodiconNames());
  const sources = webviewSources();

  it('finds the webview’s sources', () => {
    assert.ok(sources.size > 10, `only ${sources.size} files under ${webviewDir}`);
    assert.ok([...sources.keys()].some((file) => file.endsWith('chat.css')));
  });

  it('reads every way the webview names a codicon', () => {
    const sample = [
      "h('span', { class: 'codicon codicon-rocket', 'aria-hidden': 'true' }),",
      "const b = iconButton('zap', label);",
      "h('div', { class: `${codiconClass('gear')} empty-state-icon` }),",
      "  { key: 'x', icon: 'beaker-stop', label },",
      '.notice-warning .codicon-star-full,',
      "h('span', { class: 'codicon codicon-loading codicon-modifier-spin' }),",
      "import '@vscode/codicons/dist/codicon.css';",
      'icon.className = `codicon codicon-${name}`;',
    ].join('\n');
    const found = codiconReferences(sample);
    assert.deepEqual(
      found.names.map(({ name, line }) => `${line}:${name}`),
      ['1:rocket', '2:zap', '3:gear', '4:beaker-stop', '5:star-full', '6:loading'],
    );
    assert.deepEqual(
      found.untyped.map(({ line }) => line),
      [8],
    );
  });

  it('lists every codicon the webview names', () => {
    const missing: string[] = [];
    for (const [file, text] of sources) {
      for (const { name, line, text: lineText } of codiconReferences(text).names) {
        if (!listed.has(name)) missing.push(`${path.relative(webviewDir, file)}:${line}: "${name}" in ${lineText}`);
      }
    }
    assert.deepEqual(missing, [], `add these to src/webview/codiconNames.ts (or use a listed icon):\n${missing.join('\n')}`);
  });

  it('builds codicon classes only through codiconClass, whose argument the compiler checks', () => {
    const untyped = [...sources].flatMap(([file, text]) =>
      codiconReferences(text).untyped.map(({ line, text: lineText }) => `${path.relative(webviewDir, file)}:${line}: ${lineText}`),
    );
    assert.deepEqual(untyped, [], 'use codiconClass(name) with a CodiconName');
  });

  it('lists no codicon the webview has stopped using', () => {
    const everything = [...sources.values()].join('\n');
    const unused = [...listed].filter((name) => !everything.includes(`'${name}'`) && !everything.includes(`codicon-${name}`));
    assert.deepEqual(unused, [], 'remove these from src/webview/codiconNames.ts: each costs a glyph in the VSIX');
  });
});

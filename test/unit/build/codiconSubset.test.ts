// The codicon subset (scripts/build/codiconSubset.js): built the way esbuild.js builds the webview, the CSS has a rule
// for every icon of src/webview/codiconNames.ts and no other, and the font has a glyph for each of them and nothing
// else; same input, same bytes; a name the package does not have stops the build at its line; a watch rebuild follows
// the list.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import {
  buildCodiconSubset,
  codiconCodepoints,
  codiconsCssFile,
  codiconsFontFile,
  codiconSubsetPlugin,
  readCodiconNames,
} from '../../../scripts/build/codiconSubset';
import { readTrueType } from './readTrueType';

const packageCss = readFileSync(codiconsCssFile, 'utf8');
const packageFont = readFileSync(codiconsFontFile);
/** The package's other map of its icons (codepoint in decimal → names), to check the codepoints read from its CSS. */
const packageMapping = JSON.parse(
  readFileSync(path.join(path.dirname(codiconsCssFile), '..', 'src', 'template', 'mapping.json'), 'utf8'),
) as Record<string, string[]>;

/** Bundles a stylesheet that imports the package's CSS, as main.ts does, with the plugin; returns the CSS and font. */
async function bundle(plugin: esbuild.Plugin, minify = false): Promise<{ css: string; font: Uint8Array }> {
  const result = await esbuild.build({
    stdin: { contents: "@import '@vscode/codicons/dist/codicon.css';", loader: 'css', resolveDir: __dirname },
    bundle: true,
    write: false,
    outdir: path.join(tmpdir(), 'codicon-subset-test'),
    loader: { '.ttf': 'file' },
    assetNames: '[name]',
    minify,
    logLevel: 'silent',
    plugins: [plugin],
  });
  const byName = new Map(result.outputFiles.map((file) => [path.basename(file.path), file]));
  const css = byName.get('stdin.css');
  const font = byName.get('codicon.ttf');
  assert.ok(css && font, `expected stdin.css and codicon.ttf, got ${[...byName.keys()].join(', ')}`);
  return { css: css.text, font: font.contents };
}

/** The icons that have a `.codicon-<name>:before` rule in `css`, name → codepoint. */
function iconRules(css: string): Map<string, number> {
  return new Map(
    [...css.matchAll(/\.codicon-([a-z0-9-]+):before\s*\{\s*content:\s*"\\([0-9a-f]+)"\s*;?\s*\}/g)].map(([, name, hex]) => [
      name!,
      Number.parseInt(hex!, 16),
    ]),
  );
}

describe('codicon subset (scripts/build/codiconSubset.js)', () => {
  const names = readCodiconNames();
  let built: { css: string; font: Uint8Array };

  before(async () => {
    built = await bundle(codiconSubsetPlugin());
  });

  it('reads the names from src/webview/codiconNames.ts', () => {
    assert.ok(names.length >= 20, `only ${names.length} names`);
    for (const name of ['send', 'add', 'close', 'copy', 'file-media', 'play-circle']) assert.ok(names.includes(name), name);
  });

  it('gives every listed icon its rule, with the codepoint both of the package’s maps give, and no other icon one', () => {
    const rules = iconRules(built.css);
    assert.deepEqual([...rules.keys()].sort(), [...names].sort());
    for (const name of names) {
      const inMapping = Object.entries(packageMapping).find(([, aliases]) => aliases.includes(name));
      assert.ok(inMapping, `${name} is not in the package's mapping.json`);
      assert.equal(rules.get(name), Number(inMapping[0]), name);
      assert.equal(rules.get(name), codiconCodepoints(packageCss).get(name), name);
    }
    // Icons the view does not use, aliases of used ones among them (plus = add), are gone.
    for (const absent of ['plus', 'github', 'rocket', 'zap', 'gear'])
      assert.doesNotMatch(built.css, new RegExp(`\\.codicon-${absent}:before`));
    // The parts every icon needs stay: the font face, the base rule and the spinning modifier.
    assert.match(built.css, /@font-face\s*\{[^}]*font-family:\s*"codicon"/);
    assert.match(built.css, /\.codicon\[class\*='?codicon-'?\]\s*\{/);
    assert.match(built.css, /\.codicon-loading\.codicon-modifier-spin/);
  });

  it('subsets the font to a glyph for each listed icon and nothing else', () => {
    const font = readTrueType(built.font);
    const wanted = new Set(names.map((name) => codiconCodepoints(packageCss).get(name)!));
    assert.deepEqual([...font.cmap.keys()].sort(), [...wanted].sort());
    for (const code of wanted) {
      const glyph = font.cmap.get(code)!;
      assert.ok(glyph > 0 && font.glyphLength(glyph) > 0, `U+${code.toString(16)} has no outline`);
    }
    // .notdef and the icons' glyphs only.
    assert.equal(font.numGlyphs, wanted.size + 1);
    assert.ok(built.font.byteLength < 20 * 1024, `the subset is ${built.font.byteLength} bytes`);
    // The package's font has them all, so the reader is not merely finding nothing.
    const full = readTrueType(packageFont);
    assert.ok(full.cmap.size > 500, `the package's font maps ${full.cmap.size} codepoints`);
    for (const code of wanted) assert.ok(full.cmap.has(code));
  });

  it('names the font by its content in the URL, resolved to the emitted file', () => {
    const version = createHash('sha256').update(built.font).digest('hex').slice(0, 16);
    assert.match(built.css, new RegExp(`url\\("?\\./codicon\\.ttf\\?${version}"?\\)`));
  });

  it('builds the same bytes from the same input', async () => {
    const again = await bundle(codiconSubsetPlugin(), true);
    const third = await bundle(codiconSubsetPlugin(), true);
    assert.deepEqual(Buffer.from(again.font), Buffer.from(built.font));
    assert.equal(again.css, third.css);
    const direct = await buildCodiconSubset({ names, css: packageCss, font: packageFont });
    assert.deepEqual(direct.font, Buffer.from(built.font));
  });

  describe('with a list of its own', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'codicon-names-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const writeNames = (list: readonly string[]): string => {
      const file = path.join(dir, 'codiconNames.ts');
      writeFileSync(file, `export const codiconNames = [\n${list.map((n) => `  '${n}',\n`).join('')}] as const;\n`);
      return file;
    };

    it('stops the build at the line of a name the package does not have', async () => {
      const namesFile = writeNames(['add', 'no-such-icon']);
      await assert.rejects(bundle(codiconSubsetPlugin({ namesFile })), (error: esbuild.BuildFailure) => {
        const [first] = error.errors;
        assert.match(first?.text ?? '', /not a codicon in @vscode\/codicons: no-such-icon/);
        assert.equal(path.resolve(first?.location?.file ?? ''), namesFile);
        assert.equal(first?.location?.line, 3);
        return true;
      });
    });

    it('refuses a name listed twice', () => {
      assert.throws(() => readCodiconNames(writeNames(['add', 'send', 'add'])), /lists "add" twice/);
    });

    it('follows the list on a watch rebuild', async () => {
      const namesFile = writeNames(['add']);
      const context = await esbuild.context({
        stdin: { contents: "@import '@vscode/codicons/dist/codicon.css';", loader: 'css', resolveDir: __dirname },
        bundle: true,
        write: false,
        outdir: path.join(dir, 'out'),
        loader: { '.ttf': 'file' },
        assetNames: '[name]',
        logLevel: 'silent',
        plugins: [codiconSubsetPlugin({ namesFile })],
      });
      try {
        const fontOf = (result: esbuild.BuildResult<{ write: false }>): Uint8Array =>
          result.outputFiles.find((file) => file.path.endsWith('codicon.ttf'))!.contents;
        const first = await context.rebuild();
        assert.deepEqual([...readTrueType(fontOf(first)).cmap.keys()], [0xea60]);
        writeNames(['add', 'send']);
        const second = await context.rebuild();
        assert.deepEqual([...readTrueType(fontOf(second)).cmap.keys()].sort(), [0xea60, codiconCodepoints(packageCss).get('send')!].sort());
        assert.match(second.outputFiles.find((file) => file.path.endsWith('.css'))!.text, /\.codicon-send:before/);
      } finally {
        await context.dispose();
      }
    });
  });
});

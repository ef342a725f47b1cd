import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { editor } from './harness/rootHooks';

/** What may ship: the manifest and its translations, the bundles, media, and the docs vsce adds. */
const runtimeFile = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
  /^extension\/l10n\/bundle\.l10n\.[a-z-]+\.json$/,
  /^extension\/l10n\/webview\.[a-z-]+\.json$/,
  /^extension\/dist\/[\w-]+\.(js|css|ttf|wasm)$/,
  /^extension\/media\/[\w./-]+\.(css|svg|png)$/,
  /^extension\/(readme|changelog)\.md$/,
  /^extension\/LICENSE\.txt$/,
];

describe('the packaged VSIX', () => {
  it('contains only what runs, within the size budgets of docs/performance.md', () => {
    // The session installed exactly this package into the editor under test.
    const vsix = path.join(editor().dirs.root, 'build', 'switchboard.vsix');
    const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n');
    const unexpected = listing.filter((entry) => !runtimeFile.some((pattern) => pattern.test(entry)));
    assert.deepEqual(unexpected, [], `files that should not ship: ${unexpected.join(', ')}`);
    assert.ok(listing.includes('extension/dist/extension.js') && listing.includes('extension/dist/webview.js'));
    // The engine's HTTP parser, read by dist/engine.js from beside it (src/core/http/llhttpWasmFile.cjs).
    assert.ok(listing.includes('extension/dist/llhttp.wasm'), 'the HTTP parser of the engine is missing');
    assert.ok(listing.includes('extension/l10n/webview.ru.json'), "the chat view's Russian strings");

    const unpacked = path.join(editor().dirs.root, 'build', 'vsix', 'extension', 'dist');
    const kb = (file: string): number => statSync(file).size / 1024;
    const sizes = {
      vsix: kb(vsix),
      // Activation loads dist/extension.js and the zod both share with the engine (dist/zod.js).
      extension: kb(path.join(unpacked, 'extension.js')) + kb(path.join(unpacked, 'zod.js')),
      webview: kb(path.join(unpacked, 'webview.js')),
    };
    console.log(
      `      VSIX ${sizes.vsix.toFixed(1)} KB, extension.js + zod.js ${sizes.extension.toFixed(1)} KB, webview.js ${sizes.webview.toFixed(1)} KB`,
    );
    assert.ok(sizes.vsix <= 600, `VSIX is ${sizes.vsix.toFixed(1)} KB (budget 600 KB)`);
    assert.ok(sizes.extension <= 150, `the code loaded at activation is ${sizes.extension.toFixed(1)} KB (budget 150 KB)`);
    assert.ok(sizes.webview <= 300, `the webview bundle is ${sizes.webview.toFixed(1)} KB (budget 300 KB)`);
    const allJs = readdirSync(unpacked)
      .filter((file) => file.endsWith('.js'))
      .reduce((sum, file) => sum + kb(path.join(unpacked, file)), 0);
    console.log(`      all shipped JavaScript ${allJs.toFixed(1)} KB`);
    assert.ok(allJs <= 1200, `all shipped JavaScript is ${allJs.toFixed(1)} KB (budget 1,200 KB)`);
  });

  it('ships every image its README shows, linked relatively so the editor shows it from the package', () => {
    const unpacked = path.join(editor().dirs.root, 'build', 'vsix', 'extension');
    const readme = readFileSync(path.join(unpacked, 'readme.md'), 'utf8');
    const images = Array.from(readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g), (match) => match[1] ?? '');
    assert.ok(images.length > 0, 'the README shows no image');
    for (const image of images) {
      assert.doesNotMatch(image, /^[a-z]+:/i, `${image} is not a relative link into the package`);
      assert.ok(statSync(path.join(unpacked, image)).isFile(), `${image} is not in the package`);
    }
  });

  it('carries the icon, the gallery banner and the links the marketplace page shows, from the manifest', () => {
    const vsix = path.join(editor().dirs.root, 'build', 'switchboard.vsix');
    const vsixManifest = execFileSync('unzip', ['-p', vsix, 'extension.vsixmanifest'], { encoding: 'utf8' });
    const manifest = JSON.parse(readFileSync(path.join(editor().dirs.root, 'build', 'vsix', 'extension', 'package.json'), 'utf8')) as {
      version: string;
      icon: string;
      galleryBanner: { color: string; theme: string };
      bugs: { url: string };
    };
    const property = (id: string): string | undefined =>
      new RegExp(`<Property Id="Microsoft\\.VisualStudio\\.Services\\.${id.replace(/\./g, '\\.')}" Value="([^"]*)"`).exec(
        vsixManifest,
      )?.[1];
    assert.match(vsixManifest, new RegExp(`<Identity [^>]*Version="${manifest.version.replace(/\./g, '\\.')}"`));
    assert.match(vsixManifest, new RegExp(`<Icon>extension/${manifest.icon}</Icon>`));
    assert.equal(property('Branding.Color'), manifest.galleryBanner.color);
    assert.equal(property('Branding.Theme'), manifest.galleryBanner.theme);
    assert.equal(property('Links.Support'), manifest.bugs.url);
    assert.ok(property('Links.Repository'), 'the repository link');
  });
});

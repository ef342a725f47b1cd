// The package as the two marketplaces take it: `vsce ls` (which validates the manifest as `vsce package` does,
// offline) lists only what runs, and the manifest carries what Open VSX requires. ovsx has no offline check to
// call (its `publish` packages and uploads in one step), so the Open VSX rules are written out here from its wiki
// page "Publishing Extensions" (a license, a publisher that is the namespace) and the registry's ExtensionValidator
// (name pattern, version characters, URL fields with a host, gallery banner theme and colour length, field sizes).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
const read = (file: string): string => readFileSync(path.join(repoRoot, file), 'utf8');

interface Manifest {
  name: string;
  publisher: string;
  version: string;
  displayName: string;
  description: string;
  license: string;
  icon: string;
  galleryBanner: { color: string; theme: string };
  repository: { url: string };
  bugs: { url: string };
  homepage: string;
  engines: { vscode?: string };
  categories: string[];
  keywords: string[];
  activationEvents: string[];
}

const manifest = JSON.parse(read('package.json')) as Manifest;
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
/** A manifest string as the marketplace shows it: `%key%` resolved from package.nls.json. */
const shown = (value: string): string => value.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? value);

/** What may ship, as `vsce ls` names it (the packaging e2e test checks the same in the built VSIX). */
const runtimeFile = [
  /^package\.json$/,
  /^package\.nls(\.[a-z-]+)?\.json$/,
  /^l10n\/bundle\.l10n\.[a-z-]+\.json$/,
  /^l10n\/webview\.[a-z-]+\.json$/,
  /^dist\/[\w-]+\.(js|css|ttf|wasm)$/,
  /^media\/[\w./-]+\.(svg|png)$/,
  /^(README|CHANGELOG)\.md$/,
  /^LICENSE$/,
];

function readmeImages(): string[] {
  return Array.from(read('README.md').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g), (match) => match[1] ?? '');
}

describe('the package for the VS Code Marketplace and Open VSX', () => {
  it('vsce lists only what runs, with the icon and every image the README shows, and no sources', function () {
    this.timeout(60_000);
    // vsce reads the files and validates the manifest without any network request; --no-dependencies because the
    // bundles in dist/ carry the dependencies.
    const listing = execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], {
      cwd: repoRoot,
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .map((line) => line.trim());
    const unexpected = listing.filter((file) => !runtimeFile.some((pattern) => pattern.test(file)));
    assert.deepEqual(unexpected, [], `files that should not ship: ${unexpected.join(', ')}`);
    // The chat view's Russian strings are read from the package when the view opens (src/core/webviewDocument.ts).
    for (const file of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'l10n/webview.ru.json', manifest.icon, ...readmeImages()]) {
      assert.ok(listing.includes(file), `${file} is not in the package`);
    }
    assert.ok(!listing.includes('media/icon.svg'), 'the icon source drawing ships, though only the PNG is used');
    assert.ok(!listing.includes('l10n/bundle.l10n.json'), 'the English l10n export ships, though VS Code never reads it');
  });

  it('has the fields Open VSX requires, in the forms its registry accepts', () => {
    const namePattern = /^[\w\-+$~]+$/;
    assert.match(manifest.name, namePattern);
    assert.match(manifest.publisher, namePattern, 'the publisher is the Open VSX namespace');
    assert.match(manifest.version, /^\d+\.\d+\.\d+(-[\w.]+)?$/);
    assert.ok(manifest.license.length > 0 && existsSync(path.join(repoRoot, 'LICENSE')), 'a license and its LICENSE file');
    assert.ok(manifest.engines.vscode, 'engines.vscode');
    for (const [field, url] of [
      ['repository', manifest.repository.url],
      ['bugs', manifest.bugs.url],
      ['homepage', manifest.homepage],
    ] as const) {
      assert.ok(new URL(url.replace(/^git\+/, '')).host.length > 0, `${field} is a URL with a host`);
      assert.ok(url.length <= 255, `${field} is at most 255 characters`);
    }
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme), 'galleryBanner.theme is dark or light');
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    const displayName = shown(manifest.displayName);
    const description = shown(manifest.description);
    assert.ok(displayName.length > 0 && displayName.length <= 255 && !displayName.startsWith('%'), 'displayName resolves');
    assert.ok(description.length > 0 && description.length <= 2048 && !description.startsWith('%'), 'description resolves');
    for (const text of [displayName, description, ...manifest.categories, ...manifest.keywords]) {
      assert.doesNotMatch(text, /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}]/u, `${text} has a character the registry refuses`);
    }
    assert.ok(manifest.categories.length > 0 && manifest.keywords.length > 0);
    assert.ok(!manifest.activationEvents.includes('*'), 'no `*` activation: Switchboard starts after the editor');
    assert.ok(existsSync(path.join(repoRoot, 'README.md')), 'the README is the marketplace page');
  });

  it('has a 128×128 PNG icon of a few KB, which both marketplaces show (an SVG icon is refused)', () => {
    const icon = readFileSync(path.join(repoRoot, manifest.icon));
    assert.deepEqual([...icon.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
    assert.equal(icon.toString('latin1', 12, 16), 'IHDR');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    assert.ok(icon.length <= 16 * 1024, `the icon is ${icon.length} bytes; the VSIX budget of docs/performance.md is tight`);
  });

  it('has a CHANGELOG section for the version in package.json, below Unreleased, and a lock file of that version', () => {
    const headings = Array.from(read('CHANGELOG.md').matchAll(/^## (.+)$/gm), (match) => match[1] ?? '');
    assert.equal(headings[0], 'Unreleased');
    assert.ok(
      headings.some((heading) => heading.startsWith(`${manifest.version} `)),
      `no section for ${manifest.version}: ${headings.join(', ')}`,
    );
    const lock = JSON.parse(read('package-lock.json')) as { version: string; packages: Record<string, { version?: string }> };
    assert.equal(lock.version, manifest.version);
    assert.equal(lock.packages['']?.version, manifest.version);
  });
});

// Every user-facing string ships in English and Russian (docs/chat.md): the manifest's %keys%, and the
// vscode.l10n.t() strings of the extension (exported into l10n/bundle.l10n.json by `npm run l10n`).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;
const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();

describe('localization', () => {
  it('translates every %key% of package.json into English and Russian', () => {
    const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
    const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1] ?? ''));
    const en = readJson('package.nls.json');
    const ru = readJson('package.nls.ru.json');
    assert.deepEqual(
      [...used].filter((key) => !(key in en)),
      [],
      'missing in package.nls.json',
    );
    assert.deepEqual(Object.keys(en).sort(), Object.keys(ru).sort(), 'package.nls.ru.json has other keys');
    assert.deepEqual(
      Object.keys(en).filter((key) => !used.has(key)),
      [],
      'unused keys in package.nls.json',
    );
  });

  it('has a Russian translation for every string the extension shows, with the same placeholders', function () {
    this.timeout(60_000);
    // Export the strings from the sources now, so a string added without `npm run l10n` is caught too.
    const out = mkdtempSync(path.join(tmpdir(), 'l10n-'));
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js'), 'export', '--outDir', out, path.join(root, 'src')],
      { stdio: 'ignore' },
    );
    const exported = JSON.parse(readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const ru = readJson('l10n/bundle.l10n.ru.json');
    assert.deepEqual(
      Object.keys(exported).filter((key) => !(key in ru)),
      [],
      'strings without a Russian translation (run npm run l10n, then translate)',
    );
    for (const [key, value] of Object.entries(ru))
      assert.deepEqual(placeholders(value), placeholders(key), `placeholders differ in: ${key}`);
  });
});

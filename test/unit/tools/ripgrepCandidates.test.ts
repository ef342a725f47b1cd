// Where search_text looks for the editor's ripgrep under `vscode.env.appRoot`: VS Code desktop's node_modules (plain
// or asar-unpacked) and code-server's per-platform `@vscode/ripgrep-universal`, `.exe` on Windows, never PATH. The
// real-editor suite (test/e2e/host/toolExecutors.host.ts) finds it in code-server itself.
import * as assert from 'node:assert/strict';
import { findRipgrep, ripgrepCandidates } from '../../../src/core/tools/ripgrepCandidates';

describe('ripgrep candidates', () => {
  it('are VS Code’s own ripgrep, then the asar-unpacked one, then code-server’s per-platform binary', () => {
    assert.deepEqual(ripgrepCandidates('/usr/share/code/resources/app', 'linux', 'x64'), [
      '/usr/share/code/resources/app/node_modules/@vscode/ripgrep/bin/rg',
      '/usr/share/code/resources/app/node_modules.asar.unpacked/@vscode/ripgrep/bin/rg',
      '/usr/share/code/resources/app/node_modules/@vscode/ripgrep-universal/bin/linux-x64/rg',
    ]);
  });

  it('use Windows paths and rg.exe on Windows, whatever machine asks', () => {
    assert.deepEqual(ripgrepCandidates('C:\\Program Files\\Microsoft VS Code\\resources\\app', 'win32', 'arm64'), [
      'C:\\Program Files\\Microsoft VS Code\\resources\\app\\node_modules\\@vscode\\ripgrep\\bin\\rg.exe',
      'C:\\Program Files\\Microsoft VS Code\\resources\\app\\node_modules.asar.unpacked\\@vscode\\ripgrep\\bin\\rg.exe',
      'C:\\Program Files\\Microsoft VS Code\\resources\\app\\node_modules\\@vscode\\ripgrep-universal\\bin\\win32-arm64\\rg.exe',
    ]);
  });

  it('the first one that is there is chosen, and only those are ever asked about', () => {
    const appRoot = '/opt/code-server/lib/vscode';
    const asked: string[] = [];
    const there = new Set([`${appRoot}/node_modules/@vscode/ripgrep-universal/bin/darwin-arm64/rg`]);
    const found = findRipgrep(appRoot, 'darwin', 'arm64', (candidate) => {
      asked.push(candidate);
      return there.has(candidate);
    });
    assert.equal(found, `${appRoot}/node_modules/@vscode/ripgrep-universal/bin/darwin-arm64/rg`);
    assert.deepEqual(asked, ripgrepCandidates(appRoot, 'darwin', 'arm64'));

    there.add(`${appRoot}/node_modules.asar.unpacked/@vscode/ripgrep/bin/rg`);
    assert.equal(
      findRipgrep(appRoot, 'darwin', 'arm64', (candidate) => there.has(candidate)),
      `${appRoot}/node_modules.asar.unpacked/@vscode/ripgrep/bin/rg`,
    );
  });

  it('finds nothing when no candidate is there, or when the editor names no install folder (no PATH lookup)', () => {
    const asked: string[] = [];
    assert.equal(
      findRipgrep('/somewhere', 'linux', 'x64', (candidate) => {
        asked.push(candidate);
        return false;
      }),
      undefined,
    );
    assert.equal(asked.length, 3);
    assert.ok(
      asked.every((candidate) => candidate.startsWith('/somewhere/')),
      'only paths under the editor are asked about',
    );
    assert.equal(
      findRipgrep('', 'linux', 'x64', () => true),
      undefined,
    );
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

/**
 * Packages the VSIX exactly as users get it (vsce runs `vscode:prepublish`, the production build) and unpacks
 * it; returns the unpacked extension folder, ready to copy into an extensions directory.
 */
export function packageAndUnpackVsix(intoDir: string): string {
  mkdirSync(intoDir, { recursive: true });
  const vsix = path.join(intoDir, 'switchboard.vsix');
  execFileSync(
    process.execPath,
    // The same flags as `npm run package`: README images stay relative links into the package, which the editor's
    // extension page shows from the installed files (the repository URL is not a public host vsce knows).
    [
      path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'),
      'package',
      '--no-dependencies',
      '--no-rewrite-relative-links',
      '--out',
      vsix,
    ],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 180_000,
    },
  );
  const unpacked = path.join(intoDir, 'vsix');
  rmSync(unpacked, { recursive: true, force: true });
  execFileSync('unzip', ['-q', '-o', vsix, '-d', unpacked], { timeout: 60_000 });
  return path.join(unpacked, 'extension');
}

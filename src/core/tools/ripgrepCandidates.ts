// Where the ripgrep VS Code ships lies inside its installation (`vscode.env.appRoot`, the folder of the editor's own
// code), for search_text (issue 17, docs/chat.md "Tools"). Only the editor's own binary is ever run: there is no
// lookup on PATH, where a workspace or a user could have put any program named `rg`.
//
// The places, in order:
// - `node_modules/@vscode/ripgrep/bin/rg`: VS Code desktop (its node_modules are no longer packed into an asar);
// - `node_modules.asar.unpacked/@vscode/ripgrep/bin/rg`: VS Code desktop with its node_modules in an asar archive;
// - `node_modules/@vscode/ripgrep-universal/bin/<platform>-<arch>/rg`: code-server, which ships one binary per
//   platform (its package's `binPathFor({ os, arch })` builds the same path).
// `.exe` on Windows. Pure, so that the choice is tested without an editor; the extension checks the files
// (src/vscode/tools/ripgrepPath.ts).
import * as path from 'node:path';

/** The paths where VS Code (or code-server) installed at `appRoot` keeps ripgrep, in the order they are tried. */
export function ripgrepCandidates(appRoot: string, platform: NodeJS.Platform, arch: string): string[] {
  const name = platform === 'win32' ? 'rg.exe' : 'rg';
  // The platform's own path rules, whatever machine runs this (the tests check Windows paths on Linux).
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return [
    join(appRoot, 'node_modules', '@vscode', 'ripgrep', 'bin', name),
    join(appRoot, 'node_modules.asar.unpacked', '@vscode', 'ripgrep', 'bin', name),
    join(appRoot, 'node_modules', '@vscode', 'ripgrep-universal', 'bin', `${platform}-${arch}`, name),
  ];
}

/** The first candidate that `isFile` says is there, or undefined (search_text then runs its plain search). */
export function findRipgrep(
  appRoot: string,
  platform: NodeJS.Platform,
  arch: string,
  isFile: (candidate: string) => boolean,
): string | undefined {
  if (appRoot.trim() === '') return undefined;
  return ripgrepCandidates(appRoot, platform, arch).find((candidate) => isFile(candidate));
}

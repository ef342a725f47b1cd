// The ripgrep of the editor that runs Switchboard, for search_text (docs/chat.md "Tools"): looked for once under
// `vscode.env.appRoot` (the places are src/core/tools/ripgrepCandidates.ts). Never looked up on PATH: only the
// editor's own binary is run, never a program that a workspace or a user put there under the same name.
import { statSync } from 'node:fs';
import * as vscode from 'vscode';
import type { EngineModule } from '../engine/providerEngineHost';

let found: { appRoot: string; path: string | undefined } | undefined;

/** The editor's ripgrep, or undefined when it has none where VS Code and code-server keep it. */
export function editorRipgrepPath(engine: Pick<EngineModule, 'findRipgrep'>): string | undefined {
  const appRoot = vscode.env.appRoot;
  if (found?.appRoot !== appRoot) {
    found = { appRoot, path: engine.findRipgrep(appRoot, process.platform, process.arch, isFile) };
  }
  return found.path;
}

function isFile(candidate: string): boolean {
  try {
    return statSync(candidate).isFile();
  } catch {
    return false;
  }
}

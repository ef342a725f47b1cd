// The exclude glob for workspace file searches: what `files.exclude` and `search.exclude` hide. findFiles applies
// `files.exclude` itself only when given no exclude of its own, and never `search.exclude`; passing one replaces
// the first, so both are folded into one `{a,b,…}` glob here (VS Code's glob syntax has no nested groups, so
// patterns with their own `{…}` are expanded first).
import * as vscode from 'vscode';

/** The combined exclude glob of `folder` (the settings are resource-scoped), or undefined when nothing is excluded. */
export function searchExcludeGlob(folder?: vscode.WorkspaceFolder): string | undefined {
  const patterns = new Set<string>();
  for (const section of ['files', 'search'] as const) {
    const value = vscode.workspace.getConfiguration(section, folder?.uri).get<Record<string, unknown>>('exclude');
    if (!value || typeof value !== 'object') continue;
    // `true` entries only: a `{ when: … }` entry hides a file only next to a sibling, which one glob cannot say.
    for (const [pattern, on] of Object.entries(value)) if (on === true) for (const each of expandBraces(pattern)) patterns.add(each);
  }
  const list = [...patterns].filter((pattern) => pattern !== '' && !pattern.includes(','));
  if (list.length === 0) return undefined;
  return list.length === 1 ? list[0] : `{${list.join(',')}}`;
}

/** `**\/*.{js,map}` → `**\/*.js`, `**\/*.map` (groups without nesting; at most 64 results). */
export function expandBraces(pattern: string): string[] {
  const match = /\{([^{}]*)\}/.exec(pattern);
  if (!match) return [pattern];
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + match[0].length);
  const out: string[] = [];
  for (const choice of (match[1] ?? '').split(',')) {
    for (const expanded of expandBraces(before + choice + after)) {
      out.push(expanded);
      if (out.length >= 64) return out;
    }
  }
  return out;
}

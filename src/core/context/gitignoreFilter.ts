// .gitignore rules for the workspace context (docs/chat.md, "Workspace context"): what git would not track is left out
// of the `@` picker and of folder listings, as the issue asks. The rules follow gitignore(5) through the `ignore`
// package: each .gitignore applies to the folder it is in and below; a deeper file's rule (a `!negation` included)
// wins over a shallower one's; and a path under an ignored folder is ignored whatever a deeper rule says, because git
// never looks inside an ignored folder (so a .gitignore inside one is not read either). The root's
// `.git/info/exclude` counts as the root's rules too.
import ignore, { type Ignore } from 'ignore';

export interface GitignoreFilter {
  /** Whether git would ignore the workspace-relative POSIX path (a folder when `isDirectory`). */
  ignores(relativePath: string, isDirectory: boolean): boolean;
}

interface Scope {
  /** The folder the .gitignore is in, workspace-relative, '' for the root. */
  folder: string;
  rules: Ignore;
}

/**
 * Rules from the .gitignore files among `files` (relative posix paths; nested .gitignore applies under its folder) plus
 * the root one. `readText` gives a file's text, or undefined when it cannot; it may reject, which counts as no rules.
 */
export async function createGitignoreFilter(
  files: readonly string[],
  readText: (relativePath: string) => Promise<string | undefined>,
): Promise<GitignoreFilter> {
  const byDepth = new Map<number, Set<string>>();
  const addFolder = (folder: string): void => {
    const depth = folder === '' ? 0 : folder.split('/').length;
    let folders = byDepth.get(depth);
    if (folders === undefined) byDepth.set(depth, (folders = new Set()));
    folders.add(folder);
  };
  addFolder('');
  for (const file of files) {
    const path = normalize(file);
    if (path === '.gitignore') continue;
    if (path.endsWith('/.gitignore')) addFolder(path.slice(0, -'/.gitignore'.length));
  }

  const scopes: Scope[] = [];
  const filter = new ScopedFilter(scopes);
  // Shallow folders first, so that a .gitignore inside a folder an outer one ignores is never read.
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    const folders = [...(byDepth.get(depth) ?? [])].filter((folder) => folder === '' || !filter.ignores(folder, true)).sort();
    const texts = await Promise.all(
      folders.map(async (folder) => {
        const own = await readQuietly(readText, folder === '' ? '.gitignore' : `${folder}/.gitignore`);
        return folder === '' ? [await readQuietly(readText, '.git/info/exclude'), own] : [own];
      }),
    );
    folders.forEach((folder, index) => {
      const text = (texts[index] ?? []).filter((part): part is string => part !== undefined).join('\n');
      if (text.trim() !== '') scopes.push({ folder, rules: ignore().add(text) });
    });
    filter.changed();
  }
  return filter;
}

class ScopedFilter implements GitignoreFilter {
  private readonly folders = new Map<string, boolean>();

  constructor(private readonly scopes: Scope[]) {}

  /** Forgets cached answers (more scopes were added). */
  changed(): void {
    this.folders.clear();
    // Deepest scope first: its rules win.
    this.scopes.sort((a, b) => depthOf(b.folder) - depthOf(a.folder));
  }

  ignores(relativePath: string, isDirectory: boolean): boolean {
    if (this.scopes.length === 0) return false;
    const path = normalize(relativePath);
    if (path === '') return false;
    const segments = path.split('/');
    let prefix = '';
    for (let index = 0; index < segments.length - 1; index++) {
      prefix = prefix === '' ? (segments[index] ?? '') : `${prefix}/${segments[index] ?? ''}`;
      if (this.folderIgnored(prefix)) return true;
    }
    return isDirectory ? this.folderIgnored(path) : this.decide(path, false);
  }

  private folderIgnored(folder: string): boolean {
    let known = this.folders.get(folder);
    if (known === undefined) {
      known = this.decide(folder, true);
      this.folders.set(folder, known);
    }
    return known;
  }

  /** The deepest scope with a rule about `path` decides; none: not ignored. */
  private decide(path: string, isDirectory: boolean): boolean {
    for (const scope of this.scopes) {
      if (scope.folder !== '' && !path.startsWith(`${scope.folder}/`)) continue;
      const inner = scope.folder === '' ? path : path.slice(scope.folder.length + 1);
      try {
        const result = scope.rules.test(isDirectory ? `${inner}/` : inner);
        if (result.ignored) return true;
        if (result.unignored) return false;
      } catch {
        // `ignore` refuses paths it cannot judge (absolute, `..`): not ignored by this scope.
      }
    }
    return false;
  }
}

async function readQuietly(readText: (relativePath: string) => Promise<string | undefined>, path: string): Promise<string | undefined> {
  try {
    const text = await readText(path);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

function depthOf(folder: string): number {
  return folder === '' ? 0 : folder.split('/').length;
}

function normalize(relativePath: string): string {
  return relativePath
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/^\/+|\/+$/g, '');
}

// `switchboard.context.exclude`: files that are never read into a chat, whatever the user points at (docs/chat.md,
// "Workspace context"; docs/security.md). The patterns are globs (picomatch) over workspace-relative POSIX paths and
// read like .gitignore lines: a pattern without a `/` matches a file or folder name at any depth (`*.pem`), one with a
// `/` matches the whole path (`config/secrets/**`, a leading `/` only anchors it). A matching folder excludes
// everything under it. Matching ignores case, because on Windows and macOS `.ENV` is the same file as `.env`.
import picomatch from 'picomatch';

export { defaultContextExclude } from './defaultContextExclude';

export interface ContextExclusion {
  /** Whether the workspace-relative POSIX path, or a folder it is in, matches one of the patterns. */
  isExcluded(relativePath: string): boolean;
  /** Patterns that are not globs picomatch can compile (left out; the caller may say so). */
  readonly invalidPatterns: readonly string[];
}

type Matcher = (text: string) => boolean;

const never: Matcher = () => false;

export function createContextExclusion(patterns: readonly string[]): ContextExclusion {
  const namePatterns: string[] = [];
  const pathPatterns: string[] = [];
  const invalidPatterns: string[] = [];
  for (const raw of patterns) {
    if (typeof raw !== 'string') continue;
    let pattern = raw.trim();
    if (pattern.startsWith('./')) pattern = pattern.slice(2);
    const anchored = pattern.startsWith('/');
    pattern = pattern.replace(/^\/+/, '').replace(/\/+$/, '');
    if (pattern === '') continue;
    if (compile([pattern]) === undefined) {
      invalidPatterns.push(raw);
      continue;
    }
    (anchored || pattern.includes('/') ? pathPatterns : namePatterns).push(pattern);
  }
  const matchesName = compile(namePatterns) ?? never;
  const matchesPath = compile(pathPatterns) ?? never;
  return {
    invalidPatterns,
    isExcluded(relativePath) {
      const segments = normalize(relativePath)
        .split('/')
        .filter((segment) => segment !== '' && segment !== '.');
      let prefix = '';
      for (const segment of segments) {
        prefix = prefix === '' ? segment : `${prefix}/${segment}`;
        if (matchesName(segment) || matchesPath(prefix)) return true;
      }
      return false;
    },
  };
}

function compile(patterns: readonly string[]): Matcher | undefined {
  if (patterns.length === 0) return never;
  try {
    return picomatch([...patterns], { dot: true, nocase: true });
  } catch {
    return undefined;
  }
}

function normalize(relativePath: string): string {
  return relativePath.replace(/\\/g, '/');
}

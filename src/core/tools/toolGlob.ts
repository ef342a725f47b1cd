// The `glob` argument of list_files and search_text, matched the way ripgrep's `--iglob` matches it (ripgrepArgs.ts),
// so the plain search and ripgrep pick the same files: a glob without a slash matches a file's name at any depth
// (`*.ts`), one with a slash the path from the workspace folder (`src/**/*.ts`); case is ignored, dot files count.
import picomatch from 'picomatch';

export type GlobMatcher = (relativePath: string) => boolean;

/** The matcher of `glob`, or the reason it is not a glob. */
export function compileToolGlob(glob: string): { ok: true; matches: GlobMatcher } | { ok: false; error: string } {
  const pattern = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
  if (pattern === '') return { ok: false, error: 'the glob is empty' };
  try {
    const matcher = picomatch(pattern, { dot: true, nocase: true, basename: !pattern.includes('/') });
    return { ok: true, matches: (relativePath) => matcher(relativePath) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

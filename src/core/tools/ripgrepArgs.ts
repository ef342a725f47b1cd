// The command line of search_text's ripgrep run (issue 17): the ripgrep VS Code ships (found by the extension through
// `vscode.env.appRoot`), started without a shell (`child_process.spawn(rg, args, { cwd: folder.path })`) once per
// workspace folder, its `--json` output read by ripgrepJson.ts. It searches `.` from the folder, so a glob with a
// slash (`src/**/*.ts`) is matched from the folder as the plain search matches it (from an absolute search path
// ripgrep would match it against the absolute path, and never find anything); `.` is given rather than nothing, since
// without a path ripgrep reads a piped stdin. Everything the model gave goes after a flag's `=` or after `--`, so no
// query or glob can become an option. ripgrep is asked to search as the plain fallback does (searchWorkspaceText.ts): .gitignore respected even
// outside a git repository, hidden files searched but never `.git`, links not followed, files over the size limit
// skipped, smart case decided here (searchResults.isCaseSensitive) so both agree exactly. The exclusion globs only
// spare ripgrep the reading; ripgrepJson.ts checks every path it reports against the exclusion itself.
import { isCaseSensitive } from './searchResults';
import type { SearchTextInput } from './searchTextTool';
import type { ToolLimits } from './toolLimits';

export interface RipgrepArgsOptions {
  /** `switchboard.context.exclude` as written (the patterns ContextExclusion was made from). */
  excludePatterns: readonly string[];
  limits: Pick<ToolLimits, 'maxFileBytes'>;
}

/** The arguments (not including the executable), ending in `--`, the query and `.`: run them in each workspace folder. */
export function ripgrepArgs(input: SearchTextInput, options: RipgrepArgsOptions): string[] {
  const args = [
    '--json',
    // The user's ripgrep configuration file must not change what is searched or how it is printed.
    '--no-config',
    '--hidden',
    '--no-follow',
    '--no-require-git',
    '--no-messages',
    isCaseSensitive(input) ? '--case-sensitive' : '--ignore-case',
    `--max-filesize=${Math.max(0, Math.floor(options.limits.maxFileBytes))}`,
  ];
  if (input.isRegex !== true) args.push('--fixed-strings');
  // The model's glob first: a later glob wins in ripgrep, so the exclusions below override it.
  if (input.glob !== undefined) args.push(`--iglob=${input.glob}`);
  args.push('--iglob=!.git');
  for (const raw of options.excludePatterns) {
    const pattern = raw.trim().replace(/^\.\//, '');
    // A `!` pattern would turn the exclusion into an inclusion; such a pattern excludes nothing here (it never did).
    if (pattern === '' || pattern.startsWith('!')) continue;
    args.push(`--iglob=!${pattern}`);
  }
  args.push('--', input.query, '.');
  return args;
}

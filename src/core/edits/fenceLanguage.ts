// Whether a code fence's info string names a VS Code language: models tag blocks with the names people write
// (`ts`, `py`, `c++`, `tsx`), not with VS Code's ids (`typescript`, `python`, `cpp`, `typescriptreact`).

/** VS Code language id → the other tags that mean it. */
const aliases: Readonly<Record<string, readonly string[]>> = {
  typescript: ['ts', 'mts', 'cts'],
  typescriptreact: ['tsx', 'typescript', 'ts'],
  javascript: ['js', 'mjs', 'cjs', 'node'],
  javascriptreact: ['jsx', 'javascript', 'js'],
  python: ['py', 'python3', 'py3'],
  csharp: ['cs', 'c#'],
  fsharp: ['fs', 'f#'],
  cpp: ['c++', 'cc', 'cxx', 'hpp', 'h++'],
  c: ['h'],
  'objective-c': ['objc', 'objectivec'],
  'objective-cpp': ['objcpp', 'objc++', 'objectivecpp'],
  shellscript: ['sh', 'bash', 'shell', 'zsh', 'ksh'],
  powershell: ['ps1', 'pwsh', 'ps'],
  rust: ['rs'],
  ruby: ['rb'],
  go: ['golang'],
  kotlin: ['kt', 'kts'],
  markdown: ['md'],
  yaml: ['yml'],
  dockerfile: ['docker'],
  perl: ['pl'],
  haskell: ['hs'],
  elixir: ['ex', 'exs'],
  makefile: ['make', 'mk'],
  vb: ['vbnet', 'vb.net'],
  html: ['htm', 'xhtml'],
  jsonc: ['json', 'json5'],
};

/** The language tag of an info string: its first word, e.g. `ts` in "ts title=app.ts" or "{.ts}", lower-cased. */
export function fenceTag(info: string): string {
  const word =
    info
      .trim()
      .split(/[\s,:{}]+/)
      .find((part) => part !== '') ?? '';
  return word
    .replace(/^\./, '')
    .replace(/^language-/, '')
    .toLowerCase();
}

export function fenceMatchesLanguage(info: string, languageId: string): boolean {
  const tag = fenceTag(info);
  if (tag === '') return false;
  const id = languageId.toLowerCase();
  return tag === id || (aliases[id]?.includes(tag) ?? false);
}

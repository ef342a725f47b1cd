// Which family of declaration syntax a language's code uses, so one set of patterns serves the languages that write
// definitions alike (docs/chat.md, "Applying code"). Ids are VS Code's ("Known language identifiers" in the VS Code
// documentation); the tags models put on code fences (`ts`, `py`, `c++`) are mapped to them first.

export type SyntaxFamily = 'js' | 'python' | 'go' | 'rust' | 'jvm' | 'c' | 'ruby' | 'php' | 'css' | 'json' | 'unknown';

/** Fence tags and other spellings → VS Code language id. */
const aliases: Readonly<Record<string, string>> = {
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescriptreact',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  node: 'javascript',
  jsx: 'javascriptreact',
  py: 'python',
  py3: 'python',
  python3: 'python',
  golang: 'go',
  rs: 'rust',
  kt: 'kotlin',
  kts: 'kotlin',
  cs: 'csharp',
  'c#': 'csharp',
  'c++': 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  h: 'c',
  objc: 'objective-c',
  rb: 'ruby',
  sh: 'shellscript',
  bash: 'shellscript',
  shell: 'shellscript',
  zsh: 'shellscript',
  ps1: 'powershell',
  pwsh: 'powershell',
  yml: 'yaml',
  md: 'markdown',
  htm: 'html',
  json5: 'json5',
  patch: 'diff',
};

const families: Readonly<Record<string, SyntaxFamily>> = {
  javascript: 'js',
  typescript: 'js',
  javascriptreact: 'js',
  typescriptreact: 'js',
  python: 'python',
  go: 'go',
  rust: 'rust',
  java: 'jvm',
  kotlin: 'jvm',
  csharp: 'jvm',
  scala: 'jvm',
  groovy: 'jvm',
  dart: 'jvm',
  swift: 'jvm',
  c: 'c',
  cpp: 'c',
  'objective-c': 'c',
  'objective-cpp': 'c',
  'cuda-cpp': 'c',
  ruby: 'ruby',
  php: 'php',
  css: 'css',
  scss: 'css',
  less: 'css',
  json: 'json',
  jsonc: 'json',
  json5: 'json',
};

/** The VS Code language id a fence tag or id names, lower-cased (unknown tags come back as they are). */
export function canonicalLanguage(language: string): string {
  const id = language.trim().toLowerCase();
  return aliases[id] ?? id;
}

export function syntaxFamily(language: string | undefined): SyntaxFamily {
  if (language === undefined) return 'unknown';
  return families[canonicalLanguage(language)] ?? 'unknown';
}

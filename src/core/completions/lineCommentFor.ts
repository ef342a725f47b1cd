// The line comment of a VS Code language id, for putting other files' snippets into a fill-in-the-middle prompt as
// comments (fimPrompt.ts): a code model reads them as context without taking them for code to continue. Languages
// with block comments only (HTML, CSS, Markdown) get none, and their completions go without snippets.
const marks: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      'c',
      'cpp',
      'csharp',
      'cuda-cpp',
      'dart',
      'fsharp',
      'go',
      'groovy',
      'java',
      'javascript',
      'javascriptreact',
      'jsonc',
      'kotlin',
      'less',
      'objective-c',
      'objective-cpp',
      'php',
      'proto',
      'rust',
      'scala',
      'scss',
      'solidity',
      'swift',
      'typescript',
      'typescriptreact',
      'zig',
    ].map((id) => [id, '//']),
  ),
  ...Object.fromEntries(
    [
      'cmake',
      'coffeescript',
      'dockerfile',
      'elixir',
      'graphql',
      'julia',
      'makefile',
      'nim',
      'perl',
      'powershell',
      'python',
      'r',
      'ruby',
      'shellscript',
      'terraform',
      'toml',
      'yaml',
    ].map((id) => [id, '#']),
  ),
  ...Object.fromEntries(['ada', 'elm', 'haskell', 'lua', 'sql'].map((id) => [id, '--'])),
  ...Object.fromEntries(['clojure', 'ini', 'lisp', 'scheme'].map((id) => [id, ';'])),
  ...Object.fromEntries(['erlang', 'latex', 'matlab', 'tex'].map((id) => [id, '%'])),
  vb: "'",
};

/** `//`, `#`, `--`, … for `languageId`; undefined when the language has no line comment Switchboard knows. */
export function lineCommentFor(languageId: string): string | undefined {
  return Object.hasOwn(marks, languageId) ? marks[languageId] : undefined;
}

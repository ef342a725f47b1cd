// Whether a code block is clearly in another language than the file it would be applied to (docs/chat.md,
// "Applying code"): then it is refused rather than matched, since a Python block never belongs in a TypeScript file.
// "Clearly" means both languages are known and not of one kind: TypeScript and JavaScript are one kind (a `ts`
// block in a `.js` file is a near miss, not a mistake), as are C and C++, or CSS and SCSS; a file that embeds other
// languages (HTML, Vue, Svelte, Markdown, PHP) accepts any block; an unknown tag (`text`, `example`) decides nothing.

import { canonicalLanguage } from './syntaxFamily';

/** Languages that are one kind for this purpose: the first id of each group stands for the group. */
const kinds: readonly (readonly string[])[] = [
  ['typescript', 'javascript', 'typescriptreact', 'javascriptreact'],
  ['c', 'cpp', 'objective-c', 'objective-cpp', 'cuda-cpp'],
  ['json', 'jsonc', 'json5'],
  ['css', 'scss', 'less', 'sass'],
  ['shellscript', 'dockerfile'],
  ['yaml', 'dockercompose', 'github-actions-workflow'],
  ['xml', 'xsl', 'svg'],
  ['ini', 'properties', 'toml'],
  ['python'],
  ['go'],
  ['rust'],
  ['java'],
  ['kotlin'],
  ['csharp'],
  ['scala'],
  ['swift'],
  ['dart'],
  ['ruby'],
  ['php'],
  ['sql'],
  ['powershell'],
  ['lua'],
  ['r'],
  ['perl'],
  ['haskell'],
  ['elixir'],
  ['makefile'],
  ['diff'],
];

/** Files whose text holds code of other languages: a block in any language may belong there. */
const containers = new Set(['html', 'vue', 'svelte', 'astro', 'markdown', 'mdx', 'php', 'razor', 'erb', 'handlebars', 'jinja']);

export function isOtherLanguage(fileLanguage: string | undefined, fragmentLanguage: string | undefined): boolean {
  if (fileLanguage === undefined || fragmentLanguage === undefined) return false;
  const file = canonicalLanguage(fileLanguage);
  const fragment = canonicalLanguage(fragmentLanguage);
  if (file === fragment || containers.has(file)) return false;
  const fileKind = kinds.findIndex((group) => group.includes(file));
  const fragmentKind = kinds.findIndex((group) => group.includes(fragment));
  return fileKind >= 0 && fragmentKind >= 0 && fileKind !== fragmentKind;
}

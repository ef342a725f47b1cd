// The reference to a saved image, in the syntax of the editor it is inserted into (docs/images.md): Markdown
// `![alt](path)`, HTML / Vue / Svelte / Astro `<img src alt>`, JSX `<img … />`, CSS `url("…")`, and in plain
// JavaScript / TypeScript a string (or an import, planImageReference.ts). Other languages have no reference to an
// image, so none is offered there. The path is URL-encoded where it must be (spaces → %20, parentheses, `#`, `?`),
// and the alt text is escaped for the syntax, so neither a prompt nor a folder name can break out of the reference.

/** The kinds of syntax that can refer to an image. */
export type ReferenceSyntax = 'markdown' | 'html' | 'jsx' | 'css' | 'script';

const syntaxOfLanguage: ReadonlyMap<string, ReferenceSyntax> = new Map<string, ReferenceSyntax>([
  ...['markdown', 'mdx', 'quarto', 'rmd'].map((id) => [id, 'markdown'] as const),
  ...['html', 'vue', 'svelte', 'astro', 'php', 'handlebars', 'razor', 'django-html', 'jinja'].map((id) => [id, 'html'] as const),
  ...['javascriptreact', 'typescriptreact'].map((id) => [id, 'jsx'] as const),
  ...['css', 'scss', 'less', 'sass', 'stylus', 'postcss'].map((id) => [id, 'css'] as const),
  ...['javascript', 'typescript'].map((id) => [id, 'script'] as const),
]);

/** The syntax a VS Code language id refers to images in, or undefined when it has none (Python, plain text…). */
export function referenceSyntaxOf(languageId: string): ReferenceSyntax | undefined {
  return syntaxOfLanguage.get(languageId);
}

/** One reference at the cursor's place, or undefined in a language that has none. */
export function imageReference(languageId: string, relativePath: string, alt: string): string | undefined {
  const text = altText(alt);
  switch (referenceSyntaxOf(languageId)) {
    case 'markdown':
      return `![${text.replace(/([\\[\]])/g, '\\$1')}](${encodeImagePath(relativePath)})`;
    case 'html':
      return `<img src="${escapeAttribute(encodeImagePath(relativePath))}" alt="${escapeAttribute(text)}">`;
    case 'jsx':
      return jsxImage(`"${escapeAttribute(encodeImagePath(relativePath))}"`, alt);
    case 'css':
      return `url("${encodeImagePath(relativePath).replace(/["\\]/g, '\\$&')}")`;
    case 'script':
      return scriptString(relativePath, "'");
    case undefined:
      return undefined;
  }
}

/** `<img src=… alt="…" />`, `src` given as JSX writes it: `"./x.png"` or `{logo}`. */
export function jsxImage(src: string, alt: string): string {
  return `<img src=${src} alt="${escapeAttribute(altText(alt))}" />`;
}

/**
 * A JavaScript string literal of a module path, e.g. `'./x.png'`. Not URL-encoded: bundlers resolve it as a file
 * path, spaces and all.
 */
export function scriptString(relativePath: string, quote: "'" | '"'): string {
  const escaped = relativePath.replace(/\\/g, '/').replace(new RegExp(`[${quote}\\n\\r]`, 'g'), (c) => (c === quote ? `\\${c}` : ''));
  return `${quote}${escaped}${quote}`;
}

/** A relative path as a URL path: each character that would end or change the reference percent-encoded. */
export function encodeImagePath(relativePath: string): string {
  return relativePath
    .replace(/\\/g, '/')
    .replace(/[%\s"'<>()[\]#?`{}|^]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** One line, at most 120 characters. */
function altText(alt: string): string {
  const line = alt.replace(/\s+/g, ' ').trim();
  return line.length <= 120 ? line : `${line.slice(0, 119).trimEnd()}…`;
}

/** For HTML and JSX attribute strings alike (JSX decodes entities in them, and takes no backslash escapes). */
function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

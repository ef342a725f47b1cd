// The reference to a saved image, in the syntax of the editor it is inserted into (docs/images.md): Markdown
// `![alt](path)`, HTML / Vue / Svelte / Astro `<img src alt>`, JSX `<img … />`, CSS `url("…")`, or the bare
// relative path. The path is URL-encoded where it must be (spaces → %20, parentheses, `#`, `?`), and the alt text
// is escaped for the syntax, so neither a prompt nor a folder name can break out of the reference.

const markdownLanguages = new Set(['markdown', 'mdx', 'quarto', 'rmd']);
const htmlLanguages = new Set(['html', 'vue', 'svelte', 'astro', 'php', 'handlebars', 'razor', 'django-html', 'jinja']);
const jsxLanguages = new Set(['javascriptreact', 'typescriptreact']);
const cssLanguages = new Set(['css', 'scss', 'less', 'sass', 'stylus', 'postcss']);

export function imageReference(languageId: string, relativePath: string, alt: string): string {
  const url = encodeImagePath(relativePath);
  const text = altText(alt);
  if (markdownLanguages.has(languageId)) return `![${text.replace(/([\\[\]])/g, '\\$1')}](${url})`;
  if (htmlLanguages.has(languageId)) return `<img src="${escapeAttribute(url)}" alt="${escapeAttribute(text)}">`;
  if (jsxLanguages.has(languageId)) return `<img src="${escapeAttribute(url)}" alt="${escapeAttribute(text)}" />`;
  if (cssLanguages.has(languageId)) return `url("${url.replace(/["\\]/g, '\\$&')}")`;
  return relativePath;
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

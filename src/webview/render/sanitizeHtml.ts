// DOMPurify over everything the renderer turns into DOM (defense in depth: markdown-it already runs with raw HTML
// disabled, so model output reaches the sanitizer as escaped text). Two fixed configurations, each on its own
// DOMPurify instance so the configuration is parsed once, not on every call.
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';

/** The placeholder attribute the Markdown parser puts on a code block; never produced by model text (html: false). */
export const codePlaceholderAttribute = 'data-sb-code';

/** http, https and mailto links, and in-page `#` anchors. Everything else (javascript:, data:, relative…) is dropped. */
export const allowedHrefPattern = /^(?:(?:https?|mailto):|#)/i;

const markdownConfig: Config = {
  ALLOWED_TAGS: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'span',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  ALLOWED_ATTR: ['href', 'title', 'start', 'class', codePlaceholderAttribute],
  // Listed although the allow-lists above already exclude them, so the intent survives a careless edit.
  FORBID_TAGS: [
    'script',
    'style',
    'iframe',
    'frame',
    'object',
    'embed',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'svg',
    'math',
    'img',
    'video',
    'audio',
    'link',
    'meta',
    'base',
  ],
  FORBID_ATTR: ['style', 'srcdoc', 'formaction', 'action'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: allowedHrefPattern,
  // DOMPurify checks every attribute that is not "URI-safe" against ALLOWED_URI_REGEXP; these two hold numbers.
  ADD_URI_SAFE_ATTR: ['start', codePlaceholderAttribute],
  RETURN_DOM_FRAGMENT: true,
};

const highlightConfig: Config = {
  ALLOWED_TAGS: ['span'],
  ALLOWED_ATTR: ['class'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

let markdownPurifier: Purifier | undefined;
let highlightPurifier: Purifier | undefined;

function configured(config: Config): Purifier {
  const purifier = DOMPurify(window);
  purifier.setConfig(config);
  return purifier;
}

/** Sanitizes markdown-it's HTML into a fragment of the allowed tags and attributes. */
export function sanitizeMarkdownHtml(html: string): DocumentFragment {
  markdownPurifier ??= configured(markdownConfig);
  // setConfig put RETURN_DOM_FRAGMENT in force; the overloads only know that from a per-call config.
  return markdownPurifier.sanitize(html) as unknown as DocumentFragment;
}

/** Sanitizes highlight.js output: only `<span class>` and text survive. */
export function sanitizeHighlightedHtml(html: string): DocumentFragment {
  highlightPurifier ??= configured(highlightConfig);
  return highlightPurifier.sanitize(html) as unknown as DocumentFragment;
}

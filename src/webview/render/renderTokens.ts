// Tokens → sanitized DOM nodes: markdown-it renders HTML (with raw HTML disabled), DOMPurify turns it into a
// fragment of allowed tags, then links are made inert (the extension opens them, after confirmation) and code
// block placeholders become the code block widget. The one path for static and streaming rendering alike.
import { createCodeBlockElement, type CodeBlockContext } from './codeBlockElement';
import type { Markdown, MarkdownEnv, MarkdownToken, ParsedCodeBlock, RenderScratch } from './markdownParser';
import { codePlaceholderAttribute, sanitizeMarkdownHtml } from './sanitizeHtml';

export interface RenderContext extends CodeBlockContext {
  md: Markdown;
}

export interface RenderedPart {
  /** Top-level nodes, in order, not yet attached to any document. */
  nodes: Node[];
  /** The code blocks in the part, in document order; the first has index `codeBase`. */
  codeBlocks: ParsedCodeBlock[];
}

const neverOpen = (): boolean => false;

/**
 * Renders `tokens` (from `md.parse(…, env)`) into nodes. Code blocks are numbered from `codeBase`; fences for
 * which `isOpenFence` answers true are shown as still streaming (plain text, toolbar disabled).
 */
export function renderTokens(
  context: RenderContext,
  tokens: MarkdownToken[],
  env: MarkdownEnv,
  codeBase: number,
  isOpenFence: (token: MarkdownToken) => boolean = neverOpen,
): RenderedPart {
  if (tokens.length === 0) return { nodes: [], codeBlocks: [] };
  const scratch: RenderScratch = { codeBlocks: [], isOpenFence, imageText: context.strings.image };
  env.sbRender = scratch;
  let html: string;
  try {
    html = context.md.renderer.render(tokens, context.md.options, env);
  } finally {
    delete env.sbRender;
  }
  const fragment = sanitizeMarkdownHtml(html);
  for (const link of Array.from(fragment.querySelectorAll('a'))) makeLinkInert(link);
  for (const placeholder of Array.from(fragment.querySelectorAll(`pre[${codePlaceholderAttribute}]`))) {
    const position = Number(placeholder.getAttribute(codePlaceholderAttribute));
    const block = scratch.codeBlocks[position];
    if (block) placeholder.replaceWith(createCodeBlockElement(block, codeBase + position, context));
    else placeholder.remove();
  }
  return { nodes: Array.from(fragment.childNodes), codeBlocks: scratch.codeBlocks };
}

/**
 * A link that does not navigate by itself: the URL moves to `data-href` (already limited to http, https, mailto and
 * `#` by the sanitizer), and markdownInteractions hands clicks and Enter to `onLinkClick`. Links whose URL the
 * sanitizer dropped keep no URL at all and stay plain text.
 */
function makeLinkInert(link: HTMLAnchorElement): void {
  const href = link.getAttribute('href');
  if (href === null) return;
  link.removeAttribute('href');
  link.dataset['href'] = href;
  link.classList.add('sb-link');
  link.setAttribute('role', 'link');
  link.tabIndex = 0;
  if (!link.hasAttribute('title')) link.title = href;
}

// The one markdown-it configuration of the chat: CommonMark + GFM tables and strikethrough, raw HTML disabled
// (model output is untrusted, docs/chat.md), links recognized in text. Its renderer rules emit only what the
// sanitizer allows: code blocks become placeholders that the DOM step replaces with the code block widget, images
// become links (remote images are never loaded), table alignment becomes a class (CSP blocks style attributes).
import MarkdownIt from 'markdown-it';
import { codePlaceholderAttribute } from './sanitizeHtml';

export type Markdown = ReturnType<typeof MarkdownIt>;
export type MarkdownToken = MarkdownIt.Token;

/** A code block as the renderer found it; the DOM step turns it into the widget. */
export interface ParsedCodeBlock {
  /** The block's text without the final line break. */
  code: string;
  /** The first word of the fence's info string, as written (may be empty). */
  language: string;
  /** The fence's whole info string, trimmed (markdown-it's `token.info`; it may name the file); '' for indented code. */
  info: string;
  /** Still streaming: its closing fence has not arrived, so it is neither highlighted nor actionable yet. */
  open: boolean;
}

/** Per-render scratch space the renderer rules write into (kept in markdown-it's `env`). */
export interface RenderScratch {
  codeBlocks: ParsedCodeBlock[];
  /** Whether a fence token may still grow (streaming); always false for a final render. */
  isOpenFence(token: MarkdownToken): boolean;
  /** Text of a Markdown image shown as a link; `{alt}` is replaced. */
  imageText: string;
}

/** A reference definition found by the parser: its normalized label and the line it starts on. */
export interface ReferenceDefinition {
  label: string;
  line: number;
}

/** Reference definitions by normalized label, as markdown-it keeps them in `env.references`. */
export type References = NonNullable<MarkdownIt.Env['references']>;

export interface MarkdownEnv extends MarkdownIt.Env {
  /** Filled by the parser: where each reference definition was. */
  sbDefinitions?: ReferenceDefinition[];
  /** Present while rendering. */
  sbRender?: RenderScratch;
}

let instance: Markdown | undefined;

/** The shared, configured markdown-it instance (stateless between calls; state lives in `env`). */
export function markdownParser(): Markdown {
  instance ??= createMarkdownParser();
  return instance;
}

/** The language word of a fence's info string, exactly as markdown-it's own fence renderer computes it. */
export function fenceLanguage(md: Markdown, info: string): string {
  const trimmed = info ? md.utils.unescapeAll(info).trim() : '';
  return trimmed.split(/\s+/)[0] ?? '';
}

function createMarkdownParser(): Markdown {
  const md = MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  const { escapeHtml } = md.utils;

  const codeBlock = (token: MarkdownToken, language: string, info: string, env: MarkdownEnv): string => {
    const scratch = env.sbRender;
    if (!scratch) throw new Error('markdownParser: render through renderTokens, which provides the scratch space');
    const code = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content;
    const index = scratch.codeBlocks.push({ code, language, info, open: token.type === 'fence' && scratch.isOpenFence(token) }) - 1;
    return `<pre ${codePlaceholderAttribute}="${index}"></pre>\n`;
  };
  md.renderer.rules.fence = (tokens, idx, _options, env) => {
    const token = tokens[idx]!;
    return codeBlock(token, fenceLanguage(md, token.info), token.info.trim(), env ?? {});
  };
  md.renderer.rules.code_block = (tokens, idx, _options, env) => codeBlock(tokens[idx]!, '', '', env ?? {});

  md.renderer.rules.image = (tokens, idx, options, env: MarkdownEnv | undefined, self) => {
    const token = tokens[idx]!;
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const src = String(token.attrGet('src') ?? '');
    const text = escapeHtml((env?.sbRender?.imageText ?? '{alt}').replace('{alt}', () => alt || src));
    // A link inside a link is not valid HTML (the parser would split it): inside one, the image is only text.
    if (insideLink(tokens, idx)) return `<span class="sb-image" title="${escapeHtml(src)}">${text}</span>`;
    return `<a href="${escapeHtml(src)}" class="sb-image">${text}</a>`;
  };

  // Table alignment arrives as style="text-align:…", which the CSP would block anyway: make it a class.
  md.core.ruler.push('sb_align_classes', (state) => {
    for (const token of state.tokens) {
      if ((token.type === 'th_open' || token.type === 'td_open') && token.attrs) {
        const style = token.attrGet('style');
        if (typeof style !== 'string') continue;
        token.attrs = token.attrs.filter(([name]) => name !== 'style');
        const align = /text-align:(left|center|right)/.exec(style)?.[1];
        if (align) token.attrJoin('class', `sb-align-${align}`);
      }
    }
    return true;
  });

  // Reference definitions are dropped from the token stream by markdown-it; note where each one was, so the
  // streaming renderer knows which definitions belong to the part it commits.
  md.core.ruler.before('strip_references', 'sb_collect_references', (state) => {
    const env = state.env as MarkdownEnv;
    for (const token of state.tokens) {
      if (token.type !== 'reference_definition' || !token.map) continue;
      const label = (token.meta as { label?: unknown } | null)?.label;
      if (typeof label !== 'string') continue;
      (env.sbDefinitions ??= []).push({ label, line: token.map[0] });
    }
    return true;
  });

  return md;
}

function insideLink(tokens: MarkdownToken[], idx: number): boolean {
  let depth = 0;
  for (let i = idx - 1; i >= 0; i--) {
    const type = tokens[i]!.type;
    if (type === 'link_close') depth--;
    else if (type === 'link_open' && ++depth > 0) return true;
  }
  return false;
}

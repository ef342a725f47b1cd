// Incremental Markdown rendering for streamed answers (docs/chat.md, docs/performance.md): the cost of a chunk does not grow with
// the length of the answer.
//
// The text is split into a committed part and an open tail. Committed blocks are rendered once, appended to the
// container, and never touched again. Each chunk re-parses and re-renders only the tail, then moves the tail's
// leading blocks into the committed part when a safe boundary has appeared (blockBoundaries.ts). An open fenced
// code block that starts in column 0 takes a fast path: no parsing at all — complete lines are appended to a
// text node, and the block is highlighted exactly once, when its closing fence arrives (or on finish()).
//
// Trade-offs (README.md in this folder):
// - Constructs that span blank lines stay in the tail until they end: a list whose items are separated by blank
//   lines (its looseness depends on every item) is re-rendered on each chunk while it grows. The work per chunk is
//   bounded by the largest such construct, not by the answer.
// - Reference-style definitions can come after their use. Definitions in committed text are visible to all
//   later text; at finish(), committed parts that mention a label defined after them are rendered again (only
//   those, and only when such labels exist), so the finished DOM equals renderMarkdown() of the same text.
import type { CodeBlockInfo } from './codeBlockElement';
import { createCodeBlockElement } from './codeBlockElement';
import { findCommitSplit, isFenceClosed, LineIndex } from './blockBoundaries';
import { GroupedAppender } from './committedGroups';
import { isClosingFence, mayBecomeClosingFence, parseFenceOpener, type FenceOpener } from './fenceLines';
import { attachMarkdownInteractions } from './markdownInteractions';
import { patchNodes } from './patchNodes';
import { fenceLanguage, type MarkdownEnv, type MarkdownToken, type ParsedCodeBlock, type References } from './markdownParser';
import { createRenderContext, type HighlightCounters } from './renderContext';
import { markdownRootClass, type MarkdownRenderOptions } from './renderMarkdown';
import { renderTokens } from './renderTokens';

export interface StreamingRenderer {
  /** Adds a chunk of the answer. Throws after finish() (call reset() to start over). */
  append(chunk: string): void;
  /** The answer is complete: renders the open tail for good (highlighting an unclosed last code block). Idempotent. */
  finish(): void;
  /** Clears the container; with `text`, renders it as the start of a new stream (not finished). */
  reset(text?: string): void;
  /** The text so far, with line breaks normalized to `\n` as markdown-it sees them. */
  getText(): string;
  readonly finished: boolean;
  /** Work counters, for tests and benchmarks. */
  readonly stats: Readonly<StreamingRenderStats>;
  /** Removes the container's listeners (the DOM stays). */
  dispose(): void;
}

export interface StreamingRenderStats extends HighlightCounters {
  /** append() calls with text. */
  chunks: number;
  /** Characters handed to markdown-it, in total. */
  parsedChars: number;
  /** Characters handed to markdown-it by the last append() or finish(). */
  lastParsedChars: number;
  /** Committed parts (each rendered once). */
  committedParts: number;
  /** Committed parts rendered again at finish() because of reference definitions that came after them. */
  rerenderedParts: number;
  /** Length of the open tail. */
  openChars: number;
  /** Top-level nodes of the open tail (always the container's last ones); the ones before are committed. */
  openNodes: number;
}

interface CommittedPart {
  src: string;
  nodes: Node[];
  codeStart: number;
  codeCount: number;
  /** How many reference labels were known when it was rendered. */
  labelsKnown: number;
}

interface OpenFence {
  opener: FenceOpener;
  language: string;
  /** The opener's info string, trimmed as markdown-it's renderer gets it (markdownParser.ts). */
  info: string;
  index: number;
  element: HTMLElement;
  body: Text;
  pending: Text;
  /** Content lines so far, each with its line break. */
  code: string;
  /** The line being typed. */
  partial: string;
  /** Offset in `tail` where `partial` starts. */
  consumed: number;
}

function emptyStats(): StreamingRenderStats {
  return {
    chunks: 0,
    parsedChars: 0,
    lastParsedChars: 0,
    committedParts: 0,
    rerenderedParts: 0,
    openChars: 0,
    openNodes: 0,
    highlightCalls: 0,
    highlightedChars: 0,
  };
}

/** Renders a streamed answer into `container` (its children are replaced). */
export function createStreamingRenderer(container: HTMLElement, options: MarkdownRenderOptions = {}): StreamingRenderer {
  const stats = emptyStats();
  const context = createRenderContext(options.strings, stats, 64);
  const { md } = context;

  let parts: CommittedPart[] = [];
  let tail = '';
  let tailNodes: Node[] = [];
  let pendingCR = false;
  let committedCodeCount = 0;
  let codeBlocks: ParsedCodeBlock[] = [];
  let references: References = Object.create(null) as References;
  let labels: string[] = [];
  let fence: OpenFence | undefined;
  let finished = false;

  container.classList.add(markdownRootClass);
  container.replaceChildren();
  // Committed nodes go into wrappers (committedGroups.ts); the open tail's nodes follow them in the container.
  const committed = new GroupedAppender(container);
  const detach = attachMarkdownInteractions(
    container,
    (index): CodeBlockInfo | undefined => {
      const block = codeBlocks[index];
      return block && !block.open ? { code: block.code, language: block.language, info: block.info, index } : undefined;
    },
    options,
  );

  /** markdown-it's own normalization (CRLF and CR → LF, NUL → U+FFFD), carrying a CR across chunks. */
  const normalize = (chunk: string): string => {
    let text = pendingCR ? `\r${chunk}` : chunk;
    pendingCR = text.endsWith('\r');
    if (pendingCR) text = text.slice(0, -1);
    return text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  };

  const parse = (src: string, env: MarkdownEnv): MarkdownToken[] => {
    stats.parsedChars += src.length;
    stats.lastParsedChars += src.length;
    return md.parse(src, env);
  };

  const removeTailNodes = (): void => {
    for (const node of tailNodes) node.parentNode?.removeChild(node);
    tailNodes = [];
  };

  /** Adds the definitions found before `lineLimit` to the shared ones (the first definition of a label wins). */
  const adoptDefinitions = (env: MarkdownEnv, lineLimit: number): boolean => {
    let laterNew = false;
    for (const { label, line } of env.sbDefinitions ?? []) {
      if (label in references) continue;
      const definition = env.references?.[label];
      if (line < lineLimit && definition) {
        references[label] = definition;
        labels.push(label);
      } else if (line >= lineLimit) {
        laterNew = true;
      }
    }
    return laterNew;
  };

  /** Renders tokens (or, when they saw definitions from the uncommitted rest, `src` again) and commits them. */
  const commit = (tokens: MarkdownToken[], env: MarkdownEnv, src: string, lineLimit: number): void => {
    if (src === '') return;
    if (adoptDefinitions(env, lineLimit)) {
      // Links in the committed part may have resolved against a definition that is not committed (and may
      // still be incomplete): parse the committed part on its own. Rare: only when a definition is in the tail.
      env = { references: Object.create(references) as References };
      tokens = parse(src, env);
    }
    const rendered = renderTokens(context, tokens, env, committedCodeCount);
    committed.append(rendered.nodes);
    codeBlocks.length = committedCodeCount;
    for (const block of rendered.codeBlocks) codeBlocks.push({ ...block, open: false });
    parts.push({
      src,
      nodes: rendered.nodes,
      codeStart: committedCodeCount,
      codeCount: rendered.codeBlocks.length,
      labelsKnown: labels.length,
    });
    committedCodeCount += rendered.codeBlocks.length;
    stats.committedParts++;
  };

  /** Feeds text to the open fence. Returns true when the fence closed (the rest of `tail` is then unprocessed). */
  const feedFence = (open: OpenFence, text: string): boolean => {
    const buffer = open.partial + text;
    let start = 0;
    let added = '';
    for (let newline = buffer.indexOf('\n'); newline !== -1; newline = buffer.indexOf('\n', start)) {
      const line = buffer.slice(start, newline);
      if (isClosingFence(line, open.opener)) {
        closeFence(open, open.code + added, open.consumed + newline + 1);
        return true;
      }
      added += `${line}\n`;
      start = newline + 1;
    }
    if (added !== '') {
      open.body.appendData(added);
      open.code += added;
    }
    open.consumed += start;
    open.partial = buffer.slice(start);
    const shown = mayBecomeClosingFence(open.partial, open.opener) ? '' : open.partial;
    if (open.pending.data !== shown) open.pending.data = shown;
    return false;
  };

  const closeFence = (open: OpenFence, content: string, end: number): void => {
    const code = content.endsWith('\n') ? content.slice(0, -1) : content;
    const block: ParsedCodeBlock = { code, language: open.language, info: open.info, open: false };
    const element = createCodeBlockElement(block, open.index, context);
    // The line break markdown-it writes after a block, so the DOM is the same as a static render's.
    const lineBreak = document.createTextNode('\n');
    open.element.remove();
    committed.append([element, lineBreak]);
    tailNodes = [];
    codeBlocks.length = open.index;
    codeBlocks.push(block);
    parts.push({ src: tail.slice(0, end), nodes: [element, lineBreak], codeStart: open.index, codeCount: 1, labelsKnown: labels.length });
    committedCodeCount = open.index + 1;
    stats.committedParts++;
    tail = tail.slice(end);
    fence = undefined;
  };

  /** Starts the fast path for a fence whose opener is the tail's first line (complete). */
  const openFence = (opener: FenceOpener, openerEnd: number): boolean => {
    removeTailNodes();
    const language = fenceLanguage(md, opener.info);
    const info = opener.info.trim();
    const index = committedCodeCount;
    const element = createCodeBlockElement({ code: '', language, info, open: true }, index, context);
    const codeElement = element.querySelector('code')!;
    const body = document.createTextNode('');
    const pending = document.createTextNode('');
    codeElement.replaceChildren(body, pending);
    container.append(element);
    tailNodes = [element];
    codeBlocks.length = index;
    codeBlocks.push({ code: '', language, info, open: true });
    fence = { opener, language, info, index, element, body, pending, code: '', partial: '', consumed: openerEnd };
    return feedFence(fence, tail.slice(openerEnd));
  };

  /** Re-renders the tail, committing what has become final. Returns true when there is more to do. */
  const renderTail = (final: boolean): boolean => {
    const src = tail;
    const env: MarkdownEnv = { references: Object.create(references) as References };
    if (src === '') {
      removeTailNodes();
      return false;
    }
    const tokens = parse(src, env);
    if (final) {
      removeTailNodes();
      commit(tokens, env, src, Infinity);
      tail = '';
      return false;
    }
    const lines = new LineIndex(src);
    const split = findCommitSplit(tokens, lines);
    let open = tokens;
    if (split) {
      removeTailNodes();
      const end = lines.start(split.line);
      commit(tokens.slice(0, split.tokenIndex), env, src.slice(0, end), split.line);
      open = tokens.slice(split.tokenIndex);
      tail = src.slice(end);
    }
    // An open fence in column 0 right at the start of the tail: the fast path takes over.
    const openerEnd = tail.indexOf('\n');
    const opener = openerEnd === -1 ? undefined : parseFenceOpener(tail.slice(0, openerEnd));
    if (opener && open[0]?.type === 'fence') return openFence(opener, openerEnd + 1);

    const rendered = renderTokens(context, open, env, committedCodeCount, (token) => !isFenceClosed(token, lines));
    tailNodes = patchNodes(container, tailNodes, rendered.nodes);
    codeBlocks.length = committedCodeCount;
    for (const block of rendered.codeBlocks) codeBlocks.push(block);
    return false;
  };

  /** At finish(): committed parts that mention a label defined after them are rendered again. */
  const resolveLateReferences = (): void => {
    for (const part of parts) {
      if (part.labelsKnown >= labels.length) continue;
      const later = labels.slice(part.labelsKnown);
      part.labelsKnown = labels.length;
      const text = part.src.replace(/\s+/g, ' ').toLowerCase().toUpperCase();
      if (!later.some((label) => text.includes(`[${label}]`) || text.includes(`[ ${label}`) || text.includes(`${label} ]`))) continue;
      const env: MarkdownEnv = { references: Object.create(references) as References };
      const rendered = renderTokens(context, parse(part.src, env), env, part.codeStart);
      if (rendered.nodes.length === part.nodes.length) {
        // Same blocks (a definition changes links only): swap node for node, in whichever wrapper each one is.
        part.nodes.forEach((node, i) => node.parentNode?.replaceChild(rendered.nodes[i]!, node));
      } else {
        const anchor = part.nodes[0];
        for (const node of rendered.nodes) anchor?.parentNode?.insertBefore(node, anchor);
        for (const node of part.nodes) node.parentNode?.removeChild(node);
      }
      part.nodes = rendered.nodes;
      rendered.codeBlocks.forEach((block, i) => {
        codeBlocks[part.codeStart + i] = { ...block, open: false };
      });
      stats.rerenderedParts++;
    }
  };

  const process = (final: boolean): void => {
    while (renderTail(final)) {
      // A fence opened and closed within the same text: continue with what follows it.
    }
    stats.openChars = tail.length;
    stats.openNodes = tailNodes.length;
  };

  const renderer: StreamingRenderer = {
    append(chunk: string): void {
      if (finished) throw new Error('createStreamingRenderer: append() after finish(); call reset() to start again');
      const text = normalize(chunk);
      if (text === '') return;
      stats.chunks++;
      stats.lastParsedChars = 0;
      tail += text;
      if (fence && !feedFence(fence, text)) {
        stats.openChars = tail.length;
        stats.openNodes = tailNodes.length;
        return;
      }
      process(false);
    },
    finish(): void {
      if (finished) return;
      finished = true;
      stats.lastParsedChars = 0;
      if (pendingCR) {
        pendingCR = false;
        tail += '\n';
      }
      if (fence) {
        // An unclosed fence: markdown-it renders the rest of the text as its content, highlighted.
        removeTailNodes();
        codeBlocks.length = fence.index;
        fence = undefined;
      }
      process(true);
      if (labels.length > 0) resolveLateReferences();
      // Nothing is rendered again after this (reset() starts over and may highlight anew).
      context.clearCache();
    },
    reset(text?: string): void {
      container.replaceChildren();
      committed.reset();
      parts = [];
      tail = '';
      tailNodes = [];
      pendingCR = false;
      committedCodeCount = 0;
      codeBlocks = [];
      references = Object.create(null) as References;
      labels = [];
      fence = undefined;
      finished = false;
      Object.assign(stats, emptyStats());
      if (text) renderer.append(text);
    },
    getText(): string {
      return parts.map((part) => part.src).join('') + tail + (pendingCR ? '\n' : '');
    },
    get finished(): boolean {
      return finished;
    },
    get stats(): Readonly<StreamingRenderStats> {
      return stats;
    },
    dispose(): void {
      detach();
    },
  };
  return renderer;
}

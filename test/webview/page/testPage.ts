// The test page's script: the renderer plus small helpers the Node side calls through page.evaluate. It runs
// under the webview's CSP (served by harness/pageServer.ts), so it records every CSP violation it sees.
import {
  createStreamingRenderer,
  renderMarkdown,
  type CodeAction,
  type CodeBlockInfo,
  type MarkdownStrings,
  type StreamingRenderer,
} from '../../../src/webview/render/index';

export interface Recorded {
  links: string[];
  actions: { action: CodeAction; block: CodeBlockInfo }[];
}

export interface ChunkWork {
  /** Characters markdown-it parsed for this chunk. */
  parsed: number;
  /** Nodes (counting whole subtrees) inserted into or removed from the message by this chunk. */
  nodesTouched: number;
  /** Committed top-level nodes removed by this chunk (must stay 0: committed blocks are never touched). */
  committedRemoved: number;
  highlightCalls: number;
}

const recorded: Recorded = { links: [], actions: [] };
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});

const callbacks = {
  onLinkClick: (href: string) => recorded.links.push(href),
  onCodeAction: (action: CodeAction, block: CodeBlockInfo) => recorded.actions.push({ action, block }),
};

function app(): HTMLElement {
  const element = document.getElementById('app');
  if (!element) throw new Error('no #app');
  return element;
}

/** Splits `text` into pieces of the given sizes, cycling through them. */
function piecesOf(text: string, sizes: readonly number[]): string[] {
  const pieces: string[] = [];
  let position = 0;
  for (let i = 0; position < text.length; i++) {
    const size = Math.max(1, sizes.length === 0 ? text.length : sizes[i % sizes.length]!);
    pieces.push(text.slice(position, position + size));
    position += size;
  }
  return pieces;
}

function countNodes(node: Node): number {
  let count = 1;
  for (let child = node.firstChild; child; child = child.nextSibling) count += countNodes(child);
  return count;
}

let current: StreamingRenderer | undefined;

const api = {
  violations: (): string[] => violations.slice(),
  recorded: (): Recorded => recorded,
  clearRecorded(): void {
    recorded.links.length = 0;
    recorded.actions.length = 0;
  },
  staticHtml(text: string): string {
    return renderMarkdown(text).innerHTML;
  },
  /** Streams `text` in pieces into a detached container and returns its HTML after finish(). */
  streamedHtml(text: string, sizes: readonly number[]): string {
    const container = document.createElement('div');
    const renderer = createStreamingRenderer(container);
    for (const piece of piecesOf(text, sizes)) renderer.append(piece);
    renderer.finish();
    renderer.dispose();
    return container.innerHTML;
  },
  /**
   * Streams `text` and, after each piece, compares the visible text with a static render of the text so far
   * (whitespace-insensitive: an open code block's last line break may differ). Returns the mismatches.
   */
  streamedTextMismatches(text: string, sizes: readonly number[]): string[] {
    const container = document.createElement('div');
    const renderer = createStreamingRenderer(container);
    const mismatches: string[] = [];
    let sofar = '';
    const squash = (s: string | null): string => (s ?? '').replace(/\s+/g, '');
    for (const piece of piecesOf(text, sizes)) {
      renderer.append(piece);
      sofar += piece;
      const expected = squash(renderMarkdown(sofar).textContent);
      // A line that may still become the closing fence (backticks or tildes) is held back while a block streams.
      const actual = squash(container.textContent);
      const heldBack = expected.startsWith(actual) && /^[`~]*$/.test(expected.slice(actual.length));
      if (expected !== actual && !heldBack) mismatches.push(JSON.stringify(sofar.slice(-60)));
      if (mismatches.length > 3) break;
    }
    renderer.dispose();
    return mismatches;
  },
  mountStatic(text: string, strings?: Partial<MarkdownStrings>): void {
    current?.dispose();
    current = undefined;
    app().replaceChildren(renderMarkdown(text, { ...callbacks, ...(strings ? { strings } : {}) }));
  },
  mountStream(text: string, sizes: readonly number[], finish = true, strings?: Partial<MarkdownStrings>): void {
    current?.dispose();
    const container = document.createElement('div');
    app().replaceChildren(container);
    current = createStreamingRenderer(container, { ...callbacks, ...(strings ? { strings } : {}) });
    for (const piece of piecesOf(text, sizes)) current.append(piece);
    if (finish) current.finish();
  },
  append(text: string): void {
    if (!current) throw new Error('nothing mounted');
    current.append(text);
  },
  finish(): void {
    current?.finish();
  },
  stats(): StreamingRenderer['stats'] | undefined {
    return current ? { ...current.stats } : undefined;
  },
  getText(): string | undefined {
    return current?.getText();
  },
  reset(text?: string): void {
    current?.reset(text);
  },
  appHtml(): string {
    return app().firstElementChild?.innerHTML ?? '';
  },
  /** Streams a long text into #app and reports the work of every chunk (see ChunkWork). */
  streamWork(
    text: string,
    sizes: readonly number[],
  ): {
    work: ChunkWork[];
    finalHtml: string;
    staticHtml: string;
    highlightCalls: number;
    highlightedChars: number;
    staticHighlightedChars: number;
  } {
    current?.dispose();
    const container = document.createElement('div');
    app().replaceChildren(container);
    const renderer = createStreamingRenderer(container, callbacks);
    current = renderer;
    const committed = new WeakSet<Node>();
    const observer = new MutationObserver(() => undefined);
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    const work: ChunkWork[] = [];
    let highlightCalls = 0;
    for (const piece of piecesOf(text, sizes)) {
      renderer.append(piece);
      let nodesTouched = 0;
      let committedRemoved = 0;
      for (const record of observer.takeRecords()) {
        if (record.type === 'characterData') nodesTouched++;
        for (const node of Array.from(record.addedNodes)) nodesTouched += countNodes(node);
        for (const node of Array.from(record.removedNodes)) {
          nodesTouched += countNodes(node);
          if (committed.has(node)) committedRemoved++;
        }
      }
      const stats = renderer.stats;
      work.push({ parsed: stats.lastParsedChars, nodesTouched, committedRemoved, highlightCalls: stats.highlightCalls - highlightCalls });
      highlightCalls = stats.highlightCalls;
      // Everything before the open tail is committed from now on.
      const children = Array.from(container.childNodes);
      for (let i = 0; i < children.length - stats.openNodes; i++) committed.add(children[i]!);
    }
    observer.disconnect();
    renderer.finish();
    const staticRender = renderMarkdown(text);
    return {
      work,
      finalHtml: container.innerHTML,
      staticHtml: staticRender.innerHTML,
      staticHighlightedChars: Array.from(staticRender.querySelectorAll('code.hljs')).reduce(
        (sum, code) => sum + (code.textContent ?? '').length,
        0,
      ),
      highlightCalls: renderer.stats.highlightCalls,
      highlightedChars: renderer.stats.highlightedChars,
    };
  },
  /**
   * What in #app could run or load something, or does not belong in rendered Markdown: returns the problems
   * found (an empty list when the DOM is clean).
   */
  auditDom(): string[] {
    const problems: string[] = [];
    const allowedTags = new Set([
      'DIV',
      'P',
      'BR',
      'HR',
      'H1',
      'H2',
      'H3',
      'H4',
      'H5',
      'H6',
      'STRONG',
      'EM',
      'S',
      'DEL',
      'CODE',
      'PRE',
      'BLOCKQUOTE',
      'UL',
      'OL',
      'LI',
      'A',
      'SPAN',
      'TABLE',
      'THEAD',
      'TBODY',
      'TR',
      'TH',
      'TD',
      'BUTTON',
    ]);
    const allowedAttributes = new Set([
      'class',
      'title',
      'start',
      'role',
      'tabindex',
      'aria-label',
      'aria-hidden',
      'type',
      'disabled',
      'data-href',
      'data-index',
      'data-language',
      'data-state',
      'data-action',
      'data-path',
    ]);
    for (const element of Array.from(app().querySelectorAll('*'))) {
      if (!allowedTags.has(element.tagName)) problems.push(`element <${element.tagName.toLowerCase()}>`);
      for (const name of element.getAttributeNames()) {
        if (!allowedAttributes.has(name))
          problems.push(`attribute ${name}="${element.getAttribute(name)}" on <${element.tagName.toLowerCase()}>`);
      }
      const href = element.getAttribute('data-href');
      if (href !== null && !/^(?:https?:|mailto:|#)/i.test(href)) problems.push(`data-href="${href}"`);
      // The toolbar's own icons are the only codicons; model output never produces a class of its choosing.
      const toolbarIcon = element.tagName === 'SPAN' && element.parentElement?.classList.contains('sb-code-action') === true;
      for (const cls of Array.from(element.classList)) {
        if (toolbarIcon && /^codicon(?:-(?:copy|insert|diff|new-file))?$/.test(cls)) continue;
        if (!/^(?:sb-[a-z-]+|hljs(?:-[a-z_-]+)?|language-[a-z+#-]+|[a-z]+_|)$/.test(cls)) problems.push(`class "${cls}"`);
      }
      if (element.tagName === 'BUTTON' && !element.closest('.sb-code-toolbar')) problems.push('a button outside a code toolbar');
    }
    return problems;
  },
  /** Clicks every link and button in #app (as a user might), to show nothing runs. */
  clickEverything(): number {
    const targets = Array.from(app().querySelectorAll<HTMLElement>('a, button, [data-href]'));
    for (const target of targets) {
      target.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      target.click();
    }
    return targets.length;
  },
  xssMarker(): unknown {
    return (window as unknown as { __xss?: unknown }).__xss;
  },
  appText(): string {
    return app().textContent ?? '';
  },
  /** Sets VS Code theme variables the way the webview host does (CSSOM, which the CSP allows). */
  setTheme(kind: string, variables: Record<string, string>): void {
    document.body.className = kind;
    for (const [name, value] of Object.entries(variables)) document.documentElement.style.setProperty(name, value);
  },
  computedColor(selector: string, property = 'color'): string | undefined {
    const element = app().querySelector(selector);
    return element ? getComputedStyle(element).getPropertyValue(property) : undefined;
  },
  resolveColor(value: string): string {
    const probe = document.createElement('span');
    document.body.append(probe);
    probe.style.color = value;
    const resolved = getComputedStyle(probe).color;
    probe.remove();
    return resolved;
  },
};

export type TestPageApi = typeof api;

(window as unknown as { sbTest: TestPageApi }).sbTest = api;
// The renderer itself, for ad-hoc page.evaluate scripts while debugging.
(window as unknown as { sbRender: unknown }).sbRender = { createStreamingRenderer, renderMarkdown };

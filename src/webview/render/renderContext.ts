// What every render needs: the parser, the strings, and how code is highlighted (optionally through a cache).
import { highlightCode } from './highlightCode';
import { markdownParser } from './markdownParser';
import { resolveMarkdownStrings, type MarkdownStrings } from './markdownStrings';
import type { RenderContext } from './renderTokens';

export interface HighlightCounters {
  /** Calls into highlight.js. */
  highlightCalls: number;
  /** Characters of code handed to highlight.js. */
  highlightedChars: number;
}

/**
 * A render context. With `cacheSize` > 0, highlighted code is kept (as a fragment, cloned on use) for the last
 * `cacheSize` distinct blocks: the streaming renderer re-renders its open tail, and a closed fence inside a still
 * open list must not be highlighted again on every chunk. `clearCache()` lets the fragments go once no render
 * will ask for them again (a finished answer would otherwise keep a detached copy of each of its code blocks).
 */
export function createRenderContext(
  strings: Partial<MarkdownStrings> | undefined,
  counters: HighlightCounters,
  cacheSize = 0,
): RenderContext & { clearCache(): void } {
  const cache = new Map<string, DocumentFragment>();
  const highlight = (code: string, grammar: string): DocumentFragment => {
    const key = cacheSize > 0 ? `${grammar}\u0000${code}` : '';
    const cached = cacheSize > 0 ? cache.get(key) : undefined;
    if (cached) return cached.cloneNode(true) as DocumentFragment;
    counters.highlightCalls++;
    counters.highlightedChars += code.length;
    const fragment = highlightCode(code, grammar);
    if (cacheSize > 0) {
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      cache.set(key, fragment.cloneNode(true) as DocumentFragment);
    }
    return fragment;
  };
  return { md: markdownParser(), strings: resolveMarkdownStrings(strings), highlight, clearCache: () => cache.clear() };
}

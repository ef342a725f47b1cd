// Static rendering of a whole message (history, or an answer that arrived in one piece). The streaming renderer
// produces the same DOM for the same text once finished; the tests hold it to that.
import type { CodeBlockInfo } from './codeBlockElement';
import { groupNodes } from './committedGroups';
import { attachMarkdownInteractions, type MarkdownCallbacks } from './markdownInteractions';
import type { MarkdownEnv } from './markdownParser';
import type { MarkdownStrings } from './markdownStrings';
import { createRenderContext } from './renderContext';
import { renderTokens } from './renderTokens';

export interface MarkdownRenderOptions extends MarkdownCallbacks {
  /** The UI's strings for the code block toolbar; English for anything left out. */
  strings?: Partial<MarkdownStrings>;
}

/** The root class of rendered Markdown (markdown.css styles everything under it). */
export const markdownRootClass = 'sb-markdown';

/**
 * Renders `text` into a new `<div class="sb-markdown">`, with its link and code-action handling attached (the
 * listeners live on the element and go away with it).
 */
export function renderMarkdown(text: string, options: MarkdownRenderOptions = {}): HTMLElement {
  const root = document.createElement('div');
  root.className = markdownRootClass;
  const context = createRenderContext(options.strings, { highlightCalls: 0, highlightedChars: 0 });
  const env: MarkdownEnv = {};
  const { nodes, codeBlocks } = renderTokens(context, context.md.parse(text, env), env, 0);
  root.append(...groupNodes(nodes));
  const blocks: CodeBlockInfo[] = codeBlocks.map(({ code, language, info }, index) => ({ code, language, info, index }));
  attachMarkdownInteractions(root, (index) => blocks[index], options);
  return root;
}

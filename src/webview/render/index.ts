// The chat's Markdown renderer: static (`renderMarkdown`) and streaming (`createStreamingRenderer`). Styles are
// in markdown.css beside this file. See README.md here for the design.
export { createStreamingRenderer, type StreamingRenderer, type StreamingRenderStats } from './createStreamingRenderer';
export { renderMarkdown, markdownRootClass, type MarkdownRenderOptions } from './renderMarkdown';
export { codeActions, codeBlockPaths, type CodeAction, type CodeBlockInfo } from './codeBlockElement';
export { moveInToolbar, type MarkdownCallbacks } from './markdownInteractions';
export { defaultMarkdownStrings, type MarkdownStrings } from './markdownStrings';

// The renderer's own user-visible strings (code block toolbar and labels). The chat UI passes its localized
// table (English and Russian at least, docs/chat.md); the English default below is used for anything it leaves out.

export interface MarkdownStrings {
  /** aria-label of a code block; `{language}` is replaced with the block's language label. */
  codeBlock: string;
  /** aria-label of a code block that names its file; `{language}` and `{path}` are replaced. */
  codeBlockFile: string;
  /** aria-label of the toolbar above a code block. */
  codeActions: string;
  /** Shown as the language label of a code block without a language. */
  plainText: string;
  copy: string;
  insertAtCursor: string;
  applyAsDiff: string;
  /** Name and tooltip of the Apply button of a block that names its file; `{path}` is replaced. */
  applyTo: string;
  saveAsNewFile: string;
  /** Text of a Markdown image, which is shown as a link (remote images are never loaded); `{alt}` is replaced. */
  image: string;
}

export const defaultMarkdownStrings: MarkdownStrings = {
  codeBlock: 'Code block: {language}',
  codeBlockFile: 'Code block: {language}, {path}',
  codeActions: 'Code actions',
  plainText: 'text',
  copy: 'Copy',
  insertAtCursor: 'Insert at cursor',
  applyAsDiff: 'Apply as diff',
  applyTo: 'Apply to {path}',
  saveAsNewFile: 'Save as new file',
  image: 'Image: {alt}',
};

/** The defaults with the caller's strings on top; empty strings in `overrides` are ignored. */
export function resolveMarkdownStrings(overrides: Partial<MarkdownStrings> | undefined): MarkdownStrings {
  const resolved: MarkdownStrings = { ...defaultMarkdownStrings };
  if (!overrides) return resolved;
  for (const key of Object.keys(defaultMarkdownStrings) as (keyof MarkdownStrings)[]) {
    const value = overrides[key];
    if (typeof value === 'string' && value !== '') resolved[key] = value;
  }
  return resolved;
}

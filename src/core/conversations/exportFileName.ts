// The file name offered when a conversation is exported as Markdown: its title with every run of characters that
// are not letters or digits (in any script) turned into one hyphen, at most 60 characters, `chat` when nothing is left.
// Letters stay as they are, so a Russian or Korean title gives a readable name rather than a transliteration.

export function exportFileName(title: string): string {
  const stem = title
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    // Cutting at 60 may leave a hyphen at the end again.
    .replace(/-$/, '');
  return `${stem || 'chat'}.md`;
}

// The path from the file being edited to a saved image, with forward slashes whatever the OS. Component
// frameworks (JSX/TSX, Vue, Svelte, Astro) treat `assets/x.png` as a package or a URL and only `./assets/x.png`
// as a file next to the component, so for them a path that does not already start with `../` gets `./`.
import * as path from 'node:path';

const dotSlashLanguages = new Set(['javascriptreact', 'typescriptreact', 'javascript', 'typescript', 'vue', 'svelte', 'astro']);

export function relativeImagePath(fromFile: string, imageFile: string, languageId?: string): string {
  const relative = path.relative(path.dirname(fromFile), imageFile).split(path.sep).join('/');
  if (languageId !== undefined && dotSlashLanguages.has(languageId) && !relative.startsWith('../')) return `./${relative}`;
  return relative;
}

// The codicons the chat view shows: the one list of them. The build (scripts/build/codiconSubset.js, run by
// esbuild.js) ships only these: dist/webview.css gets the rules of these names alone, and dist/codicon.ttf only their
// glyphs. Code in src/webview names an icon by CodiconName (iconButton, codiconClass), so a name missing here is a
// type error; test/unit/build/codiconNames.test.ts catches the literal class names and selectors that types cannot.
// This file is also evaluated on its own by the build: keep it free of imports.

export const codiconNames = [
  'account',
  'add',
  'beaker',
  'book',
  'check',
  'chevron-down',
  'circle-slash',
  'close',
  'comment-discussion',
  'copy',
  'debug-stop',
  'diff',
  'diff-multiple',
  'discard',
  'edit',
  'error',
  'file',
  'file-media',
  'folder',
  'folder-opened',
  'git-compare',
  'go-to-file',
  'hubot',
  'info',
  'insert',
  'lightbulb',
  'loading',
  'mention',
  'new-file',
  'play-circle',
  'question',
  'refresh',
  'selection',
  'send',
  'shield',
  'terminal',
  'warning',
  'wrench',
] as const;

/** A codicon the view ships (one of codiconNames). */
export type CodiconName = (typeof codiconNames)[number];

/** The classes of an element showing `name`: `codicon codicon-<name>`. */
export function codiconClass(name: CodiconName): string {
  return `codicon codicon-${name}`;
}

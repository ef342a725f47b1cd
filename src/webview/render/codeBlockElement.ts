// The code block widget: language label, the file the block names (if any), a toolbar (copy, insert at cursor, apply,
// save as new file) and the highlighted code. Built with createElement/textContent only; the code text comes from the
// parser, never from the DOM, so the actions get exactly what the model wrote.
import { codeBlockTarget } from '../../shared/codeBlockTarget';
import { codiconClass, type CodiconName } from '../codiconNames';
import { resolveLanguage } from './highlightCode';
import type { MarkdownStrings } from './markdownStrings';
import type { ParsedCodeBlock } from './markdownParser';

export type CodeAction = 'copy' | 'insertAtCursor' | 'applyAsDiff' | 'saveAsNewFile';

export const codeActions: readonly CodeAction[] = ['copy', 'insertAtCursor', 'applyAsDiff', 'saveAsNewFile'];

/** What a code action receives: the block's exact text (without the final line break), its language, its index. */
export interface CodeBlockInfo {
  code: string;
  /** The fence's language word as written (`ts`, `Python`, …), or '' when the fence has none. */
  language: string;
  /** The fence's whole info string, trimmed (`ts src/a.ts`), or '' (codeBlockTarget.ts reads the file from it). */
  info: string;
  /** Position of the block in the message, from 0, in document order. */
  index: number;
}

export interface CodeBlockContext {
  strings: MarkdownStrings;
  /** Highlights `code` with a grammar from `resolveLanguage`. */
  highlight(code: string, grammar: string): DocumentFragment;
}

const actionLabel: Record<CodeAction, keyof MarkdownStrings> = {
  copy: 'copy',
  insertAtCursor: 'insertAtCursor',
  applyAsDiff: 'applyAsDiff',
  saveAsNewFile: 'saveAsNewFile',
};

export function isCodeAction(value: string | undefined): value is CodeAction {
  return (codeActions as readonly (string | undefined)[]).includes(value);
}

/** The codicon of each action. */
const actionIcon: Record<CodeAction, CodiconName> = {
  copy: 'copy',
  insertAtCursor: 'insert',
  applyAsDiff: 'diff',
  saveAsNewFile: 'new-file',
};

/** The attribute holding the file a code block names (`data-path`); "Apply all" counts them (codeBlockPaths). */
const pathKey = 'path';

/**
 * The files named by the code blocks under `root`, in document order (repeats included): read from the widgets,
 * which worked them out once when they were built, so nothing is parsed again.
 */
export function codeBlockPaths(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll<HTMLElement>('.sb-code[data-path]'), (element) => element.dataset[pathKey] ?? '');
}

/**
 * The widget for one code block. An open block (still streaming) shows its text plainly, with the toolbar
 * disabled and `data-state="streaming"`; it is highlighted once, when it is rendered closed. The file the block
 * names (codeBlockTarget.ts) is worked out here, once per widget: from the info string while the block streams (its
 * first line may be incomplete), from the info string or the first-line comment once it is closed.
 */
export function createCodeBlockElement(block: ParsedCodeBlock, index: number, context: CodeBlockContext): HTMLElement {
  const { strings } = context;
  const label = block.language || strings.plainText;
  const path = codeBlockTarget(block.info, block.open ? '' : block.code).path;

  const container = document.createElement('div');
  container.className = 'sb-code';
  container.setAttribute('role', 'group');
  container.setAttribute(
    'aria-label',
    (path === undefined ? strings.codeBlock : strings.codeBlockFile).replace(/\{(language|path)\}/g, (_, key: string) =>
      key === 'path' ? (path ?? '') : label,
    ),
  );
  container.dataset['index'] = String(index);
  if (block.language) container.dataset['language'] = block.language;
  if (path !== undefined) container.dataset[pathKey] = path;
  if (block.open) container.dataset['state'] = 'streaming';

  const header = document.createElement('div');
  header.className = 'sb-code-header';
  const languageLabel = document.createElement('span');
  languageLabel.className = 'sb-code-language';
  languageLabel.setAttribute('aria-hidden', 'true');
  languageLabel.textContent = label;

  const toolbar = document.createElement('div');
  toolbar.className = 'sb-code-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', strings.codeActions);
  codeActions.forEach((action, position) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sb-code-action';
    button.dataset['action'] = action;
    button.dataset['index'] = String(index);
    const text =
      action === 'applyAsDiff' && path !== undefined ? strings.applyTo.replace('{path}', () => path) : strings[actionLabel[action]];
    // An icon with the name as tooltip and accessible name: four text buttons would not fit a narrow side bar.
    const icon = document.createElement('span');
    icon.className = codiconClass(actionIcon[action]);
    icon.setAttribute('aria-hidden', 'true');
    button.append(icon);
    button.title = text;
    button.setAttribute('aria-label', text);
    // A toolbar is one tab stop; the arrow keys move between its buttons (markdownInteractions).
    button.tabIndex = position === 0 ? 0 : -1;
    if (block.open) button.disabled = true;
    toolbar.append(button);
  });
  header.append(languageLabel);
  if (path !== undefined) {
    // The file, before the buttons: hidden from screen readers like the language, as the group's name and the Apply
    // button's name both say it. The tooltip shows the whole path when the label is cut short.
    const fileLabel = document.createElement('span');
    fileLabel.className = 'sb-code-path';
    fileLabel.setAttribute('aria-hidden', 'true');
    fileLabel.title = path;
    // The path in its own left-to-right run, so the label can be cut at its start (markdown.css).
    const pathText = document.createElement('span');
    pathText.className = 'sb-code-path-text';
    pathText.textContent = path;
    fileLabel.append(pathText);
    header.append(fileLabel);
  }
  header.append(toolbar);

  const pre = document.createElement('pre');
  pre.className = 'sb-code-body';
  const code = document.createElement('code');
  const grammar = block.open ? undefined : resolveLanguage(block.language);
  if (grammar !== undefined) {
    code.className = `hljs language-${grammar}`;
    code.append(context.highlight(block.code, grammar));
  } else {
    code.textContent = block.code;
  }
  pre.append(code);
  container.append(header, pre);
  return container;
}

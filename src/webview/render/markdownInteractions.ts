// One set of listeners per rendered message (event delegation), so rendering a block never adds listeners:
// link clicks and code block buttons go to the caller's callbacks, and the arrow keys move within a toolbar.
import { isCodeAction, type CodeAction, type CodeBlockInfo } from './codeBlockElement';

export interface MarkdownCallbacks {
  /**
   * A rendered link was activated (click, or Enter while focused). `href` is an http, https or mailto URL or a
   * `#` anchor — nothing else survives sanitizing. Links never navigate by themselves: open them from here,
   * through the extension (which asks VS Code for confirmation).
   */
  onLinkClick?: (href: string) => void;
  /** A code block button was pressed. `block.code` is the block's exact text. */
  onCodeAction?: (action: CodeAction, block: CodeBlockInfo) => void;
}

/** Starts handling clicks and keys in `container`; returns the function that stops it. */
export function attachMarkdownInteractions(
  container: HTMLElement,
  codeBlock: (index: number) => CodeBlockInfo | undefined,
  callbacks: MarkdownCallbacks,
): () => void {
  const activate = (event: Event): boolean => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return false;
    const button = target.closest<HTMLButtonElement>('button[data-action]');
    if (button && container.contains(button)) {
      const action = button.dataset['action'];
      const block = codeBlock(Number(button.dataset['index']));
      if (!button.disabled && isCodeAction(action) && block) callbacks.onCodeAction?.(action, block);
      return true;
    }
    const link = target.closest<HTMLElement>('a[data-href]');
    if (link && container.contains(link)) {
      event.preventDefault();
      const href = link.dataset['href'];
      if (href) callbacks.onLinkClick?.(href);
      return true;
    }
    return false;
  };

  const onClick = (event: MouseEvent): void => {
    activate(event);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (!target) return;
    if (event.key === 'Enter' && target.matches('a[data-href]')) {
      activate(event);
      return;
    }
    if (target.matches('button[data-action]')) moveInToolbar(target, event);
  };

  container.addEventListener('click', onClick);
  container.addEventListener('keydown', onKeyDown);
  return () => {
    container.removeEventListener('click', onClick);
    container.removeEventListener('keydown', onKeyDown);
  };
}

/**
 * Roving tab stop inside a toolbar of `button[data-action]`s (WAI-ARIA toolbar pattern): arrows, Home and End. A code
 * block's toolbar, and an image's in the chat (src/webview/images/messageImages.ts).
 */
export function moveInToolbar(button: HTMLElement, event: KeyboardEvent): void {
  const toolbar = button.closest('[role="toolbar"]');
  if (!toolbar) return;
  const buttons = Array.from(toolbar.querySelectorAll<HTMLButtonElement>('button[data-action]')).filter((b) => !b.disabled);
  const current = buttons.indexOf(button as HTMLButtonElement);
  if (current < 0 || buttons.length === 0) return;
  let next: number;
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
      next = (current + 1) % buttons.length;
      break;
    case 'ArrowLeft':
    case 'ArrowUp':
      next = (current - 1 + buttons.length) % buttons.length;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = buttons.length - 1;
      break;
    default:
      return;
  }
  event.preventDefault();
  for (const b of buttons) b.tabIndex = -1;
  const target = buttons[next]!;
  target.tabIndex = 0;
  target.focus();
}

// A tool call of an answer as a card in its text (issue 17, docs/chat.md "Tools"): what the call does, where it
// stands (in words, not only an icon), the result's size, the arguments behind a disclosure, and on a call waiting
// for the user Allow / Always allow read-only tools here / Deny. A card is built once and updated in place on every
// `message` of its answer, so a button that has the focus keeps it, and an open disclosure stays open.
import type { ToolCardState, ToolCardView, ToolDecision, WebviewToExtensionMessage } from '../shared/webviewProtocol';
import { codiconClass, type CodiconName } from './codiconNames';
import { h } from './dom';
import { format, type WebviewStringKey, type WebviewStrings } from './webviewStrings';

export interface ToolCardContext {
  strings: WebviewStrings;
  post: (message: WebviewToExtensionMessage) => void;
  /** Says something through the view's live region (a call waiting for the user). */
  announce: (text: string) => void;
  /** The answer the card belongs to. */
  messageId: string;
}

export interface ToolCard {
  readonly element: HTMLElement;
  readonly view: ToolCardView;
  update(view: ToolCardView): void;
}

const stateIcons: Record<ToolCardState, CodiconName> = {
  pending: 'shield',
  running: 'loading',
  done: 'check',
  failed: 'error',
  denied: 'circle-slash',
  stopped: 'debug-stop',
};

const stateWords: Record<ToolCardState, WebviewStringKey> = {
  pending: 'toolPending',
  running: 'toolRunning',
  done: 'toolDone',
  failed: 'toolFailed',
  denied: 'toolDenied',
  stopped: 'toolStopped',
};

/** A size in bytes as people read it: "512 B", "2.1 KB", "1.4 MB" (in the UI's language). */
export function formatSize(bytes: number, strings: WebviewStrings): string {
  const lang = document.documentElement.lang || undefined;
  if (bytes < 1024) return format(strings.sizeBytes, bytes.toLocaleString(lang));
  const mega = bytes >= 1024 * 1024;
  const value = (mega ? bytes / (1024 * 1024) : bytes / 1024).toLocaleString(lang, { maximumFractionDigits: 1 });
  return format(mega ? strings.sizeMegabytes : strings.sizeKilobytes, value);
}

/** Only what changed is written, so the DOM (and a screen reader's place in it) is left alone otherwise. */
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

export function createToolCard(initial: ToolCardView, context: ToolCardContext): ToolCard {
  const { strings, post, messageId } = context;
  const icon = h('span', { 'aria-hidden': 'true' });
  const title = h('span', { class: 'tool-card-title' });
  const state = h('span', { class: 'tool-card-state' });
  const size = h('span', { class: 'tool-card-size' });
  const note = h('div', { class: 'tool-card-note' });
  const args = h('pre', { class: 'tool-card-arguments' });
  const actions = h('div', { class: 'tool-card-actions' });
  const askAgain = h('button', { type: 'button', class: 'link-button' }, strings.toolAskAgain);
  askAgain.addEventListener('click', () => post({ type: 'revokeToolApprovals' }));
  const auto = h('div', { class: 'tool-card-auto', hidden: true }, `${strings.toolAutoAllowed} `, askAgain);
  // tabindex -1: not a Tab stop, but the focus can rest on the card when the button that had it goes away.
  const element = h(
    'div',
    { class: 'tool-card', role: 'group', tabindex: '-1', 'data-call-id': initial.callId },
    h('div', { class: 'tool-card-header' }, icon, title, state, size),
    note,
    h('details', { class: 'tool-card-details' }, h('summary', {}, strings.toolArguments), args),
    actions,
    auto,
  );

  let shown: ToolCardView | undefined;

  /** Allow / Always / Deny; once one is pressed they are all off until the call's state changes. */
  const decisionButtons = (view: ToolCardView): HTMLButtonElement[] => {
    const button = (decision: ToolDecision, label: string, className: string): HTMLButtonElement => {
      const created = h('button', { type: 'button', class: className }, label);
      created.addEventListener('click', () => {
        // aria-disabled, not disabled: a disabled button would drop the keyboard focus to the document.
        if (created.getAttribute('aria-disabled') === 'true') return;
        for (const each of actions.querySelectorAll('button')) each.setAttribute('aria-disabled', 'true');
        post({ type: 'toolDecision', messageId, callId: view.callId, decision });
      });
      return created;
    };
    return [
      button('allow', strings.toolAllow, 'primary-button'),
      ...(view.readOnly ? [button('allowAlways', strings.toolAllowAlways, 'secondary-button')] : []),
      button('deny', strings.toolDeny, 'secondary-button'),
    ];
  };

  const update = (view: ToolCardView): void => {
    const before = shown;
    shown = view;
    setText(title, view.title);
    element.setAttribute('aria-label', format(strings.toolCard, view.title));
    element.dataset['state'] = view.state;
    if (before?.state !== view.state) {
      icon.className = `${codiconClass(stateIcons[view.state])}${view.state === 'running' ? ' codicon-modifier-spin' : ''}`;
      setText(state, strings[stateWords[view.state]]);
    }
    setText(size, view.resultSize === undefined ? '' : formatSize(view.resultSize, strings));
    setText(note, view.note ?? '');
    setText(args, view.arguments);
    auto.hidden = view.autoAllowed !== true;
    if (before?.state !== view.state || before.readOnly !== view.readOnly) {
      const hadFocus = actions.contains(document.activeElement);
      actions.replaceChildren(...(view.state === 'pending' ? decisionButtons(view) : []));
      // The button pressed is gone with the question: the focus stays on its card rather than the document.
      if (hadFocus) (actions.querySelector('button') ?? element).focus();
      if (view.state === 'pending' && before?.state !== 'pending') context.announce(format(strings.toolWantsToRun, view.name, view.title));
    }
  };

  update(initial);
  return {
    element,
    get view(): ToolCardView {
      return shown ?? initial;
    },
    update,
  };
}

// The chat view's script. It runs in a sandboxed iframe under a CSP that allows only this bundle, builds its DOM
// with createElement/textContent, renders model output only through the sanitizing Markdown renderer, and
// validates every message from the extension (a malformed one is reported and ignored).
// The build answers this with the rules and glyphs of the icons in ./codiconNames alone (scripts/build/codiconSubset.js).
import '@vscode/codicons/dist/codicon.css';
import './render/markdown.css';
import './chat.css';
import {
  parseExtensionToWebviewMessage,
  type CostView,
  type ErrorAction,
  type ExtensionToWebviewMessage,
  type MessageView,
  type WebviewToExtensionMessage,
} from '../shared/webviewProtocol';
import { acceptUriDrops } from './acceptUriDrops';
import { Composer } from './composer';
import { codiconClass, type CodiconName } from './codiconNames';
import { h } from './dom';
import { base64ToFile } from './images/downscaleImage';
import { ImageAttacher } from './images/imageAttacher';
import { readPastedImages } from './images/readPastedImages';
import { MessageList } from './messageList';
import { ModelPicker, type ProviderLabels } from './modelPicker';
import { Toolbar } from './toolbar';
import { ConversationCost } from './conversationCost';
import { costText } from './costText';
import { vscodeApi } from './vscodeApi';
import { counted, readWebviewStrings } from './webviewStrings';

interface SavedState {
  draft?: string;
  /** The providers' labels from the last model lists: the picker's button names the provider before it is opened. */
  providerLabels?: ProviderLabels;
}

const vscode = vscodeApi();
const savedState: SavedState = { ...(vscode.getState() as SavedState | undefined) };
function saveState(change: SavedState): void {
  Object.assign(savedState, change);
  vscode.setState(savedState);
}
const strings = readWebviewStrings(document, (keys) =>
  vscode.postMessage({
    type: 'reportError',
    message: `The view's string table left out, kept in English: ${keys.slice(0, 10).join(', ')}`,
  }),
);
/** What the user does next to the conversation ends the offer to undo an edit (the extension forgets it too). */
const endsUndo = new Set<WebviewToExtensionMessage['type']>([
  'send',
  'editAndResend',
  'regenerate',
  'newChat',
  'openConversation',
  'errorAction',
]);
const post = (message: WebviewToExtensionMessage): void => {
  if (endsUndo.has(message.type) && (message.type !== 'errorAction' || message.action === 'retry')) undoOffer?.remove();
  vscode.postMessage(message);
};
let undoOffer: HTMLElement | undefined;
/** The id of the conversation shown. */
let conversationId = '';

const announcer = h('div', { id: 'announcer', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
const notices = h('div', { id: 'notices', class: 'notices', role: 'status', 'aria-live': 'polite' });
const toolbar = new Toolbar();
const conversationCost = new ConversationCost();
const showCost = (cost: CostView | undefined): void =>
  toolbar.setCost(cost === undefined ? '' : costText(cost, strings), strings.conversationCost);
const modelPicker = new ModelPicker(strings, post, {
  ...(savedState.providerLabels ? { labels: savedState.providerLabels } : {}),
  onLabels: (providerLabels) => saveState({ providerLabels }),
  onPicked: () => composer.focus(),
});
const composer = new Composer(
  strings,
  post,
  (draft) => saveState({ draft }),
  (removed) => offerUndo(removed),
  modelPicker,
);
const messages = new MessageList(
  strings,
  post,
  (text) => {
    announcer.textContent = text;
  },
  (message: MessageView) => composer.editMessage(message.id, message.content, messages.countAfter(message.id) ?? 0),
);

// Pasted and dropped pictures (issue 16); a refusal is a notice naming the file, and the draft stays.
const images = new ImageAttacher(
  strings,
  post,
  (text) => showNotice(text, 'warning'),
  () => composer.attachedImages(),
);

const app = document.getElementById('app');
app?.replaceChildren(toolbar.element, messages.element, notices, composer.element, announcer);
if (app) {
  app.dataset['dropHint'] = strings.dropHint;
  acceptUriDrops(
    app,
    (uris) => post({ type: 'addContextUris', uris }),
    (files) => void images.attach(files),
  );
}
// Escape anywhere in the view stops the answer being streamed, unless something open used it first: the `@` list,
// the model picker, an edit in progress (they prevent its default).
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing || !composer.isBusy) return;
  event.preventDefault();
  post({ type: 'stop' });
});
// When the view gets the focus with nothing in it focused (Open Chat, a click on the view's tab), the input takes
// it, so what is typed next is not lost.
window.addEventListener('focus', () => {
  if (document.activeElement === null || document.activeElement === document.body) composer.focus();
});
document.addEventListener('paste', (event) => {
  const files = readPastedImages(event.clipboardData);
  if (files.length === 0) return;
  event.preventDefault();
  void images.attach(files);
});

function userHistory(list: readonly MessageView[]): string[] {
  return list.filter((message) => message.role === 'user').map((message) => message.content);
}

/**
 * A notice over the input: an icon, its text, the buttons that act on it, and a close button. A button's action
 * runs after the notice is gone.
 */
function noticeElement(options: {
  className: string;
  icon: CodiconName;
  text: string;
  buttons: readonly { button: HTMLButtonElement; run: () => void }[];
}): HTMLElement {
  const close = h(
    'button',
    { type: 'button', class: 'icon-button', 'aria-label': strings.close, title: strings.close },
    h('span', { class: codiconClass('close'), 'aria-hidden': 'true' }),
  );
  const notice = h(
    'div',
    { class: `notice ${options.className}` },
    h('span', { class: codiconClass(options.icon), 'aria-hidden': 'true' }),
    h('span', { class: 'notice-text' }, options.text),
    ...options.buttons.map(({ button }) => button),
    close,
  );
  for (const { button, run } of options.buttons) {
    button.addEventListener('click', () => {
      notice.remove();
      run();
    });
  }
  close.addEventListener('click', () => notice.remove());
  return notice;
}

type NoticeMessage = Extract<ExtensionToWebviewMessage, { type: 'notice' }>;

/**
 * A notice with its buttons. `switchModel` (a model that can do what was refused) chooses that model, then sends the
 * input as it is, with its chips: the draft was kept for this.
 */
function showNotice(
  text: string,
  level: 'info' | 'warning' | 'error',
  actions: readonly ErrorAction[] = [],
  switchModel?: NoticeMessage['switchModel'],
): void {
  const buttons = actions.map((action) => ({
    button: h('button', { type: 'button', class: 'secondary-button' }, messages.actionLabel(action)),
    run: () => post({ type: 'errorAction', action }),
  }));
  if (switchModel)
    buttons.unshift({
      button: h('button', { type: 'button', class: 'secondary-button notice-switch-model' }, switchModel.label),
      run: () => {
        post({ type: 'selectModel', model: switchModel.model });
        composer.send();
      },
    });
  const notice = noticeElement({
    className: `notice-${level}`,
    icon: level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'info',
    text,
    buttons,
  });
  notices.append(notice);
  if (level === 'info') setTimeout(() => notice.remove(), 6000);
}

/** After an edit was sent: what it removed, and Undo (the extension restores the conversation from before it). */
function offerUndo(removed: number): void {
  undoOffer?.remove();
  const undo = h(
    'button',
    { type: 'button', id: 'undo-edit', class: 'secondary-button', title: strings.undoEdit, 'aria-label': strings.undoEdit },
    strings.undo,
  );
  undoOffer = noticeElement({
    className: 'notice-info notice-undo',
    icon: 'discard',
    text: counted(strings, 'editedNote', removed),
    buttons: [
      {
        button: undo,
        run: () => {
          post({ type: 'undoEdit' });
          composer.focus();
        },
      },
    ],
  });
  notices.append(undoOffer);
}

/**
 * While a message is being edited, its note counts what sending will remove. When another conversation is shown
 * the edit ends (its draft back); a message only trimmed from the view's last page keeps its edit going.
 */
function refreshEdit(conversationShown: boolean): void {
  const editing = composer.editingId;
  if (editing === undefined) return;
  const later = messages.countAfter(editing);
  if (later !== undefined) composer.setLaterMessages(later);
  else if (conversationShown) composer.cancelEdit();
}

function handle(message: ExtensionToWebviewMessage): void {
  switch (message.type) {
    case 'init': {
      document.body.dataset['version'] = message.version;
      toolbar.setTitle(message.conversation.messages.length > 0 ? message.conversation.title : '');
      modelPicker.setModels([], message.currentModel, false);
      messages.setModelChosen(message.currentModel !== '');
      conversationId = message.conversation.id;
      messages.show(message.conversation, message.busy);
      showCost(conversationCost.reset(message.conversation));
      composer.configure({
        sendOnEnter: message.sendOnEnter,
        draft: message.draft || savedState.draft || '',
        history: userHistory(message.conversation.messages),
      });
      composer.setContexts(message.contexts, message.budget);
      composer.setBusy(message.busy);
      return;
    }
    case 'conversation':
      toolbar.setTitle(message.conversation.messages.length > 0 ? message.conversation.title : '');
      if (message.conversation.id !== conversationId) undoOffer?.remove();
      conversationId = message.conversation.id;
      messages.show(message.conversation, message.busy);
      showCost(conversationCost.reset(message.conversation));
      refreshEdit(true);
      composer.setHistory(userHistory(message.conversation.messages));
      composer.setBusy(message.busy);
      return;
    case 'title':
      toolbar.setTitle(message.title);
      return;
    case 'conversations':
      // The list itself is the view title bar's History (the extension's quick pick); damaged files are still said.
      for (const problem of message.problems) showNotice(problem, 'warning');
      return;
    case 'message':
      // A new question (a command's turn) moves the conversation on: the edit before it is no longer undone.
      if (message.message.role === 'user' && messages.countAfter(message.message.id) === undefined) undoOffer?.remove();
      messages.upsert(message.message);
      if (message.message.cost !== undefined) showCost(conversationCost.update(message.message));
      refreshEdit(false);
      return;
    case 'delta':
      messages.delta(message.messageId, message.text);
      return;
    case 'status':
      messages.status(message.messageId, message.text);
      return;
    case 'busy':
      composer.setBusy(message.busy);
      messages.setBusy(message.busy);
      return;
    case 'models':
      modelPicker.setModels(message.groups, message.current, message.loading);
      messages.setModelChosen(message.current !== '');
      return;
    case 'contexts':
      composer.setContexts(message.contexts, message.budget);
      images.chipsChanged();
      return;
    case 'contextSuggestions':
      composer.showSuggestions(message);
      return;
    case 'focusInput':
      composer.focus();
      return;
    case 'downscaleImage':
      // An image file the extension read (Add to Chat, the @ picker, Ask about this image): attached as if pasted.
      void images.attach([base64ToFile(message.data, message.name, message.mimeType)]);
      return;
    case 'setDraft':
      composer.setDraft(message.text);
      composer.focus();
      return;
    case 'notice':
      showNotice(message.text, message.level, message.actions, message.switchModel);
      return;
    case 'earlierMessages':
      messages.showEarlier(message);
      return;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = parseExtensionToWebviewMessage(event.data);
  if (!parsed.ok) {
    post({ type: 'reportError', message: `Ignored a malformed message: ${parsed.error}` });
    return;
  }
  if (parsed.repaired !== undefined && parsed.repaired.length > 0) {
    post({ type: 'reportError', message: `Cut or left out fields that did not fit: ${parsed.repaired.slice(0, 5).join(', ')}` });
  }
  try {
    handle(parsed.message);
  } catch (error) {
    post({ type: 'reportError', message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
});

post({ type: 'ready' });

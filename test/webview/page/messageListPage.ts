// The message list test page's script: the chat view's MessageList (English strings) in #app, fed the way the
// view's main.ts feeds it from the extension's messages, plus the streaming renderer for the cache test. Runs
// under the webview's CSP (test/webview/harness/pageServer.ts).
//
// A small stand-in for the extension lives here too: it holds the whole conversation, sends the view its last page
// (as toConversationView does) and answers the view's `loadEarlier` with the page before (as OpenConversation does,
// with the same slicing). Every message crosses as a structured clone, as postMessage delivers it, so the view never
// shares an object with the stand-in; the view's own copies are tracked with WeakRefs to see what it lets go of.
import { lastPage, pageBefore } from '../../../src/shared/messagePage';
import type { ExtensionToWebviewMessage, MessageView, WebviewToExtensionMessage } from '../../../src/shared/webviewProtocol';
import { MessageList, pageSize } from '../../../src/webview/messageList';
import { createStreamingRenderer } from '../../../src/webview/render/index';
import { englishStrings } from '../../../src/webview/webviewStrings';

let list: MessageList | undefined;
/** The stand-in extension's conversation: every message, the view's or not. */
let extension: MessageView[] = [];
let conversationId = 'c';
/** What the view posted. */
let posted: WebviewToExtensionMessage[] = [];
/** The message objects handed to the view, by id (the last one for each id). */
let handed = new Map<string, WeakRef<MessageView>>();

/** `message` as the view receives it: a structured clone, tracked. */
function delivered(message: MessageView): MessageView {
  const copy = structuredClone(message);
  handed.set(copy.id, new WeakRef(copy));
  return copy;
}

type LoadEarlier = Extract<WebviewToExtensionMessage, { type: 'loadEarlier' }>;

function requests(): LoadEarlier[] {
  return posted.filter((message): message is LoadEarlier => message.type === 'loadEarlier');
}

function app(): HTMLElement {
  const element = document.getElementById('app');
  if (!element) throw new Error('no #app');
  return element;
}

function current(): MessageList {
  if (!list) throw new Error('call open() first');
  return list;
}

const answer = (n: number): string => `Answer ${n}.\n\n\`\`\`ts\nconst value${n} = ${n};\n\`\`\`\n\nDone with ${n}.\n`;

/** The ids of turn `n`'s messages. */
const ids = (n: number): { user: string; assistant: string } => ({ user: `u${n}`, assistant: `a${n}` });

const api = {
  pageSize: (): number => pageSize,

  /** Opens the view on a conversation of `turns` finished turns (as `init` does: its last page). */
  open(turns: number): void {
    list = new MessageList(
      englishStrings,
      (message) => posted.push(message),
      () => undefined,
      () => undefined,
    );
    app().replaceChildren(list.element);
    extension = [];
    posted = [];
    handed = new Map();
    conversationId = 'c';
    for (let n = 0; n < turns; n++) {
      extension.push({ id: ids(n).user, role: 'user', content: `Question ${n}` });
      extension.push({ id: ids(n).assistant, role: 'assistant', content: answer(n), status: 'complete' });
    }
    api.reshow('c');
  },

  /** The extension's `conversation`: the open one (now with id `id`) shown again, its last page. */
  reshow(id: string): void {
    conversationId = id;
    const page = lastPage(extension);
    current().show({ id, title: 'Test', messages: page.messages.map(delivered), earlier: page.earlier }, false);
  },

  /** The view's `loadEarlier` requests so far. */
  requests,

  /**
   * Answers the view's `requestId`-th request as the extension does (the page before its `beforeId`), or with the
   * given changes; returns whether the view showed it.
   */
  answer(
    requestId: number,
    change: Partial<Pick<Extract<ExtensionToWebviewMessage, { type: 'earlierMessages' }>, 'requestId' | 'conversationId'>> = {},
  ): boolean {
    const request = requests().find((r) => r.requestId === requestId);
    if (!request) throw new Error(`the view made no request ${requestId}`);
    const page = pageBefore(extension, request.beforeId);
    if (!page) throw new Error(`the extension has no ${request.beforeId}`);
    return current().showEarlier({
      type: 'earlierMessages',
      requestId,
      conversationId,
      messages: page.messages.map(delivered),
      earlier: page.earlier,
      ...change,
    });
  },

  /** Changes a message on the extension's side only (the view hears of it when it asks). */
  changeOnExtension(id: string, content: string): void {
    const message = extension.find((m) => m.id === id);
    if (!message) throw new Error(`no ${id}`);
    message.content = content;
  },

  /** Clicks "show earlier" (false when there is none). */
  clickShowEarlier(): boolean {
    const button = current().element.querySelector<HTMLButtonElement>('.show-earlier');
    button?.click();
    return button !== null;
  },

  /** The "show earlier" button's text and state, or undefined when there is none. */
  showEarlier(): { label: string; busy: boolean; first: boolean } | undefined {
    const button = current().element.querySelector<HTMLButtonElement>('.show-earlier');
    return button
      ? {
          label: button.textContent ?? '',
          busy: button.getAttribute('aria-busy') === 'true',
          first: current().element.firstElementChild === button,
        }
      : undefined;
  },

  /** What has the focus: the show-earlier button, the list, or something else. */
  focused(): string {
    const active = document.activeElement;
    if (active?.classList.contains('show-earlier')) return 'show-earlier';
    if (active === current().element) return 'list';
    return active?.tagName.toLowerCase() ?? 'none';
  },

  /** Ids of the messages handed to the view that are still alive (call after a full garbage collection). */
  alive: (): string[] => [...handed].filter(([, ref]) => ref.deref() !== undefined).map(([id]) => id),

  /** Makes the list a scroll box of `height` pixels (through CSSOM: the CSP blocks style attributes). */
  boxed(height: number): void {
    const element = current().element;
    element.style.height = `${height}px`;
    element.style.overflowY = 'auto';
  },

  /** Streams turns `from`…`to - 1` as the extension posts them: user, streaming answer, deltas, final, busy. */
  stream(from: number, to: number): void {
    const view = current();
    for (let n = from; n < to; n++) {
      const { user, assistant } = ids(n);
      const question: MessageView = { id: user, role: 'user', content: `Question ${n}` };
      extension.push(question);
      view.upsert(delivered(question));
      const streaming: MessageView = {
        id: assistant,
        role: 'assistant',
        content: '',
        status: 'streaming',
        provider: 'openai',
        model: 'gpt-4o-mini',
      };
      view.upsert(delivered(streaming));
      view.setBusy(true);
      const text = answer(n);
      for (let at = 0; at < text.length; at += 7) view.delta(assistant, text.slice(at, at + 7));
      const final: MessageView = { ...streaming, content: text, status: 'complete' };
      extension.push(final);
      view.upsert(delivered(final));
      view.setBusy(false);
    }
  },

  /** A message added or changed as a whole (the extension's `message`). */
  upsert(message: MessageView): void {
    const index = extension.findIndex((m) => m.id === message.id);
    if (index >= 0) extension[index] = message;
    else extension.push(message);
    current().upsert(delivered(message));
  },

  /** Resolves after the next animation frame (the list scrolls to its end in one). */
  frame: (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve())),

  scrollTo(top: number): void {
    current().element.scrollTop = top;
  },

  /** The data-id of every rendered message, in order. */
  renderedIds: (): string[] =>
    Array.from(current().element.querySelectorAll<HTMLElement>('article.message')).map((element) => element.dataset['id'] ?? ''),

  /** Text of a rendered message's body, or undefined. */
  textOf: (id: string): string | undefined =>
    current().element.querySelector(`article.message[data-id="${id}"] .message-body, article.message[data-id="${id}"] .message-text`)
      ?.textContent ?? undefined,

  showEarlierButtons: (): number => current().element.querySelectorAll('.show-earlier').length,

  /** Clicks "show earlier" and answers its request, until every message is rendered; returns the clicks. */
  showAll(): number {
    let clicks = 0;
    while (api.clickShowEarlier()) {
      clicks++;
      const request = requests().at(-1);
      if (!request || !api.answer(request.requestId)) throw new Error('the view did not show its answer');
      if (clicks > 1_000) throw new Error('show earlier never ends');
    }
    return clicks;
  },

  /**
   * Streams `text`, finishes, then renders the same text again with reset(): the highlight.js calls of that second
   * render (0 if the renderer still held its highlighted code after finish()).
   */
  highlightCallsAfterFinish(text: string): number {
    const container = document.createElement('div');
    app().replaceChildren(container);
    const renderer = createStreamingRenderer(container);
    for (let at = 0; at < text.length; at += 5) renderer.append(text.slice(at, at + 5));
    renderer.finish();
    renderer.reset(text);
    renderer.finish();
    const calls = renderer.stats.highlightCalls;
    renderer.dispose();
    return calls;
  },
};

export type MessageListPageApi = typeof api;

(window as unknown as { sbList: MessageListPageApi }).sbList = api;

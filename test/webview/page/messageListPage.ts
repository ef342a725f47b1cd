// The message list test page's script: the chat view's MessageList (English strings) in #app, fed the way the
// view's main.ts feeds it from the extension's messages, plus the streaming renderer for the cache test. Runs
// under the webview's CSP (test/webview/harness/pageServer.ts).
import type { MessageView } from '../../../src/shared/webviewProtocol';
import { MessageList, pageSize } from '../../../src/webview/messageList';
import { createStreamingRenderer } from '../../../src/webview/render/index';
import { webviewStringsFor } from '../../../src/webview/webviewStrings';

let list: MessageList | undefined;

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

  /** Opens the view on a conversation of `turns` finished turns (as `init` does). */
  open(turns: number): void {
    list = new MessageList(webviewStringsFor('en'), () => undefined, () => undefined, () => undefined);
    app().replaceChildren(list.element);
    const messages: MessageView[] = [];
    for (let n = 0; n < turns; n++) {
      messages.push({ id: ids(n).user, role: 'user', content: `Question ${n}` });
      messages.push({ id: ids(n).assistant, role: 'assistant', content: answer(n), status: 'complete' });
    }
    list.show({ id: 'c', title: 'Test', messages }, false);
  },

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
      view.upsert({ id: user, role: 'user', content: `Question ${n}` });
      const streaming: MessageView = { id: assistant, role: 'assistant', content: '', status: 'streaming', provider: 'openai', model: 'gpt-4o-mini' };
      view.upsert(streaming);
      view.setBusy(true);
      const text = answer(n);
      for (let at = 0; at < text.length; at += 7) view.delta(assistant, text.slice(at, at + 7));
      view.upsert({ ...streaming, content: text, status: 'complete' });
      view.setBusy(false);
    }
  },

  /** A message changed as a whole (the extension's `message` for an existing id). */
  upsert(message: MessageView): void {
    current().upsert(message);
  },

  /** Resolves after the next animation frame (the list scrolls to its end in one). */
  frame: (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve())),

  scrollTo(top: number): void {
    current().element.scrollTop = top;
  },

  /** The data-id of every rendered message, in order. */
  renderedIds: (): string[] => Array.from(current().element.querySelectorAll<HTMLElement>('article.message')).map((element) => element.dataset['id'] ?? ''),

  /** Text of a rendered message's body, or undefined. */
  textOf: (id: string): string | undefined => current().element.querySelector(`article.message[data-id="${id}"] .message-body, article.message[data-id="${id}"] .message-text`)?.textContent ?? undefined,

  showEarlierButtons: (): number => current().element.querySelectorAll('.show-earlier').length,

  /** Clicks "show earlier" until every message is rendered; returns the clicks. */
  showAll(): number {
    let clicks = 0;
    for (let button = current().element.querySelector<HTMLButtonElement>('.show-earlier'); button; button = current().element.querySelector<HTMLButtonElement>('.show-earlier')) {
      button.click();
      clicks++;
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

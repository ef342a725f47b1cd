// The conversation as the chat view shows it. Finished messages are rendered once; a streamed answer goes through
// the incremental renderer, so a chunk costs the same at the end of a long answer as at its start (SPEC §5, §10).
// A long conversation opens with its last messages; earlier ones are rendered on request, so opening stays fast.
// While the view follows the end, it keeps only the last page rendered as answers keep coming: a view left open
// for a thousand answers holds the same DOM as one opened on them (the soak benchmark, bench/soak, holds it to that).
import type { ConversationView, ErrorAction, MessageView, WebviewToExtensionMessage } from '../shared/webviewProtocol';
import { h, iconButton } from './dom';
import { createStreamingRenderer, renderMarkdown, type MarkdownRenderOptions, type StreamingRenderer } from './render';
import { format, type WebviewStrings } from './webviewStrings';

/** Messages rendered when a conversation opens; earlier ones come in pages of this size. */
export const pageSize = 60;

interface RenderedMessage {
  view: MessageView;
  element: HTMLElement;
  renderer?: StreamingRenderer;
}

export class MessageList {
  readonly element: HTMLElement;
  private readonly rendered = new Map<string, RenderedMessage>();
  private messages: MessageView[] = [];
  /** Index in `messages` of the first rendered message. */
  private firstRendered = 0;
  private busy = false;
  private scrollQueued = false;
  private readonly markdownOptions: MarkdownRenderOptions;

  constructor(
    private readonly strings: WebviewStrings,
    private readonly post: (message: WebviewToExtensionMessage) => void,
    private readonly announce: (text: string) => void,
    private readonly onEdit: (message: MessageView) => void,
  ) {
    // aria-live stays off on the list itself: a screen reader would read every streamed chunk. Finished answers
    // are announced once through the view's live region instead.
    this.element = h('section', { id: 'messages', class: 'messages', role: 'log', 'aria-live': 'off', 'aria-label': strings.history, tabindex: '0' });
    this.markdownOptions = {
      strings: {
        copy: strings.copy,
        insertAtCursor: strings.insertAtCursor,
        applyAsDiff: strings.applyAsDiff,
        saveAsNewFile: strings.saveAsNewFile,
        codeBlock: strings.codeBlock,
        codeActions: strings.codeActions,
        plainText: strings.plainText,
        image: strings.image,
      },
      onLinkClick: (href) => this.post({ type: 'openLink', href }),
      onCodeAction: (action, block) => this.post({ type: 'codeAction', action, code: block.code, ...(block.language ? { language: block.language } : {}) }),
    };
  }

  show(conversation: ConversationView, busy: boolean): void {
    for (const item of this.rendered.values()) item.renderer?.dispose();
    this.rendered.clear();
    this.messages = [...conversation.messages];
    this.busy = busy;
    this.firstRendered = Math.max(0, this.messages.length - pageSize);
    this.element.replaceChildren();
    if (this.messages.length === 0) {
      this.element.append(this.emptyState());
      return;
    }
    if (this.firstRendered > 0) this.element.append(this.showEarlierButton());
    const fragment = document.createDocumentFragment();
    for (const message of this.messages.slice(this.firstRendered)) fragment.append(this.renderMessage(message).element);
    this.element.append(fragment);
    this.updateRegenerate();
    this.scrollToEnd(true);
  }

  /** A message was added, or changed as a whole (its metadata, its final state). */
  upsert(view: MessageView): void {
    const existing = this.rendered.get(view.id);
    const index = this.indexOf(view.id);
    if (!existing && index >= 0) {
      // An earlier message that is not rendered (before the page shown): kept for "show earlier", not appended.
      this.messages[index] = view;
      return;
    }
    if (!existing) {
      this.element.querySelector('#empty-state')?.remove();
      // Following: at the end, or about to be scrolled there for the message just before this one.
      const following = this.scrollQueued || this.nearEnd();
      this.messages.push(view);
      this.element.append(this.renderMessage(view).element);
      if (following) this.keepLastPage();
      this.updateRegenerate();
      this.scrollToEnd(true);
      return;
    }
    if (index >= 0) this.messages[index] = view;
    const wasStreaming = existing.view.status === 'streaming';
    existing.view = view;
    if (view.role === 'assistant') {
      if (wasStreaming && view.status !== 'streaming') {
        // The stream's own deltas built the text; if they were missed (the view was hidden), render the whole.
        if (existing.renderer && existing.renderer.getText() !== normalizeNewlines(view.content)) existing.renderer.reset(view.content);
        existing.renderer?.finish();
        this.announce(format(this.strings.answerReady, modelName(view) ?? this.strings.assistant, view.content.slice(0, 200)));
      }
      this.updateAssistantChrome(existing);
    }
    this.updateRegenerate();
    this.scrollToEnd(false);
  }

  delta(messageId: string, text: string): void {
    const item = this.rendered.get(messageId);
    if (!item?.renderer || item.renderer.finished) return;
    item.renderer.append(text);
    item.view = { ...item.view, content: item.view.content + text };
    item.element.querySelector('.message-status')?.replaceChildren();
    this.scrollToEnd(false);
  }

  status(messageId: string, text: string): void {
    const item = this.rendered.get(messageId);
    item?.element.querySelector('.message-status')?.replaceChildren(h('span', { class: 'codicon codicon-loading codicon-modifier-spin', 'aria-hidden': 'true' }), ` ${text}`);
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.updateRegenerate();
  }

  private renderMessage(view: MessageView): RenderedMessage {
    const item: RenderedMessage = view.role === 'user' ? this.renderUser(view) : this.renderAssistant(view);
    this.rendered.set(view.id, item);
    return item;
  }

  private renderUser(view: MessageView): RenderedMessage {
    const edit = iconButton('edit', this.strings.edit, { class: 'icon-button message-action' });
    edit.addEventListener('click', () => this.onEdit(view));
    const chips = (view.contexts ?? []).map((chip) =>
      h('span', { class: 'chip', title: chip.truncated ? this.strings.contextTruncated : format(this.strings.contextSize, chip.chars) },
        h('span', { class: `codicon codicon-${chip.kind === 'file' ? 'file' : 'code'}`, 'aria-hidden': 'true' }),
        ` ${chip.label}`),
    );
    const element = h('article', { class: 'message user', 'data-id': view.id, 'aria-label': this.strings.you },
      h('header', { class: 'message-header' }, h('span', { class: 'codicon codicon-account', 'aria-hidden': 'true' }), h('span', { class: 'author' }, this.strings.you), edit),
      chips.length > 0 ? h('div', { class: 'chips' }, ...chips) : undefined,
      h('div', { class: 'message-text' }, view.content),
    );
    return { view, element };
  }

  private renderAssistant(view: MessageView): RenderedMessage {
    const body = h('div', { class: 'message-body' });
    const element = h('article', { class: 'message assistant', 'data-id': view.id },
      h('header', { class: 'message-header' }),
      body,
      h('div', { class: 'message-images' }),
      h('div', { class: 'message-status', role: 'status' }),
      h('div', { class: 'message-error' }),
      h('footer', { class: 'message-footer' }),
    );
    const item: RenderedMessage = { view, element };
    if (view.status === 'streaming') {
      item.renderer = createStreamingRenderer(body, this.markdownOptions);
      if (view.content) item.renderer.append(view.content);
    } else {
      body.append(renderMarkdown(view.content, this.markdownOptions));
    }
    this.updateAssistantChrome(item);
    return item;
  }

  /** Everything of an answer but its text: who answered, state, errors with their fixes, usage. */
  private updateAssistantChrome(item: RenderedMessage): void {
    const { view, element } = item;
    element.setAttribute('aria-busy', String(view.status === 'streaming'));
    element.setAttribute('aria-label', modelName(view) ?? this.strings.assistant);
    const badges: (Node | string)[] = [];
    if (view.status === 'streaming') badges.push(h('span', { class: 'badge' }, this.strings.streaming));
    if (view.status === 'stopped') badges.push(h('span', { class: 'badge badge-stopped' }, this.strings.statusStopped));
    if (view.status === 'error') badges.push(h('span', { class: 'badge badge-error' }, this.strings.statusError));
    if (view.cached) badges.push(h('span', { class: 'badge' }, this.strings.cached));
    if (view.fallbackFrom) badges.push(h('span', { class: 'badge', title: format(this.strings.fallbackFrom, view.fallbackFrom) }, format(this.strings.fallbackFrom, view.fallbackFrom)));
    element.querySelector('.message-header')?.replaceChildren(
      h('span', { class: 'codicon codicon-hubot', 'aria-hidden': 'true' }),
      h('span', { class: 'author' }, modelName(view) ?? this.strings.assistant),
      ...badges,
    );
    if (view.status !== 'streaming') element.querySelector('.message-status')?.replaceChildren();

    const errorBox = element.querySelector('.message-error');
    if (errorBox) {
      if (view.error) {
        const buttons = view.error.actions.map((action) => {
          const button = h('button', { type: 'button', class: 'secondary-button' }, this.actionLabel(action));
          button.addEventListener('click', () => this.post({ type: 'errorAction', action, messageId: view.id }));
          return button;
        });
        errorBox.setAttribute('role', 'alert');
        errorBox.replaceChildren(
          h('div', { class: 'error-text' }, h('span', { class: 'codicon codicon-error', 'aria-hidden': 'true' }), ` ${view.error.message}`),
          h('div', { class: 'error-actions' }, ...buttons),
        );
      } else {
        errorBox.replaceChildren();
      }
    }

    const images = element.querySelector('.message-images');
    images?.replaceChildren(...(view.images ?? []).map((image) => h('figure', {}, h('img', { src: image.src, alt: image.alt }), h('figcaption', {}, image.path))));

    const footer = element.querySelector('.message-footer');
    if (footer) {
      const usage = view.usage && (view.usage.inputTokens !== undefined || view.usage.outputTokens !== undefined)
        ? h('span', { class: 'usage' }, format(this.strings.usage, view.usage.inputTokens ?? '?', view.usage.outputTokens ?? '?'))
        : undefined;
      const regenerate = iconButton('refresh', this.strings.regenerate, { class: 'icon-button message-action regenerate' });
      regenerate.addEventListener('click', () => this.post({ type: 'regenerate' }));
      footer.replaceChildren(...[usage, regenerate].filter((node): node is HTMLElement => node !== undefined));
    }
  }

  /** Only the last answer can be regenerated, and not while one is streaming. */
  private updateRegenerate(): void {
    const last = this.messages.at(-1);
    for (const [id, item] of this.rendered) {
      const button = item.element.querySelector<HTMLButtonElement>('.regenerate');
      if (button) button.hidden = this.busy || id !== last?.id;
    }
  }

  private actionLabel(action: ErrorAction): string {
    switch (action) {
      case 'setKey':
        return this.strings.actionSetKey;
      case 'openSettings':
        return this.strings.actionOpenSettings;
      case 'retry':
        return this.strings.actionRetry;
      case 'switchModel':
        return this.strings.actionSwitchModel;
      case 'openLog':
        return this.strings.actionOpenLog;
    }
  }

  /** Index in `messages` of `id`, searched from the end (updates are nearly always of the last messages). */
  private indexOf(id: string): number {
    for (let i = this.messages.length - 1; i >= 0; i--) if (this.messages[i]!.id === id) return i;
    return -1;
  }

  /**
   * Un-renders the oldest messages beyond the last page (their renderers disposed, their DOM dropped) and puts
   * "show earlier" before the rest. Only while the reader follows the end: what someone scrolled up to read stays.
   */
  private keepLastPage(): void {
    const excess = this.messages.length - this.firstRendered - pageSize;
    if (excess <= 0) return;
    for (const message of this.messages.slice(this.firstRendered, this.firstRendered + excess)) {
      const item = this.rendered.get(message.id);
      if (!item) continue;
      item.renderer?.dispose();
      item.element.remove();
      this.rendered.delete(message.id);
    }
    this.firstRendered += excess;
    this.element.querySelector(':scope > .show-earlier')?.remove();
    this.element.insertBefore(this.showEarlierButton(), this.element.firstChild);
  }

  private showEarlierButton(): HTMLElement {
    const button = h('button', { type: 'button', class: 'secondary-button show-earlier' }, format(this.strings.showEarlier, Math.min(pageSize, this.firstRendered)));
    button.addEventListener('click', () => {
      const from = Math.max(0, this.firstRendered - pageSize);
      const fragment = document.createDocumentFragment();
      for (const message of this.messages.slice(from, this.firstRendered)) fragment.append(this.renderMessage(message).element);
      this.firstRendered = from;
      const anchor = button.nextSibling;
      button.remove();
      this.element.insertBefore(fragment, anchor);
      if (from > 0) this.element.insertBefore(this.showEarlierButton(), this.element.firstChild);
    });
    return button;
  }

  private emptyState(): HTMLElement {
    return h('section', { id: 'empty-state', class: 'empty-state', 'aria-labelledby': 'empty-state-title' },
      h('div', { class: 'codicon codicon-comment-discussion empty-state-icon', 'aria-hidden': 'true' }),
      h('h2', { id: 'empty-state-title' }, this.strings.emptyTitle),
      h('p', {}, this.strings.emptyBody),
      h('p', { class: 'empty-state-hint' }, this.strings.emptyHint),
    );
  }

  /** Whether the list is scrolled to (nearly) its end: the reader follows new text. */
  private nearEnd(): boolean {
    return this.element.scrollHeight - this.element.scrollTop - this.element.clientHeight < 80;
  }

  /** Keeps the newest text in view, unless the user scrolled up to read. */
  private scrollToEnd(force: boolean): void {
    if (!force && !this.nearEnd()) return;
    if (this.scrollQueued) return;
    this.scrollQueued = true;
    requestAnimationFrame(() => {
      this.scrollQueued = false;
      this.element.scrollTop = this.element.scrollHeight;
    });
  }
}

function modelName(view: MessageView): string | undefined {
  return view.provider && view.model ? `${view.provider}/${view.model}` : view.model;
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

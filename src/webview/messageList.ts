// The conversation as the chat view shows it. Finished messages are rendered once; a streamed answer goes through
// the incremental renderer, so a chunk costs the same at the end of a long answer as at its start (docs/chat.md, docs/performance.md).
// A long conversation opens with its last page; earlier pages are fetched from the extension on request
// ("show earlier": `loadEarlier`, answered by `earlierMessages`), so opening stays fast. The view holds only what it
// renders: while it follows the end, messages that leave the last page are dropped, DOM and text, so a view left open
// for a thousand answers holds the same as one opened on them (the soak benchmark, bench/soak, holds it to that).
import { lastPage, pageSize } from '../shared/messagePage';
import { protocolLimits } from '../shared/webviewProtocol';
import type {
  ConversationView,
  ErrorAction,
  ExtensionToWebviewMessage,
  MessageView,
  WebviewToExtensionMessage,
} from '../shared/webviewProtocol';
import { AnswerBody } from './answerBody';
import { contextChip } from './contextChips';
import { codiconClass } from './codiconNames';
import { h, iconButton } from './dom';
import { messageImages } from './images/messageImages';
import { codeBlockPaths, type MarkdownRenderOptions } from './render';
import { costText } from './costText';
import { format, type WebviewStrings } from './webviewStrings';

export { pageSize };

type EarlierMessages = Extract<ExtensionToWebviewMessage, { type: 'earlierMessages' }>;

interface RenderedMessage {
  view: MessageView;
  element: HTMLElement;
  /** An answer's text and tool cards. */
  body?: AnswerBody;
}

export class MessageList {
  readonly element: HTMLElement;
  private readonly rendered = new Map<string, RenderedMessage>();
  /** The messages rendered, in order: all the view holds of the conversation. */
  private messages: MessageView[] = [];
  /** Messages of the conversation before `messages`, held by the extension only. */
  private earlier = 0;
  private conversationId = '';
  private earlierButton: HTMLButtonElement | undefined;
  /** The `loadEarlier` waiting for its answer; any other answer is stale. */
  private pending: { requestId: number; beforeId: string } | undefined;
  private lastRequestId = 0;
  private busy = false;
  private modelChosen = true;
  private scrollQueued = false;
  private readonly markdownOptions: MarkdownRenderOptions;

  constructor(
    private readonly strings: WebviewStrings,
    private readonly post: (message: WebviewToExtensionMessage) => void,
    private readonly announce: (text: string) => void,
    private readonly onEdit: (message: MessageView) => void,
  ) {
    // aria-live stays off on the list itself: a screen reader would read every streamed chunk. Finished answers
    // are announced once through the view's live region instead. The list scrolls, so it is a tab stop (the arrow
    // keys then scroll it; axe's scrollable-region-focusable), named for what it holds.
    this.element = h('section', {
      id: 'messages',
      class: 'messages',
      role: 'log',
      'aria-live': 'off',
      'aria-label': strings.messageList,
      tabindex: '0',
    });
    this.markdownOptions = {
      strings: {
        copy: strings.copy,
        insertAtCursor: strings.insertAtCursor,
        applyAsDiff: strings.applyAsDiff,
        applyTo: strings.applyTo,
        saveAsNewFile: strings.saveAsNewFile,
        codeBlock: strings.codeBlock,
        codeBlockFile: strings.codeBlockFile,
        codeActions: strings.codeActions,
        plainText: strings.plainText,
        image: strings.image,
      },
      onLinkClick: (href) => this.post({ type: 'openLink', href }),
    };
  }

  /** The renderer's options for one answer: its code blocks' buttons say which answer they belong to. */
  private markdownOptionsFor(messageId: string): MarkdownRenderOptions {
    return {
      ...this.markdownOptions,
      onCodeAction: (action, block) =>
        this.post({
          type: 'codeAction',
          action,
          code: block.code,
          ...(block.language ? { language: block.language } : {}),
          // The info string names the file (codeBlockTarget.ts); one longer than the protocol carries names none.
          ...(block.info && block.info.length <= protocolLimits.shortText ? { info: block.info } : {}),
          messageId,
        }),
    };
  }

  show(conversation: ConversationView, busy: boolean): void {
    for (const item of this.rendered.values()) item.body?.dispose();
    this.rendered.clear();
    // The extension sends the last page; more than that (an older sender) is held to it too.
    const page = lastPage(conversation.messages);
    this.messages = page.messages;
    this.earlier = (conversation.earlier ?? 0) + page.earlier;
    this.conversationId = conversation.id;
    this.pending = undefined;
    this.earlierButton = undefined;
    this.busy = busy;
    this.element.replaceChildren();
    if (this.messages.length === 0 && this.earlier === 0) {
      this.element.append(this.emptyState());
      return;
    }
    this.updateShowEarlier();
    const fragment = document.createDocumentFragment();
    for (const message of this.messages) fragment.append(this.renderMessage(message).element);
    this.element.append(fragment);
    this.updateRegenerate();
    this.scrollToEnd(true);
  }

  /** A message was added, or changed as a whole (its metadata, its final state). */
  upsert(view: MessageView): void {
    const existing = this.rendered.get(view.id);
    const index = this.indexOf(view.id);
    // The extension posts `message` only for the newest messages (a new question, the answer being streamed); a
    // change further back comes as a whole `conversation`. So a message the view does not hold is a new one.
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
      // The stream's own deltas built the text; if they were missed (the view was hidden), the body renders the whole.
      existing.body?.update(view);
      if (wasStreaming && view.status !== 'streaming')
        this.announce(format(this.strings.answerReady, modelName(view) ?? this.strings.assistant, view.content.slice(0, 200)));
      this.updateAssistantChrome(existing);
    }
    this.updateRegenerate();
    this.scrollToEnd(false);
  }

  delta(messageId: string, text: string): void {
    const item = this.rendered.get(messageId);
    const renderer = item?.body?.streaming;
    if (!item || !renderer) return;
    renderer.append(text);
    item.view = { ...item.view, content: item.view.content + text };
    item.element.querySelector('.message-status')?.replaceChildren();
    this.scrollToEnd(false);
  }

  status(messageId: string, text: string): void {
    const item = this.rendered.get(messageId);
    item?.element
      .querySelector('.message-status')
      ?.replaceChildren(h('span', { class: `${codiconClass('loading')} codicon-modifier-spin`, 'aria-hidden': 'true' }), ` ${text}`);
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.updateRegenerate();
  }

  /** How many messages follow `id` (an edit of it removes them); undefined when the list has no such message. */
  countAfter(id: string): number | undefined {
    const index = this.indexOf(id);
    return index < 0 ? undefined : this.messages.length - index - 1;
  }

  private renderMessage(view: MessageView): RenderedMessage {
    const item: RenderedMessage = view.role === 'user' ? this.renderUser(view) : this.renderAssistant(view);
    this.rendered.set(view.id, item);
    return item;
  }

  private renderUser(view: MessageView): RenderedMessage {
    const edit = iconButton('edit', this.strings.edit, { class: 'icon-button message-action' });
    edit.addEventListener('click', () => this.onEdit(view));
    const chips = (view.contexts ?? []).map((chip) => contextChip(chip, { strings: this.strings, post: this.post, messageId: view.id }));
    const element = h(
      'article',
      { class: 'message user', 'data-id': view.id, 'aria-label': this.strings.you },
      h(
        'header',
        { class: 'message-header' },
        h('span', { class: codiconClass('account'), 'aria-hidden': 'true' }),
        h('span', { class: 'author' }, this.strings.you),
        edit,
      ),
      chips.length > 0 ? h('div', { class: 'chips' }, ...chips) : undefined,
      messageImages(view, this.strings, this.post),
      h('div', { class: 'message-text' }, view.content),
    );
    const answer = this.messages[this.indexOf(view.id) + 1];
    if (answer !== undefined && isFailedAnswer(answer)) this.markFailedTurn(element, true);
    return { view, element };
  }

  /**
   * A turn whose answer failed before its first word is left out of the history sent to a model (issue 13): its
   * question and answer are shown muted, with a note saying so; Retry replaces the turn.
   */
  private markFailedTurn(element: HTMLElement, failed: boolean): void {
    element.classList.toggle('failed-turn', failed);
    element.querySelector(':scope > .message-header > .failed-note')?.remove();
    if (failed)
      element
        .querySelector(':scope > .message-header > .author')
        ?.after(h('span', { class: 'failed-note', title: this.strings.failedTurnTitle }, this.strings.notSentAsHistory));
  }

  private renderAssistant(view: MessageView): RenderedMessage {
    const body = new AnswerBody(view, this.markdownOptionsFor(view.id), {
      strings: this.strings,
      post: this.post,
      announce: this.announce,
      messageId: view.id,
    });
    const element = h(
      'article',
      { class: 'message assistant', 'data-id': view.id },
      h('header', { class: 'message-header' }),
      body.element,
      h('div', { class: 'message-notes' }),
      h('div', { class: 'message-images' }),
      h('div', { class: 'message-status', role: 'status' }),
      h('div', { class: 'message-error' }),
      h('footer', { class: 'message-footer' }),
    );
    const item: RenderedMessage = { view, element, body };
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
    if (view.cached)
      badges.push(h('span', { class: 'badge' }, view.cachedQuestion !== undefined ? this.strings.semanticCached : this.strings.cached));
    if (view.fallbackFrom)
      badges.push(
        h(
          'span',
          { class: 'badge', title: format(this.strings.fallbackFrom, view.fallbackFrom) },
          format(this.strings.fallbackFrom, view.fallbackFrom),
        ),
      );
    element
      .querySelector('.message-header')
      ?.replaceChildren(
        h('span', { class: codiconClass('hubot'), 'aria-hidden': 'true' }),
        h('span', { class: 'author' }, modelName(view) ?? this.strings.assistant),
        ...badges,
      );
    if (view.status !== 'streaming') element.querySelector('.message-status')?.replaceChildren();
    const failed = isFailedAnswer(view);
    this.markFailedTurn(element, failed);
    const question = this.messages[this.indexOf(view.id) - 1];
    const questionElement = question?.role === 'user' ? this.rendered.get(question.id)?.element : undefined;
    if (questionElement) this.markFailedTurn(questionElement, failed);

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
          h('div', { class: 'error-text' }, h('span', { class: codiconClass('error'), 'aria-hidden': 'true' }), ` ${view.error.message}`),
          h('div', { class: 'error-actions' }, ...buttons),
        );
      } else {
        errorBox.replaceChildren();
      }
    }

    // Notes under the answer (the step limit, a refused repeat: docs/chat.md "Tools"), rebuilt only when they change.
    const notes = element.querySelector<HTMLElement>(':scope > .message-notes');
    const notesKey = JSON.stringify(view.notes ?? []);
    if (notes && notes.dataset['key'] !== notesKey) {
      notes.dataset['key'] = notesKey;
      notes.replaceChildren(
        ...(view.notes ?? []).map((text) =>
          h('div', { class: 'message-note' }, h('span', { class: codiconClass('info'), 'aria-hidden': 'true' }), ` ${text}`),
        ),
      );
    }

    this.updateCachedQuestion(element, view);

    // Rebuilt only when they changed, so a toolbar keeps the focus across the answer's other updates.
    const images = element.querySelector<HTMLElement>(':scope > .message-images');
    const imagesKey = JSON.stringify(view.images ?? []);
    if (images && images.dataset['key'] !== imagesKey) {
      const shown = messageImages(view, this.strings, this.post) ?? h('div', { class: 'message-images' });
      shown.dataset['key'] = imagesKey;
      images.replaceWith(shown);
    }

    const footer = element.querySelector('.message-footer');
    if (footer) {
      const tokens =
        view.usage && (view.usage.inputTokens !== undefined || view.usage.outputTokens !== undefined)
          ? format(
              view.usage.cachedInputTokens ? this.strings.usageCached : this.strings.usage,
              view.usage.inputTokens ?? '?',
              view.usage.outputTokens ?? '?',
              view.usage.cachedInputTokens ?? 0,
            )
          : undefined;
      // The cost next to the tokens (docs/spend.md "Cost"): "… · $0.0021", "· cost unknown", "· ≈ $0.002 (estimated)".
      const cost = view.cost !== undefined ? costText(view.cost, this.strings) : undefined;
      const usage =
        tokens !== undefined || cost !== undefined
          ? h(
              'span',
              { class: 'usage', ...(cost !== undefined ? { title: this.strings.costTitle } : {}) },
              [tokens, cost].filter((part) => part !== undefined).join(' · '),
            )
          : undefined;
      const regenerate = iconButton('refresh', this.strings.regenerate, { class: 'icon-button message-action regenerate' });
      regenerate.addEventListener('click', () => this.post({ type: 'regenerate' }));
      const applyAll = view.status === 'streaming' ? undefined : this.applyAllButton(view.id, element);
      footer.replaceChildren(...[usage, applyAll, regenerate].filter((node): node is HTMLElement => node !== undefined));
    }
  }

  /**
   * "Apply all (N files)" for a finished answer whose code blocks name two or more different files (docs/chat.md,
   * "Applying code"); undefined otherwise. Reads the files the code block widgets found when they were built.
   */
  private applyAllButton(messageId: string, element: HTMLElement): HTMLButtonElement | undefined {
    const body = element.querySelector('.message-body');
    const files = [...new Set(body ? codeBlockPaths(body) : [])];
    if (files.length < 2) return undefined;
    const label = format(this.strings.applyAllLabel, files.length);
    const button = h(
      'button',
      // The tooltip lists the files (the first ten): what "all" is, before anything opens.
      { type: 'button', class: 'secondary-button apply-all', 'aria-label': label, title: [label, ...files.slice(0, 10)].join('\n') },
      h('span', { class: codiconClass('diff-multiple'), 'aria-hidden': 'true' }),
      format(this.strings.applyAll, files.length),
    );
    button.addEventListener('click', () => this.post({ type: 'applyAll', messageId }));
    return button;
  }

  /**
   * An answer of the semantic cache says so under its header, with the earlier question it was given to and an
   * "Ask fresh" button that sends the question to the model (docs/moderation-and-caching.md).
   */
  private updateCachedQuestion(element: HTMLElement, view: MessageView): void {
    const existing = element.querySelector<HTMLElement>(':scope > .semantic-cache');
    const key = view.cachedQuestion ?? '';
    if (existing?.dataset['key'] === key) return;
    existing?.remove();
    if (view.cachedQuestion === undefined) return;
    const askFresh = h(
      'button',
      { type: 'button', class: 'secondary-button ask-fresh', title: this.strings.askFreshTitle },
      h('span', { class: codiconClass('refresh'), 'aria-hidden': 'true' }),
      ` ${this.strings.askFresh}`,
    );
    askFresh.addEventListener('click', () => this.post({ type: 'askFresh', messageId: view.id }));
    const note = h(
      'div',
      { class: 'message-note semantic-cache' },
      h('span', { class: codiconClass('info'), 'aria-hidden': 'true' }),
      h('span', { class: 'semantic-cache-question' }, format(this.strings.semanticCachedNote, view.cachedQuestion)),
      askFresh,
    );
    note.dataset['key'] = key;
    element.querySelector(':scope > .message-header')?.after(note);
  }

  /** Only the last answer can be regenerated, and not while one is streaming. */
  private updateRegenerate(): void {
    const last = this.messages.at(-1);
    for (const [id, item] of this.rendered) {
      const button = item.element.querySelector<HTMLButtonElement>('.regenerate');
      if (button) button.hidden = this.busy || id !== last?.id;
    }
  }

  /** The label of an action button (also for the notices' buttons). */
  actionLabel(action: ErrorAction): string {
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
      case 'raiseBudget':
        return this.strings.actionRaiseBudget;
      case 'sendAnyway':
        return this.strings.actionSendAnyway;
    }
  }

  /** Index in `messages` of `id`, searched from the end (updates are nearly always of the last messages). */
  private indexOf(id: string): number {
    for (let i = this.messages.length - 1; i >= 0; i--) if (this.messages[i]!.id === id) return i;
    return -1;
  }

  /**
   * The answer to the view's `loadEarlier`: renders its messages before the oldest one shown. An answer to a request
   * that is not the one waiting (superseded, or the view changed since: another conversation, messages trimmed) is
   * ignored. Returns whether it was shown.
   */
  showEarlier(answer: EarlierMessages): boolean {
    const pending = this.pending;
    if (
      pending === undefined ||
      answer.requestId !== pending.requestId ||
      answer.conversationId !== this.conversationId ||
      this.messages[0]?.id !== pending.beforeId
    )
      return false;
    this.pending = undefined;
    const added = answer.messages.filter((message) => !this.rendered.has(message.id));
    // Held before they are rendered: rendering a message looks at its neighbours.
    this.messages = [...added, ...this.messages];
    this.earlier = answer.earlier;
    const fragment = document.createDocumentFragment();
    for (const message of added) fragment.append(this.renderMessage(message).element);
    // After the button, before the oldest message: the button keeps its place (and the focus, if it has it).
    this.element.insertBefore(fragment, this.earlierButton?.nextSibling ?? this.element.firstChild);
    this.updateShowEarlier();
    this.updateRegenerate();
    return true;
  }

  /**
   * Drops the oldest messages beyond the last page (their renderers disposed, their DOM and text released; the
   * extension has them for "show earlier"). Only while the reader follows the end: what someone scrolled up to read
   * stays.
   */
  private keepLastPage(): void {
    const excess = this.messages.length - pageSize;
    if (excess <= 0) return;
    for (const message of this.messages.slice(0, excess)) {
      const item = this.rendered.get(message.id);
      if (!item) continue;
      item.body?.dispose();
      item.element.remove();
      this.rendered.delete(message.id);
    }
    this.messages = this.messages.slice(excess);
    this.earlier += excess;
    // A page asked for before this no longer ends where the view now starts.
    this.pending = undefined;
    this.updateShowEarlier();
  }

  /** "Show N earlier messages" first in the list while there are any; one button, kept across pages. */
  private updateShowEarlier(): void {
    const button = this.earlierButton;
    if (this.earlier === 0) {
      if (!button) return;
      const hadFocus = button === document.activeElement;
      button.remove();
      this.earlierButton = undefined;
      // Focus stays in the list rather than falling back to the document.
      if (hadFocus) this.element.focus();
      return;
    }
    const label = format(this.strings.showEarlier, Math.min(pageSize, this.earlier));
    if (button) {
      if (button.textContent !== label) button.textContent = label;
      if (this.pending === undefined) button.removeAttribute('aria-busy');
      if (this.element.firstChild !== button) this.element.insertBefore(button, this.element.firstChild);
      return;
    }
    const created = h('button', { type: 'button', class: 'secondary-button show-earlier' }, label);
    created.addEventListener('click', () => this.requestEarlier());
    this.earlierButton = created;
    this.element.insertBefore(created, this.element.firstChild);
  }

  /** Asks the extension for the page before the oldest message shown; a click while one is asked supersedes it. */
  private requestEarlier(): void {
    const oldest = this.messages[0];
    if (oldest === undefined || this.earlier === 0) return;
    this.lastRequestId += 1;
    this.pending = { requestId: this.lastRequestId, beforeId: oldest.id };
    this.earlierButton?.setAttribute('aria-busy', 'true');
    this.post({ type: 'loadEarlier', requestId: this.lastRequestId, conversationId: this.conversationId, beforeId: oldest.id });
  }

  /** Whether a chat model is chosen: without one, the empty state is the first step (docs/chat.md). */
  setModelChosen(chosen: boolean): void {
    if (chosen === this.modelChosen) return;
    this.modelChosen = chosen;
    this.element.querySelector('#empty-state')?.replaceWith(this.emptyState());
  }

  private emptyState(): HTMLElement {
    const section = h(
      'section',
      { id: 'empty-state', class: 'empty-state', 'aria-labelledby': 'empty-state-title' },
      h('div', { class: `${codiconClass('comment-discussion')} empty-state-icon`, 'aria-hidden': 'true' }),
      h('h2', { id: 'empty-state-title' }, this.strings.emptyTitle),
    );
    if (this.modelChosen) {
      section.append(h('p', {}, this.strings.emptyBody), h('p', { class: 'empty-state-hint' }, this.strings.emptyHint));
      return section;
    }
    // No model yet (a fresh profile): one sentence and the one button that does the next step. The model picker it
    // opens lists the local servers that answer and every cloud provider, those without a key as "set key…" rows.
    const next = h('button', { type: 'button', id: 'empty-state-next', class: 'empty-state-action' }, this.strings.emptyChooseModel);
    next.addEventListener('click', () => this.post({ type: 'errorAction', action: 'switchModel' }));
    section.append(h('p', {}, this.strings.emptyNoModel), next, h('p', { class: 'empty-state-hint' }, this.strings.emptyHint));
    return section;
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

/** As the extension decides what is history (toChatMessages): an answer that failed before any text. */
function isFailedAnswer(view: MessageView): boolean {
  return view.role === 'assistant' && view.status === 'error' && view.content === '';
}

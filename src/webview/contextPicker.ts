// The `@` picker: the editor's own sources (selection, current file, problems, terminal output, changes), filtered
// here, then the workspace's files and folders, which the extension searches (`queryContext`, answered by
// `contextSuggestions`). Typing never waits for it: one query is in flight at a time and only the latest typed one
// follows it; an answer older than the latest query sent is dropped (docs/chat.md).
import type { ContextSuggestion, ExtensionToWebviewMessage, WebviewToExtensionMessage } from '../shared/webviewProtocol';
import { fitText, protocolLimits } from '../shared/webviewProtocol';
import type { CodiconName } from './codiconNames';
import { kindIcon } from './contextChips';
import type { InputListbox, ListboxRow } from './inputListbox';
import type { WebviewStrings } from './webviewStrings';

type ContextSuggestions = Extract<ExtensionToWebviewMessage, { type: 'contextSuggestions' }>;
type AddContext = Extract<WebviewToExtensionMessage, { type: 'addContext' }>;

interface FixedSource {
  key: string;
  icon: CodiconName;
  label: (strings: WebviewStrings) => string;
  /** English words that find it whatever the UI's language (`@prob`, `@term`). */
  keywords: readonly string[];
  message: AddContext;
}

const fixedSources: readonly FixedSource[] = [
  {
    key: 'selection',
    icon: 'selection',
    label: (s) => s.pickSelection,
    keywords: ['selection'],
    message: { type: 'addContext', kind: 'selection' },
  },
  { key: 'file', icon: 'file', label: (s) => s.pickFile, keywords: ['file', 'current'], message: { type: 'addContext', kind: 'file' } },
  {
    key: 'problems',
    icon: 'warning',
    label: (s) => s.pickProblems,
    keywords: ['problems', 'diagnostics'],
    message: { type: 'addContext', kind: 'problems' },
  },
  {
    key: 'problems-file',
    icon: 'warning',
    label: (s) => s.pickProblemsFile,
    keywords: ['problems', 'diagnostics', 'file'],
    message: { type: 'addContext', kind: 'problems', activeFile: true },
  },
  {
    key: 'terminal',
    icon: 'terminal',
    label: (s) => s.pickTerminal,
    keywords: ['terminal', 'output'],
    message: { type: 'addContext', kind: 'terminal' },
  },
  {
    key: 'diff',
    icon: 'git-compare',
    label: (s) => s.pickDiff,
    keywords: ['changes', 'diff', 'git'],
    message: { type: 'addContext', kind: 'diff' },
  },
];

/** How long an unanswered query holds back the next one (an answer lost on the way must not stall the picker). */
const answerPatienceMs = 2000;
/** The most workspace rows shown at once: the list is for picking, not browsing. */
const maxRows = 50;

export class ContextPicker {
  private query = '';
  private lastRequestId = 0;
  /** The query sent and not answered yet, and when it was sent. */
  private inFlight: { requestId: number; sentAt: number } | undefined;
  /** The latest query while one is in flight: sent when the answer comes. */
  private queued: string | undefined;
  private suggestions: readonly ContextSuggestion[] = [];
  private indexing = false;
  private answered = false;

  constructor(
    private readonly strings: WebviewStrings,
    private readonly post: (message: WebviewToExtensionMessage) => void,
    private readonly listbox: InputListbox,
    /** Takes the `@query` text out of the input (before the pick is posted). */
    private readonly consumeQuery: () => void,
  ) {}

  get isOpen(): boolean {
    return this.listbox.isOpenFor(this);
  }

  /** Opens the picker, or filters it, for `query` (the text after `@` up to the caret). */
  show(query: string): void {
    const opening = !this.isOpen;
    if (opening) {
      this.suggestions = [];
      this.indexing = false;
      this.answered = false;
      this.inFlight = undefined;
      this.queued = undefined;
    }
    if (opening || query !== this.query) {
      this.query = query;
      this.request(query);
    }
    this.render();
  }

  close(): void {
    if (this.isOpen) this.listbox.close();
  }

  /** The extension's answer to a query: shown if it answers the latest query sent while the picker is open. */
  receive(answer: ContextSuggestions): void {
    if (answer.requestId !== this.lastRequestId) return;
    this.inFlight = undefined;
    if (!this.isOpen) return;
    this.suggestions = answer.items;
    this.indexing = answer.indexing;
    this.answered = true;
    const queued = this.queued;
    this.queued = undefined;
    if (queued !== undefined) this.request(queued);
    this.render();
  }

  private request(query: string): void {
    if (this.inFlight !== undefined && performance.now() - this.inFlight.sentAt < answerPatienceMs) {
      this.queued = query;
      return;
    }
    this.lastRequestId += 1;
    this.inFlight = { requestId: this.lastRequestId, sentAt: performance.now() };
    this.post({ type: 'queryContext', requestId: this.lastRequestId, query: fitText(query, protocolLimits.shortText) });
  }

  private render(): void {
    const rows: ListboxRow[] = [];
    const query = this.query.toLowerCase();
    for (const source of fixedSources) {
      const label = source.label(this.strings);
      const at = query === '' ? -1 : label.toLowerCase().indexOf(query);
      if (query !== '' && at < 0 && !source.keywords.some((word) => word.startsWith(query))) continue;
      rows.push({
        key: source.key,
        icon: source.icon,
        label,
        ...(at >= 0 ? { matches: Array.from({ length: query.length }, (_, offset) => at + offset) } : {}),
        pick: () => this.pick(source.message),
      });
    }
    for (const item of this.suggestions.slice(0, maxRows)) {
      rows.push({
        key: `uri:${item.uri}`,
        icon: kindIcon(this.strings, item.kind),
        label: item.label,
        ...(item.matches ? { matches: item.matches } : {}),
        description: item.description,
        pick: () => this.pick({ type: 'addContextUris', uris: [item.uri] }),
      });
    }
    const status = this.indexing
      ? this.strings.pickIndexing
      : this.answered && this.suggestions.length === 0 && query !== ''
        ? this.strings.pickNoMatches
        : undefined;
    this.listbox.show(this, this.strings.pickerLabel, rows, status);
  }

  private pick(message: WebviewToExtensionMessage): void {
    this.consumeQuery();
    this.post(message);
  }
}

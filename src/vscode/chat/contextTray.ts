// The context chips waiting to go with the next message (docs/chat.md): what the user attached (files, folders,
// problems, terminal, changes, the selection), the project's instructions, and the active editor's file offered as
// a suggestion that one click turns on. Each chip is a PendingContext read when it is added (for its size and any
// note) and read again when the message is sent, so an edited file goes out as it is then; the same item added twice
// is one chip.
import * as vscode from 'vscode';
import type { ContextItem, ImagePart } from '../../core/conversations/messagePart';
import { imageTokens } from '../../core/conversations/partTokens';
import type { ContextBudget, ContextChip } from '../../shared/webviewProtocol';
import type { PendingContext } from '../context/pendingContext';
import type { ChatViewPort } from './chatViewPort';
import { toContextChip } from './toConversationView';

interface TrayEntry {
  id: string;
  source: PendingContext;
  /** The text as read when added (or last re-read): the chip's size and note. */
  preview: ContextItem | undefined;
  /** Offered, not attached (the active editor's file). */
  suggested: boolean;
  /** Project instructions stay for every turn until removed. */
  sticky: boolean;
}

/** An image waiting to go with the next message (issue 16): stored already, by hash. */
export interface PendingImage {
  hash: string;
  mimeType: string;
  /** The file name shown on the chip and sent as the image's alt. */
  name: string;
  /** Where the stored copy is (the chip's thumbnail). */
  path: string;
}

export class ContextTray {
  private entries: TrayEntry[] = [];
  private images: { id: string; image: PendingImage }[] = [];
  private counter = 0;
  /** Keys of suggestions the user dismissed; offered again only after the active editor changes to another file. */
  private dismissed = new Set<string>();
  private readonly changeListeners = new Set<() => void>();
  /** What the next message would cost, as last worked out (ContextBudgetFeed). */
  private budget: ContextBudget | undefined;

  constructor(private readonly port: ChatViewPort) {}

  /** The budget the meter shows; posted with the chips. */
  get currentBudget(): ContextBudget | undefined {
    return this.budget;
  }

  setBudget(budget: ContextBudget | undefined): void {
    if (JSON.stringify(budget) === JSON.stringify(this.budget)) return;
    this.budget = budget;
    this.post();
  }

  /** The chips the webview shows, suggestions included, then the images. */
  get chips(): ContextChip[] {
    const chips: ContextChip[] = this.entries.map((entry) => {
      const item = entry.preview ?? { kind: entry.source.kind, label: entry.source.label, text: '' };
      return {
        ...toContextChip(item, entry.id),
        ...(entry.suggested ? { suggested: true } : {}),
        ...(entry.source.open ? { openable: true } : {}),
      };
    });
    for (const { id, image } of this.images) {
      const thumbnail = this.port.imageSrc(image.path);
      chips.push({ id, kind: 'image', label: image.name, chars: 0, tokens: imageTokens, ...(thumbnail ? { thumbnail } : {}) });
    }
    return chips;
  }

  /** Whether the user attached anything (a message of only chips may be sent; the instructions alone are not a message). */
  get hasAttached(): boolean {
    return this.images.length > 0 || this.entries.some((entry) => !entry.suggested && !entry.sticky);
  }

  /** How many images wait to go with the next message. */
  get imageCount(): number {
    return this.images.length;
  }

  /** Attaches a stored image; the same picture attached twice is one chip. */
  addImage(image: PendingImage): void {
    if (!this.images.some((candidate) => candidate.image.hash === image.hash)) {
      this.images.push({ id: `img-${++this.counter}`, image });
    }
    this.show();
  }

  /** The images as the message's parts (by hash: the conversation never carries their bytes). */
  imagesForSend(): ImagePart[] {
    return this.images.map(({ image }) => ({ type: 'image', hash: image.hash, mimeType: image.mimeType, alt: image.name }));
  }

  /** The previews of the attached chips (for the budget meter). */
  get attachedPreviews(): ContextItem[] {
    return this.entries.filter((entry) => !entry.suggested && entry.preview).map((entry) => entry.preview as ContextItem);
  }

  /** Called whenever the chips change (the budget meter follows). */
  onDidChange(listener: () => void): vscode.Disposable {
    this.changeListeners.add(listener);
    return new vscode.Disposable(() => this.changeListeners.delete(listener));
  }

  /** Attaches `sources`; one already there (attached or suggested) is attached once, not twice. */
  async add(sources: readonly PendingContext[]): Promise<void> {
    const added: TrayEntry[] = [];
    for (const source of sources) {
      const existing = this.entries.find((entry) => entry.source.key === source.key);
      if (existing) {
        existing.suggested = false;
        continue;
      }
      const entry: TrayEntry = { id: `ctx-${++this.counter}`, source, preview: undefined, suggested: false, sticky: false };
      this.entries.push(entry);
      added.push(entry);
    }
    this.show();
    await this.readPreviews(added);
  }

  /** An item already read (the selection of "Ask about selection"): attached as it is. */
  async addRead(item: ContextItem, key: string): Promise<void> {
    await this.add([{ key, kind: item.kind, label: item.label, read: () => Promise.resolve(item) }]);
  }

  /** Project instructions: attached to every turn until removed; a set that changed replaces the old one. */
  async setInstructions(sources: readonly PendingContext[]): Promise<void> {
    const keys = new Set(sources.map((source) => source.key));
    this.entries = this.entries.filter((entry) => !entry.sticky || keys.has(entry.source.key));
    const fresh = sources.filter((source) => !this.entries.some((entry) => entry.source.key === source.key));
    const added = fresh.map((source) => ({ id: `ctx-${++this.counter}`, source, preview: undefined, suggested: false, sticky: true }));
    // Instructions come first: they frame everything else in the message.
    this.entries = [...added, ...this.entries];
    this.show();
    await this.readPreviews(added);
  }

  /**
   * The active editor's file, offered as a suggestion (replacing the previous one), or none. A suggestion the user
   * dismissed is not offered again until another file has been suggested; an item already attached is not suggested.
   */
  async suggest(source: PendingContext | undefined): Promise<void> {
    const current = this.entries.find((entry) => entry.suggested);
    if (current?.source.key === source?.key) return;
    this.entries = this.entries.filter((entry) => !entry.suggested);
    if (source && current && current.source.key !== source.key) this.dismissed.clear();
    if (!source || this.dismissed.has(source.key) || this.entries.some((entry) => entry.source.key === source.key)) {
      if (current) this.show();
      return;
    }
    const entry: TrayEntry = { id: `ctx-${++this.counter}`, source, preview: undefined, suggested: true, sticky: false };
    this.entries.push(entry);
    this.show();
    await this.readPreviews([entry]);
  }

  /** Turns a suggestion on. */
  accept(id: string): void {
    const entry = this.entries.find((candidate) => candidate.id === id);
    if (!entry?.suggested) return;
    entry.suggested = false;
    this.show();
  }

  remove(id: string): void {
    if (this.images.some((candidate) => candidate.id === id)) {
      this.images = this.images.filter((candidate) => candidate.id !== id);
      this.show();
      return;
    }
    const entry = this.entries.find((candidate) => candidate.id === id);
    if (!entry) return;
    if (entry.suggested) this.dismissed.add(entry.source.key);
    this.entries = this.entries.filter((candidate) => candidate !== entry);
    this.show();
  }

  /** Opens what a waiting chip refers to; false when there is no such chip or nothing to open. */
  async open(id: string): Promise<boolean> {
    const open = this.entries.find((candidate) => candidate.id === id)?.source.open;
    if (!open) return false;
    await open();
    return true;
  }

  /**
   * The attached chips read again, now, in order (context is read when sent). A source that fails to read keeps
   * the text it had when added, so what the chip showed is what goes.
   */
  async readForSend(signal?: AbortSignal): Promise<ContextItem[]> {
    const attached = this.entries.filter((entry) => !entry.suggested);
    return Promise.all(
      attached.map(async (entry) => {
        try {
          return await entry.source.read(signal);
        } catch (error) {
          if (signal?.aborted) throw error;
          return entry.preview ?? { kind: entry.source.kind, label: entry.source.label, text: '' };
        }
      }),
    );
  }

  /** The chips were sent with a message: the attached ones and the images go, the instructions and the suggestion stay. */
  clear(): void {
    this.entries = this.entries.filter((entry) => entry.suggested || entry.sticky);
    this.images = [];
    this.show();
  }

  private async readPreviews(entries: readonly TrayEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await Promise.all(
      entries.map(async (entry) => {
        try {
          entry.preview = await entry.source.read();
        } catch {
          entry.preview = undefined;
        }
      }),
    );
    // Some may have been removed meanwhile; showing again is cheap.
    this.show();
    for (const entry of entries) {
      if (entry.preview?.truncated && this.entries.includes(entry) && !entry.suggested) {
        this.port.notice(
          vscode.l10n.t(
            '{0} is longer than the context budget (switchboard.context.maxChars); only its first {1} characters are sent.',
            entry.preview.label,
            entry.preview.text.length,
          ),
          'warning',
        );
      }
    }
  }

  private show(): void {
    this.post();
    for (const listener of this.changeListeners) listener();
  }

  private post(): void {
    this.port.post({ type: 'contexts', contexts: this.chips, ...(this.budget ? { budget: this.budget } : {}) });
  }
}

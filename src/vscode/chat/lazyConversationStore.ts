// The chat's conversation store, created on first use. The store (with its schema, merging and forking) lives in the
// lazily loaded engine bundle (docs/performance.md: the code loaded at activation stays under its budget), so the
// extension holds this stand-in from activation on and builds the real store only when the chat first reads or
// writes a conversation. Shutdown with no store yet has nothing to write.
import type { ConversationStore } from '../../core/conversations/conversationStore';

/** What the chat uses of the store. */
export type ConversationStorage = Pick<ConversationStore, 'list' | 'load' | 'save' | 'saveSoon' | 'rename' | 'delete' | 'flush'>;

export class LazyConversationStore implements ConversationStorage {
  private store: ConversationStore | undefined;

  constructor(private readonly create: () => ConversationStore) {}

  private get open(): ConversationStore {
    return (this.store ??= this.create());
  }

  list(): ReturnType<ConversationStore['list']> {
    return this.open.list();
  }

  load(id: string): ReturnType<ConversationStore['load']> {
    return this.open.load(id);
  }

  save(...args: Parameters<ConversationStore['save']>): ReturnType<ConversationStore['save']> {
    return this.open.save(...args);
  }

  saveSoon(...args: Parameters<ConversationStore['saveSoon']>): void {
    this.open.saveSoon(...args);
  }

  rename(...args: Parameters<ConversationStore['rename']>): ReturnType<ConversationStore['rename']> {
    return this.open.rename(...args);
  }

  delete(id: string): Promise<void> {
    return this.open.delete(id);
  }

  async flush(): Promise<void> {
    await this.store?.flush();
  }

  /** Writes what is pending and makes later saves immediate (shutdown); nothing to do when no store was made. */
  async dispose(): Promise<void> {
    await this.store?.dispose();
  }
}

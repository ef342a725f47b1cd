// One piece of context waiting to go with the next message (a chip): what it is, how to open what it refers to, and
// how to read it. Context is read when sent (docs/chat.md): `read` runs once when the chip is added (for its size
// and note) and again when the message goes out, and the conversation stores what that second read returned.
import type { ContextItem, ContextKind } from '../../core/conversations/messagePart';

export interface PendingContext {
  /**
   * Identity for "the same item added twice is one chip": `file:<uri>`, `folder:<uri>`, `problems:all`,
   * `problems:<uri>`, `terminal`, `diff`, `selection:<uri>#<start>-<end>`, `instructions:<uri>`.
   */
  readonly key: string;
  readonly kind: ContextKind;
  readonly label: string;
  /** Opens what the chip refers to (the file, the folder in the explorer, the Problems panel, the terminal, the SCM view). */
  readonly open?: () => Promise<void>;
  /**
   * Reads the context now. Never throws except on abort; a problem (an excluded, deleted or binary file, no
   * terminal, no repository) becomes `ContextItem.note`, so the message can still be sent.
   */
  read(signal?: AbortSignal): Promise<ContextItem>;
}

// The answer a turn is building, and its listener: every change goes through here, so the conversation and what the
// view is told never disagree.
import type { ChatEvent } from '../chat/chatTypes';
import { applyChatEvent } from '../conversations/applyChatEvent';
import type { AnswerAddition } from '../conversations/appendToAnswer';
import { appendToAnswer } from '../conversations/appendToAnswer';
import type { AssistantMessage, Conversation } from '../conversations/conversation';
import type { TurnUpdate } from './turnTypes';

export class AnswerProgress {
  constructor(
    public conversation: Conversation,
    readonly messageId: string,
    private readonly now: () => number,
    private readonly onUpdate: ((conversation: Conversation, update: TurnUpdate) => void) | undefined,
  ) {}

  /** Folds a stream event into the answer and tells the listener. */
  apply(event: ChatEvent): void {
    this.conversation = applyChatEvent(this.conversation, this.messageId, event, { now: this.now() });
    this.onUpdate?.(this.conversation, event);
  }

  /** Adds what the tool loop made (results, a note) and tells the listener `update`. */
  add(addition: AnswerAddition, update: TurnUpdate): void {
    this.conversation = appendToAnswer(this.conversation, this.messageId, addition, { now: this.now() });
    this.onUpdate?.(this.conversation, update);
  }

  tell(update: TurnUpdate): void {
    this.onUpdate?.(this.conversation, update);
  }

  answer(): AssistantMessage | undefined {
    const found = this.conversation.messages.find((message) => message.id === this.messageId);
    return found?.role === 'assistant' ? found : undefined;
  }

  /** The answer is no longer streaming (it ended, or is gone). */
  ended(): boolean {
    return this.answer()?.status !== 'streaming';
  }
}

// Regenerate, Edit and Retry as core operations on a conversation (issue 13): each prepares the conversation and
// runs the turn with the recipe stored on the question, so a regenerated or edited command turn goes out exactly
// as it first did (its system prompt, its prompt parts, its models), not as the shown text with today's settings.
import type { Conversation, TurnRecipe } from '../conversations/conversation';
import type { EditUserMessageOptions, TimeOptions } from '../conversations/conversationOps';
import { editUserMessage, truncateForRegenerate } from '../conversations/conversationOps';
import type { MessagePart } from '../conversations/messagePart';
import { isFailedAnswer } from '../conversations/toChatMessages';
import type { RunTurnOptions } from './turnRunner';
import { runTurn } from './turnRunner';

/**
 * Regenerate: drops the answer `answerId` (default: the last message, when it is an answer) and everything after
 * it, then answers the question again with its stored recipe. Returns the conversation unchanged when there is no
 * such answer and the conversation does not already end with a question.
 */
export function regenerate(conversation: Conversation, options: RunTurnOptions & { answerId?: string }): Promise<Conversation> {
  const { answerId, ...run } = options;
  const next = truncateForRegenerate(conversation, answerId, timeOf(options));
  return runTurn(next, run);
}

/**
 * Edit and resend: replaces the question `messageId`'s parts, drops every later message (the caller keeps the
 * conversation it passed in, to offer Undo), and answers with the question's recipe (editedRecipe: the same system
 * prompt, models and options; the edited parts are sent unless they are unchanged). An unknown id or an answer's id
 * changes nothing.
 */
export function editAndResend(
  conversation: Conversation,
  messageId: string,
  parts: readonly MessagePart[],
  options: RunTurnOptions & Pick<EditUserMessageOptions, 'defaultTitle' | 'recipe'>,
): Promise<Conversation> {
  const { defaultTitle, recipe, ...run } = options;
  const edited = editUserMessage(conversation, messageId, parts, {
    ...timeOf(options),
    ...(defaultTitle !== undefined ? { defaultTitle } : {}),
    ...(recipe !== undefined ? { recipe } : {}),
  });
  if (edited === conversation) return Promise.resolve(conversation);
  return runTurn(edited, run);
}

/**
 * The conversation ready to retry the failed turn whose answer is `answerId`: the failed answer is removed (the
 * retry replaces it rather than adding a second copy of the question). When the failed turn is the last one it is
 * simply answered again; when the user went on meanwhile, the question moves to the end, keeping its id and
 * recipe. Returns the input when `answerId` is not a failed answer (an error before any text) that follows a question.
 */
export function prepareRetry(conversation: Conversation, answerId: string, options: TimeOptions = {}): Conversation {
  const index = conversation.messages.findIndex((message) => message.id === answerId);
  const answer = conversation.messages[index];
  const question = conversation.messages[index - 1];
  if (answer === undefined || !isFailedAnswer(answer) || question?.role !== 'user') return conversation;
  const now = options.now ?? Date.now();
  const before = conversation.messages.slice(0, index - 1);
  const after = conversation.messages.slice(index + 1);
  return { ...conversation, messages: [...before, ...after, { ...question, createdAt: now }], updatedAt: now };
}

/** Retry: prepareRetry, then the turn runs again with the question's recipe. */
export function retryFailedTurn(conversation: Conversation, answerId: string, options: RunTurnOptions): Promise<Conversation> {
  const next = prepareRetry(conversation, answerId, timeOf(options));
  if (next === conversation) return Promise.resolve(conversation);
  return runTurn(next, options);
}

/** The recipe a question is answered with: its own, or the given default for one stored without (format 1). */
export function recipeOf(conversation: Conversation, messageId: string, defaultRecipe: TurnRecipe): TurnRecipe {
  const message = conversation.messages.find((candidate) => candidate.id === messageId);
  return message?.role === 'user' && message.recipe !== undefined ? message.recipe : defaultRecipe;
}

function timeOf(options: Pick<RunTurnOptions, 'now'>): TimeOptions {
  return options.now !== undefined ? { now: options.now() } : {};
}

/**
 * Retry from an error shown with an answer: a turn that failed before its first word is replaced (prepareRetry),
 * an answer that failed part-way is regenerated from there; without an answer id, the last answer is regenerated.
 */
export function retry(conversation: Conversation, answerId: string | undefined, options: RunTurnOptions): Promise<Conversation> {
  const prepared = answerId === undefined ? conversation : prepareRetry(conversation, answerId, timeOf(options));
  if (prepared !== conversation) return runTurn(prepared, options);
  return regenerate(conversation, { ...options, ...(answerId !== undefined ? { answerId } : {}) });
}

// Runs one chat turn of a conversation (issue 13): appends the answer, streams it from the engine, folds every
// event into the conversation, and tells a listener what a view needs. No `vscode`: the extension gives it the
// engine's `chat` and a listener, and saves what it returns.
import { asProviderError } from '../chat/asProviderError';
import type { ChatEvent, ChatRequest } from '../chat/chatTypes';
import { applyChatEvent } from '../conversations/applyChatEvent';
import type { Conversation, TurnRecipe } from '../conversations/conversation';
import { startAssistantMessage } from '../conversations/conversationOps';
import { copyPart } from '../conversations/messagePart';
import { toChatMessages } from '../conversations/toChatMessages';
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';

/** The ProviderEngine's `chat`: the models in order (chosen first, then fallbacks) and the request without a model. */
export type ChatEngine = (models: readonly string[], request: Omit<ChatRequest, 'model'>) => AsyncIterable<ChatEvent>;

/** What the listener hears: the answer was appended, then every event of its stream, in order. */
export type TurnUpdate = { type: 'turn-start'; messageId: string } | ChatEvent;

export interface RunTurnOptions {
  chat: ChatEngine;
  /** Stop: the answer ends `stopped` and keeps the text it has. */
  signal?: AbortSignal;
  /** Called with the conversation after each change, and the update that caused it. */
  onUpdate?: (conversation: Conversation, update: TurnUpdate) => void;
  /** Used when the question has no recipe (conversations of format 1, which kept none). */
  defaultRecipe?: TurnRecipe;
  /** The clock for the times recorded; tests pass their own. */
  now?: () => number;
  /** The answer's id (defaults to a random UUID). */
  answerId?: string;
  /** The message of the error when the recipe names no model (the extension passes its localized one). */
  noModelMessage?: string;
  /**
   * Last changes to the request before it goes to `model` (the chosen one): the extension makes it fit the model's
   * context window (context/fitRequestToWindow.ts). The conversation keeps everything; only what is sent changes.
   */
  prepareRequest?: (request: Omit<ChatRequest, 'model'>, model: string) => Promise<Omit<ChatRequest, 'model'>>;
}

/**
 * Answers the conversation's last message, a user message, with the recipe stored on it: its system prompt, its
 * prompt parts in place of the shown ones, its models, temperature and token limit. The history sent leaves out
 * failed turns (toChatMessages). Resolves with the conversation once the answer has ended — `complete`,
 * `stopped` or `error`; it never rejects for a failure of the provider or the engine (those end the answer as an
 * `error`). A conversation that does not end with a user message is returned as it is.
 */
export async function runTurn(conversation: Conversation, options: RunTurnOptions): Promise<Conversation> {
  const question = conversation.messages.at(-1);
  if (question?.role !== 'user') return conversation;
  const recipe = question.recipe ?? options.defaultRecipe ?? { models: [] };
  const now = options.now ?? Date.now;
  const chosen = recipe.models[0];
  const slash = chosen?.indexOf('/') ?? -1;
  const started = startAssistantMessage(conversation, {
    now: now(),
    ...(options.answerId !== undefined ? { id: options.answerId } : {}),
    ...(chosen !== undefined && slash > 0 ? { provider: chosen.slice(0, slash), model: chosen.slice(slash + 1) } : {}),
  });
  let current = started.conversation;
  const messageId = started.message.id;
  options.onUpdate?.(current, { type: 'turn-start', messageId });

  const apply = (event: ChatEvent): void => {
    current = applyChatEvent(current, messageId, event, { now: now() });
    options.onUpdate?.(current, event);
  };
  const ended = (): boolean => {
    const answer = current.messages.find((message) => message.id === messageId);
    return answer?.role !== 'assistant' || answer.status !== 'streaming';
  };

  const stopped = (): boolean => options.signal?.aborted === true;
  let request = requestFor(conversation, recipe, options.signal);
  try {
    if (options.prepareRequest !== undefined && chosen !== undefined && !stopped()) request = await options.prepareRequest(request, chosen);
    if (stopped()) {
      apply({ type: 'done', finishReason: 'cancelled' });
    } else if (recipe.models.length === 0) {
      apply({
        type: 'error',
        error: new ProviderError({
          kind: 'not-found',
          provider: 'switchboard',
          ...(options.noModelMessage !== undefined ? { message: options.noModelMessage } : { text: errorText('turn.noModel') }),
        }),
      });
    } else {
      for await (const event of options.chat(recipe.models, request)) {
        // Nothing that arrives after Stop is added, and an engine that goes on anyway is not waited for.
        if (stopped()) {
          apply({ type: 'done', finishReason: 'cancelled' });
          break;
        }
        apply(event);
        if (ended()) break;
      }
    }
  } catch (error) {
    // The engine reports failures as events; a throw is a bug in it, and still must not lose the partial answer.
    if (stopped()) apply({ type: 'done', finishReason: 'cancelled' });
    else apply({ type: 'error', error: asProviderError(error, 'switchboard', chosen ?? '') });
  }
  // A stream that ended without `done` or `error` (a broken engine) must not leave the answer streaming forever.
  if (!ended()) {
    apply(
      stopped()
        ? { type: 'done', finishReason: 'cancelled' }
        : {
            type: 'error',
            error: new ProviderError({ kind: 'invalid-response', provider: 'switchboard', text: errorText('turn.noFinalEvent') }),
          },
    );
  }
  return current;
}

/** The request a turn sends: the history with failed turns left out, and the recipe's prompt and options. */
export function requestFor(conversation: Conversation, recipe: TurnRecipe, signal?: AbortSignal): Omit<ChatRequest, 'model'> {
  const messages = toChatMessages(conversation);
  const last = conversation.messages.at(-1);
  // A question without a stored recipe (format 1) is sent with the default recipe's prompt parts, if it has any.
  if (last?.role === 'user' && last.recipe === undefined && recipe.promptParts !== undefined) {
    const sent = messages.at(-1);
    if (sent?.role === 'user') sent.parts = recipe.promptParts.map(copyPart);
  }
  const request: Omit<ChatRequest, 'model'> = { messages };
  if (recipe.systemPrompt !== undefined && recipe.systemPrompt.trim() !== '') request.systemPrompt = recipe.systemPrompt;
  if (recipe.temperature !== undefined) request.temperature = recipe.temperature;
  if (recipe.maxTokens !== undefined) request.maxTokens = recipe.maxTokens;
  if (signal !== undefined) request.signal = signal;
  return request;
}

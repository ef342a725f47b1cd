// Runs one chat turn of a conversation (issue 13): appends the answer, streams it from the engine, folds every
// event into the conversation, and tells a listener what a view needs; with tools (issue 17), the answer is a loop
// of steps (runToolLoop.ts). No `vscode`: the extension gives it the engine's `chat`, the tools and a listener, and
// saves what it returns.
import { asProviderError } from '../chat/asProviderError';
import type { ChatEvent, ChatRequest } from '../chat/chatTypes';
import type { Conversation, TurnRecipe } from '../conversations/conversation';
import { startAssistantMessage } from '../conversations/conversationOps';
import { copyPart } from '../conversations/messagePart';
import { toChatMessages } from '../conversations/toChatMessages';
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';
import { AnswerCost, setAnswerCost } from './answerCost';
import { AnswerProgress } from './answerProgress';
import { runToolLoop } from './runToolLoop';
import type { RunTurnOptions } from './turnTypes';

export type { ChatEngine, RunTurnOptions, TurnTools, TurnUpdate } from './turnTypes';

/**
 * Answers the conversation's last message, a user message, with the recipe stored on it: its system prompt, its
 * prompt parts in place of the shown ones, its models, temperature and token limit. The history sent leaves out
 * failed turns (toChatMessages). With `options.tools` the answer is a tool loop (runToolLoop.ts). Resolves with the
 * conversation once the answer has ended — `complete`, `stopped` or `error`; it never rejects for a failure of the
 * provider, the engine or a tool (those end the answer as an `error`, or become a tool's error result). A
 * conversation that does not end with a user message is returned as it is.
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
  const progress = new AnswerProgress(started.conversation, started.message.id, now, options.onUpdate);
  progress.tell({ type: 'turn-start', messageId: started.message.id });
  const apply = (event: ChatEvent): void => progress.apply(event);

  const stopped = (): boolean => options.signal?.aborted === true;
  const cost = options.pricing !== undefined ? new AnswerCost(options.pricing) : undefined;
  try {
    if (stopped()) {
      apply({ type: 'done', finishReason: 'cancelled' });
    } else if (chosen === undefined) {
      apply({
        type: 'error',
        error: new ProviderError({
          kind: 'not-found',
          provider: 'switchboard',
          ...(options.noModelMessage !== undefined ? { message: options.noModelMessage } : { text: errorText('turn.noModel') }),
        }),
      });
    } else {
      await runToolLoop(progress, {
        chat: options.chat,
        models: recipe.models,
        base: requestFor(conversation, recipe, options.signal),
        chosen,
        ...(options.prepareRequest !== undefined ? { prepareRequest: options.prepareRequest } : {}),
        ...(options.signal !== undefined ? { signal: options.signal } : {}),
        ...(options.tools !== undefined ? { tools: options.tools } : {}),
        ...(cost !== undefined ? { cost } : {}),
      });
    }
  } catch (error) {
    // The engine reports failures as events; a throw is a bug in it, and still must not lose the partial answer.
    if (stopped()) apply({ type: 'done', finishReason: 'cancelled' });
    else apply({ type: 'error', error: asProviderError(error, 'switchboard', chosen ?? '') });
  }
  // A stream that ended without `done` or `error` (a broken engine) must not leave the answer streaming forever.
  if (!progress.ended()) {
    apply(
      stopped()
        ? { type: 'done', finishReason: 'cancelled' }
        : {
            type: 'error',
            error: new ProviderError({ kind: 'invalid-response', provider: 'switchboard', text: errorText('turn.noFinalEvent') }),
          },
    );
  }
  if (cost !== undefined) await settleCost(progress, cost, options);
  return progress.conversation;
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

/** Stores the ended answer's cost on it, tells the listener, and hands the parts to `onCost`; a failure costs nothing. */
async function settleCost(progress: AnswerProgress, cost: AnswerCost, options: RunTurnOptions): Promise<void> {
  try {
    const parts = await cost.parts();
    const total = await cost.total();
    if (total !== undefined) {
      progress.conversation = setAnswerCost(progress.conversation, progress.messageId, total);
      progress.tell({ type: 'answer-cost', cost: total });
    }
    if (parts.length > 0) options.onCost?.(parts, progress.messageId);
  } catch {
    // Prices come from the extension; one that throws must not fail an answer that has already ended.
  }
}

// Makes a chat request fit the model's context window before it is sent (docs/chat.md, "Workspace context"), the way
// the chat's meter warned it would: earlier turns are left out first, oldest first, then the question's attached
// contexts are cut, the largest first (planContextFit). The question's own text and the system prompt are never cut.
// Estimates are estimateTokens', so the fit is approximate; the reserve left for the answer absorbs the difference.
import type { ChatMessage, ChatRequest } from '../chat/chatTypes';
import { partsTokens, partTokens } from '../conversations/partTokens';
import { copyPart, cutText } from '../conversations/messagePart';
import { planContextFit } from './contextBudget';
import { estimateTokens } from './estimateTokens';

export type FittableRequest = Omit<ChatRequest, 'model'>;

export interface FitResult {
  request: FittableRequest;
  /** Earlier messages left out. */
  droppedMessages: number;
  /** Attached contexts cut (or left out entirely). */
  cutContexts: number;
  /** False when even all that was not enough (the provider will then refuse or cut it itself). */
  fits: boolean;
}

/** Tokens kept free for the answer: the request's own limit, else an eighth of the window up to 4,096. */
export function answerReserve(request: FittableRequest, window: number): number {
  return request.maxTokens ?? Math.min(4096, Math.floor(window / 8));
}

export function fitRequestToWindow(request: FittableRequest, window: number): FitResult {
  const messages = request.messages;
  // The question is the last user message; in a tool loop (issue 17) the steps of the answer being built follow it
  // and go with it, never dropped or cut (a tool call must not lose its result, nor a result its call).
  let at = messages.length - 1;
  while (at > 0 && messages[at]?.role !== 'user') at--;
  const question = messages[at];
  if (question === undefined || window <= 0) return { request, droppedMessages: 0, cutContexts: 0, fits: true };
  const steps = messages.slice(at + 1);

  // Earlier messages in turns that start with a user message, so what is left still starts with the user's turn.
  const turns: ChatMessage[][] = [];
  for (const message of messages.slice(0, at)) {
    const last = turns.at(-1);
    if (message.role === 'user' || last === undefined) turns.push([message]);
    else last.push(message);
  }
  const contexts = question.parts.flatMap((part, index) => (part.type === 'context' ? [{ id: String(index), part }] : []));
  const questionText =
    partsTokens(question.parts.filter((part) => part.type !== 'context')) + steps.reduce((sum, step) => sum + partsTokens(step.parts), 0);

  const plan = planContextFit({
    // The question goes last as history that is never dropped; its contexts are what may be cut.
    history: [
      ...turns.map((turn, index) => ({
        id: String(index),
        tokens: turn.reduce((sum, m) => sum + m.parts.reduce((s, p) => s + partTokens(p), 0), 0),
      })),
      { id: 'question', tokens: questionText },
    ],
    contexts: contexts.map(({ id, part }) => ({ id, tokens: partTokens(part) })),
    draftTokens: estimateTokens(request.systemPrompt ?? ''),
    window,
    reserve: answerReserve(request, window),
  });
  if (plan.overBy === 0) return { request, droppedMessages: 0, cutContexts: 0, fits: true };

  const dropped = new Set(plan.dropHistory);
  const kept = turns.filter((_turn, index) => !dropped.has(String(index)));
  const cuts = new Map(plan.cutContexts.map((cut) => [cut.id, cut.keepTokens]));
  const parts = question.parts.map((part, index) => {
    const keep = cuts.get(String(index));
    if (keep === undefined || part.type !== 'context') return copyPart(part);
    const tokens = partTokens(part);
    const text = part.context.text;
    const chars = tokens > 0 ? Math.floor((text.length * keep) / tokens) : 0;
    return { type: 'context' as const, context: { ...part.context, text: chars > 0 ? cutText(text, chars) : '', truncated: true } };
  });
  return {
    request: { ...request, messages: [...kept.flat(), { role: question.role, parts }, ...steps] },
    droppedMessages: turns.filter((_turn, index) => dropped.has(String(index))).reduce((sum, turn) => sum + turn.length, 0),
    cutContexts: cuts.size,
    fits: plan.fits,
  };
}

// What has to give when the next message does not fit the model's context window (docs/chat.md, "Workspace context"):
// the meter warns before sending and says what will be cut. Earlier turns go first, oldest first, because the model
// needs the context the user just attached more than a turn from an hour ago; the last history message (the question
// being answered) is never dropped. Only then are contexts cut, the largest first: they are brought down to one common
// size, so that a 50,000-token folder is cut before a 2,000-token file is touched.

export interface ContextFitInput {
  /** Earlier messages that would be sent again, oldest first, with their estimated tokens. */
  history: readonly { id: string; tokens: number }[];
  /** The attached context items with their estimated tokens. */
  contexts: readonly { id: string; tokens: number }[];
  draftTokens: number;
  window: number;
  /** kept free for the answer */
  reserve: number;
}

export interface ContextFitPlan {
  /** Whether everything fits (with nothing to drop), or the plan below makes it fit. */
  fits: boolean;
  /** Tokens over the room (window minus reserve) before anything is dropped or cut; 0 when it fits as it is. */
  overBy: number;
  /** History messages to leave out, oldest first. */
  dropHistory: string[];
  /** Contexts to cut, each to the tokens it keeps (0: left out entirely). */
  cutContexts: { id: string; keepTokens: number }[];
}

export function planContextFit(input: ContextFitInput): ContextFitPlan {
  const tokens = (value: number): number => (Number.isFinite(value) && value > 0 ? value : 0);
  const room = tokens(input.window) - tokens(input.reserve);
  const historyTokens = input.history.reduce((sum, message) => sum + tokens(message.tokens), 0);
  const contextTokens = input.contexts.reduce((sum, context) => sum + tokens(context.tokens), 0);
  const total = historyTokens + contextTokens + tokens(input.draftTokens);
  const overBy = Math.max(0, total - Math.max(0, room));
  if (overBy === 0) return { fits: true, overBy: 0, dropHistory: [], cutContexts: [] };

  let missing = overBy;
  const dropHistory: string[] = [];
  for (const message of input.history.slice(0, -1)) {
    if (missing <= 0) break;
    dropHistory.push(message.id);
    missing -= tokens(message.tokens);
  }
  const cutContexts: { id: string; keepTokens: number }[] = [];
  if (missing > 0) {
    const level = waterLevel(
      input.contexts.map((context) => tokens(context.tokens)),
      missing,
    );
    for (const context of input.contexts) {
      const size = tokens(context.tokens);
      if (size > level) cutContexts.push({ id: context.id, keepTokens: level });
    }
    missing -= contextTokens - input.contexts.reduce((sum, context) => sum + Math.min(tokens(context.tokens), level), 0);
  }
  return { fits: missing <= 0, overBy, dropHistory, cutContexts };
}

/**
 * The largest whole size L such that cutting every context down to L frees at least `needed` tokens (0 when even
 * leaving them all out does not).
 */
function waterLevel(sizes: readonly number[], needed: number): number {
  const sorted = [...sizes].sort((a, b) => b - a);
  let sumAbove = 0;
  for (let k = 1; k <= sorted.length; k++) {
    sumAbove += sorted[k - 1] ?? 0;
    const next = sorted[k] ?? 0;
    // Cutting the k largest down to `next` frees sumAbove - k·next; if that is enough, the level lies at or above next.
    if (sumAbove - k * next >= needed) return Math.max(next, Math.floor((sumAbove - needed) / k));
  }
  return 0;
}

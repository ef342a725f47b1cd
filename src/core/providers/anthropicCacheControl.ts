// Anthropic prompt caching (its "Prompt caching" guide): a `cache_control: {type: 'ephemeral'}` breakpoint caches the
// request's prefix up to and including that block (tools, then system, then messages) for five minutes; a later
// request with the same prefix reads it at a tenth of the input price (a write costs 1.25×). Breakpoints go on the
// system prompt and on the large user turns (attached files, long pastes), where they pay for themselves; below the
// guide's minimum cacheable length (1,024 tokens for most models) nothing would be cached, so none is set, and the
// request is then exactly what it was without caching. At most four breakpoints are allowed: the system prompt and
// the last three large turns (the latest prefixes are the ones the next request repeats).
import type { AnthropicContentBlock, AnthropicTurn } from './anthropicContent';

/** The guide's minimum cacheable prompt for most models, in tokens; estimated at four characters a token. */
export const minCacheableTokens = 1024;
const minCacheableChars = minCacheableTokens * 4;
const maxBreakpoints = 4;

type Cached<T> = T & { cache_control: { type: 'ephemeral' } };
export type AnthropicSystemBlock = Cached<{ type: 'text'; text: string }>;

/**
 * The request's system prompt and turns with cache breakpoints where they are worth one. `toolChars`: the size of
 * the tool definitions, which come before the system prompt in the cached prefix.
 */
export function withCacheControl(
  system: string | undefined,
  turns: AnthropicTurn[],
  toolChars: number,
): { system: string | AnthropicSystemBlock[] | undefined; turns: AnthropicTurn[] } {
  let left = maxBreakpoints;
  let cachedSystem: string | AnthropicSystemBlock[] | undefined = system;
  if (system !== undefined && toolChars + system.length >= minCacheableChars) {
    cachedSystem = [{ type: 'text', text: system, cache_control: { type: 'ephemeral' } }];
    left--;
  }
  const large: number[] = [];
  turns.forEach((turn, index) => {
    if (turn.role === 'user' && turnChars(turn) >= minCacheableChars) large.push(index);
  });
  const marked = new Set(large.slice(-left));
  if (marked.size === 0) return { system: cachedSystem, turns };
  return { system: cachedSystem, turns: turns.map((turn, index) => (marked.has(index) ? withBreakpoint(turn) : turn)) };
}

function turnChars(turn: AnthropicTurn): number {
  if (typeof turn.content === 'string') return turn.content.length;
  let chars = 0;
  for (const block of turn.content) {
    if (block.type === 'text') chars += block.text.length;
    else if (block.type === 'tool_result') chars += block.content?.length ?? 0;
  }
  return chars;
}

/** The turn with a breakpoint on its last block (a plain string becomes one text block). */
function withBreakpoint(turn: AnthropicTurn): AnthropicTurn {
  const blocks: AnthropicContentBlock[] = typeof turn.content === 'string' ? [{ type: 'text', text: turn.content }] : turn.content.slice();
  const last = blocks.at(-1);
  if (last === undefined) return turn;
  blocks[blocks.length - 1] = { ...last, cache_control: { type: 'ephemeral' } } as AnthropicContentBlock;
  return { role: turn.role, content: blocks };
}

// The token usage of one answer, from its `usage` events (docs/requests.md, "Usage"). Providers report differently:
// OpenAI sends one final chunk, Anthropic sends input tokens at the start and a cumulative output count at the
// end, Gemini repeats running totals. All of them are running totals, never increments, so for each field the
// last value reported wins (a later event that leaves a field out keeps the earlier value).
import type { ChatEvent, TokenUsage } from './chatTypes';

export class UsageTotals {
  private input: number | undefined;
  private output: number | undefined;
  private cached: number | undefined;
  private cacheWrite: number | undefined;

  /** Takes a `usage` event's numbers. */
  add(usage: TokenUsage): void {
    if (isCount(usage.inputTokens)) this.input = usage.inputTokens;
    if (isCount(usage.outputTokens)) this.output = usage.outputTokens;
    if (isCount(usage.cachedInputTokens)) this.cached = usage.cachedInputTokens;
    if (isCount(usage.cacheWriteInputTokens)) this.cacheWrite = usage.cacheWriteInputTokens;
  }

  /** Takes any event; only `usage` events count. */
  observe(event: ChatEvent): void {
    if (event.type === 'usage') this.add(event.usage);
  }

  /** Whether any usage was reported. */
  get reported(): boolean {
    return this.input !== undefined || this.output !== undefined;
  }

  get usage(): TokenUsage {
    const usage: TokenUsage = {};
    if (this.input !== undefined) usage.inputTokens = this.input;
    if (this.output !== undefined) usage.outputTokens = this.output;
    if (this.cached !== undefined) usage.cachedInputTokens = this.cached;
    if (this.cacheWrite !== undefined) usage.cacheWriteInputTokens = this.cacheWrite;
    return usage;
  }

  /** Input + output, or undefined when nothing was reported. */
  get totalTokens(): number | undefined {
    return this.reported ? (this.input ?? 0) + (this.output ?? 0) : undefined;
  }
}

function isCount(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value >= 0;
}

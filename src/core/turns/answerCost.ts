// What one answer cost (issue 19, docs/spend.md "Cost"): every request it made — each attempt of the fallback chain,
// each tool step — priced with its own model's prices. An attempt priced from reported usage is exact; one whose
// provider reported none is priced from estimated tokens (the request's estimate, the answer's characters / 4) and
// marked estimated; one that failed before sending anything back is not billed by the providers and costs nothing;
// an answer replayed from the response cache made no request. Also the budget check before each request.
import { defaultAnswerTokenAllowance, estimateTokens } from '../chat/estimateTokens';
import type { ChatEvent, ChatRequest, TokenUsage } from '../chat/chatTypes';
import type { BeforeAttempt } from '../chat/streamWithFallback';
import type { AssistantMessage, Conversation } from '../conversations/conversation';
import type { ProviderError } from '../errors/providerError';
import { addCosts, costOf, usageCost, worstCaseCost } from '../pricing/costOf';
import type { Cost, ModelPrices } from '../pricing/modelPrices';

/** Prices and budgets for a turn; the extension gives them (RunTurnOptions.pricing). */
export interface TurnPricing {
  /** The prices of a model of a provider entry; undefined when unknown. */
  prices(provider: string, model: string): Promise<ModelPrices | undefined>;
  /**
   * Asked before each request of the answer goes out, with its worst case (undefined when the price is unknown) and
   * what the answer has cost so far; a ProviderError holds the request back (a budget), undefined lets it go.
   */
  check?(request: {
    provider: string;
    model: string;
    worstUsd: number | undefined;
    spent: AnswerSpend;
  }): Promise<ProviderError | undefined>;
}

/** The dollars an answer has cost so far, in all and per provider entry (known prices only). */
export interface AnswerSpend {
  usd: number;
  byProvider: Record<string, number>;
}

/** What the answer cost with one model: the sum of that model's requests. */
export interface AnswerCostPart {
  provider: string;
  model: string;
  cost: Cost;
  usage: TokenUsage;
}

interface Attempt {
  provider: string;
  model: string;
  cached: boolean;
  /** The estimated input of the request it answered. */
  estimatedInput: number;
  usage: TokenUsage;
  outputChars: number;
  /** It sent text or a call back, or ended normally: the provider bills it. */
  billed: boolean;
}

export class AnswerCost {
  private readonly attempts: Attempt[] = [];
  private current: Attempt | undefined;
  private stepInput = 0;
  private readonly prices = new Map<string, Promise<ModelPrices | undefined>>();

  constructor(private readonly pricing: TurnPricing | undefined) {}

  /** A step's request is about to be sent (to the fallback chain): its input estimate prices the attempts without usage. */
  startStep(request: Omit<ChatRequest, 'model'>): void {
    this.stepInput = estimateInputTokens(request);
  }

  /** Every event of the step's stream, in order. */
  observe(event: ChatEvent): void {
    switch (event.type) {
      case 'model':
        this.current = {
          provider: event.provider,
          model: event.model,
          cached: event.cached === true,
          estimatedInput: this.stepInput,
          usage: {},
          outputChars: 0,
          billed: false,
        };
        this.attempts.push(this.current);
        return;
      case 'usage':
        if (this.current !== undefined) this.current.usage = { ...this.current.usage, ...definedOnly(event.usage) };
        return;
      case 'text-delta':
        if (this.current === undefined) return;
        this.current.outputChars += event.text.length;
        this.current.billed = true;
        return;
      case 'tool-call':
        if (this.current === undefined) return;
        this.current.outputChars += event.call.name.length + event.call.arguments.length;
        this.current.billed = true;
        return;
      case 'done':
        if (this.current !== undefined && event.finishReason !== 'cancelled') this.current.billed = true;
        return;
      default:
        return;
    }
  }

  /** The hook for the engine's fallback chain: the budget check of each attempt, when the turn has one. */
  beforeAttempt(): BeforeAttempt | undefined {
    const check = this.pricing?.check;
    if (check === undefined) return undefined;
    return async ({ provider, model, request }) => {
      const prices = await this.pricesOf(provider, model);
      const worstUsd = worstCaseCost(prices, estimateInputTokens(request), request.maxTokens ?? defaultAnswerTokenAllowance);
      return check.call(this.pricing, { provider, model, worstUsd, spent: await this.spent() });
    };
  }

  /** The known dollars so far (for budgets). */
  async spent(): Promise<AnswerSpend> {
    const spend: AnswerSpend = { usd: 0, byProvider: {} };
    for (const part of await this.parts()) {
      const usd = part.cost.usd ?? 0;
      spend.usd += usd;
      spend.byProvider[part.provider] = (spend.byProvider[part.provider] ?? 0) + usd;
    }
    return spend;
  }

  /** The answer's cost per model, in the order first used (empty when nothing was billed). */
  async parts(): Promise<AnswerCostPart[]> {
    const parts = new Map<string, AnswerCostPart>();
    for (const attempt of this.attempts) {
      if (attempt.cached) continue;
      const reported = attempt.usage.inputTokens !== undefined || attempt.usage.outputTokens !== undefined;
      if (!reported && !attempt.billed) continue;
      const usage: TokenUsage = reported
        ? attempt.usage
        : { inputTokens: attempt.estimatedInput, outputTokens: Math.ceil(attempt.outputChars / 4) };
      const cost = costOf(usageCost(await this.pricesOf(attempt.provider, attempt.model), usage), !reported);
      const key = `${attempt.provider}\n${attempt.model}`;
      const known = parts.get(key);
      if (known === undefined) parts.set(key, { provider: attempt.provider, model: attempt.model, cost, usage: { ...usage } });
      else {
        known.cost = addCosts(known.cost, cost);
        known.usage = addUsage(known.usage, usage);
      }
    }
    return [...parts.values()];
  }

  /** The whole answer's cost; undefined when it made no billed request (or the turn has no pricing). */
  async total(): Promise<Cost | undefined> {
    if (this.pricing === undefined) return undefined;
    const parts = await this.parts();
    if (parts.length === 0) return undefined;
    return parts.reduce<Cost>((sum, part) => addCosts(sum, part.cost), {});
  }

  private pricesOf(provider: string, model: string): Promise<ModelPrices | undefined> {
    const key = `${provider}\n${model}`;
    let prices = this.prices.get(key);
    if (prices === undefined) {
      prices = this.pricing === undefined ? Promise.resolve(undefined) : this.pricing.prices(provider, model).catch(() => undefined);
      this.prices.set(key, prices);
    }
    return prices;
  }
}

/** The input tokens of a request, estimated (estimateTokens without the answer's allowance). */
export function estimateInputTokens(request: Omit<ChatRequest, 'model'>): number {
  return estimateTokens(request) - (request.maxTokens ?? defaultAnswerTokenAllowance);
}

/** The conversation with `cost` on the answer `messageId` (ended or not); the input itself when there is no such answer. */
export function setAnswerCost(conversation: Conversation, messageId: string, cost: Cost): Conversation {
  const index = conversation.messages.findIndex((message) => message.id === messageId);
  const message = conversation.messages[index];
  if (message === undefined || message.role !== 'assistant') return conversation;
  const messages = conversation.messages.slice();
  messages[index] = { ...message, cost: { ...cost } } satisfies AssistantMessage;
  return { ...conversation, messages };
}

function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  const sum: TokenUsage = {};
  for (const key of ['inputTokens', 'outputTokens', 'cachedInputTokens', 'cacheWriteInputTokens'] as const) {
    if (a[key] !== undefined || b[key] !== undefined) sum[key] = (a[key] ?? 0) + (b[key] ?? 0);
  }
  return sum;
}

function definedOnly(usage: TokenUsage): TokenUsage {
  const out: TokenUsage = {};
  for (const key of ['inputTokens', 'outputTokens', 'cachedInputTokens', 'cacheWriteInputTokens'] as const) {
    const value = usage[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

// What an answer cost (src/core/turns/answerCost.ts) through a real turn (runTurn) and the real fallback chain
// (streamWithFallback) over scripted providers: every attempt at its own model's prices, an attempt without usage
// estimated, a failed attempt that sent nothing back free, tool steps summed; and the budget check before each
// attempt, which holds a request back before anything is sent.
import * as assert from 'node:assert/strict';
import type { ChatEvent } from '../../../src/core/chat/chatTypes';
import { streamWithFallback } from '../../../src/core/chat/streamWithFallback';
import type { AssistantMessage, Conversation } from '../../../src/core/conversations/conversation';
import { appendUserMessage, createConversation, userParts } from '../../../src/core/conversations/conversationOps';
import { conversationSchema } from '../../../src/core/conversations/conversationSchema';
import { ProviderError } from '../../../src/core/errors/providerError';
import type { ModelPrices } from '../../../src/core/pricing/modelPrices';
import { BudgetKeeper } from '../../../src/core/pricing/budgetKeeper';
import type { AnswerCostPart, TurnPricing } from '../../../src/core/turns/answerCost';
import { type ChatEngine, runTurn } from '../../../src/core/turns/turnRunner';
import { listFilesTool } from '../../../src/core/tools/listFilesTool';
import { answer, fakeProvider, type FakeProvider } from '../chat/fakeProvider';

const prices: Record<string, ModelPrices> = {
  'openai/gpt-4o': { input: 2.5, output: 10 },
  'anthropic/claude-sonnet-4-5': { input: 3, output: 15 },
};

const pricing: TurnPricing = { prices: (provider, model) => Promise.resolve(prices[`${provider}/${model}`]) };

function engineOf(providers: FakeProvider[]): ChatEngine {
  return (models, request, options) => {
    const chain = models.map((ref) => {
      const [provider, model] = ref.split('/') as [string, string];
      const found = providers.find((candidate) => candidate.id === provider);
      if (found === undefined) throw new Error(`no provider ${provider}`);
      return { provider: found, model };
    });
    return streamWithFallback(chain, request, options ?? {});
  };
}

function ask(models: string[]): Conversation {
  return appendUserMessage(createConversation(), userParts('What is 6 × 7?'), { recipe: { models } }).conversation;
}

function answerOf(conversation: Conversation): AssistantMessage {
  const last = conversation.messages.at(-1);
  assert.equal(last?.role, 'assistant');
  return last as AssistantMessage;
}

const serverError = (provider: string): ChatEvent[] => [
  { type: 'model', provider, model: 'gpt-4o' },
  { type: 'error', error: new ProviderError({ kind: 'server', provider, status: 500, message: 'boom' }) },
];

describe('the cost of an answer', () => {
  it('prices the attempt that answered; a fallback attempt that failed before answering costs nothing', async () => {
    const openai = fakeProvider('openai', [serverError('openai')]);
    const anthropic = fakeProvider('anthropic', [answer('anthropic', 'claude-sonnet-4-5', '42', { inputTokens: 1000, outputTokens: 100 })]);
    const told: AnswerCostPart[][] = [];
    const done = await runTurn(ask(['openai/gpt-4o', 'anthropic/claude-sonnet-4-5']), {
      chat: engineOf([openai, anthropic]),
      pricing,
      onCost: (parts) => told.push([...parts]),
    });
    assert.equal(openai.requests.length, 1);
    assert.equal(answerOf(done).cost?.usd?.toFixed(8), ((1000 * 3 + 100 * 15) / 1e6).toFixed(8));
    assert.deepEqual(Object.keys(answerOf(done).cost ?? {}), ['usd']);
    assert.deepEqual(
      told[0]?.map((part) => [part.provider, part.model, part.cost.usd?.toFixed(8)]),
      [['anthropic', 'claude-sonnet-4-5', ((1000 * 3 + 100 * 15) / 1e6).toFixed(8)]],
    );
    // Kept in the stored format, which reads it back.
    assert.deepEqual(
      (conversationSchema.parse(JSON.parse(JSON.stringify(done))).messages.at(-1) as AssistantMessage).cost,
      answerOf(done).cost,
    );
  });

  it('estimates an answer whose provider reported no usage, and says so', async () => {
    const openai = fakeProvider('openai', [answer('openai', 'gpt-4o', 'x'.repeat(400))]);
    const done = await runTurn(ask(['openai/gpt-4o']), { chat: engineOf([openai]), pricing });
    const cost = answerOf(done).cost;
    assert.equal(cost?.estimated, true);
    // 100 output tokens (400 characters) at $10 / M, plus the question's estimate at $2.50 / M.
    assert.ok(cost?.usd !== undefined && cost.usd > (100 * 10) / 1e6 && cost.usd < (200 * 10) / 1e6, String(cost?.usd));
  });

  it('says "unknown" for a model without prices, never $0', async () => {
    const sydney = fakeProvider('sydney', [answer('sydney', 'gpt-4o', 'hi', { inputTokens: 10, outputTokens: 2 })]);
    const done = await runTurn(ask(['sydney/gpt-4o']), { chat: engineOf([sydney]), pricing });
    assert.deepEqual(answerOf(done).cost, { unknown: true });
  });

  it('sums the tool steps, each at its model’s prices', async () => {
    const step1: ChatEvent[] = [
      { type: 'model', provider: 'openai', model: 'gpt-4o' },
      { type: 'tool-call-start', id: 'c1', name: 'list_files' },
      { type: 'tool-call', call: { id: 'c1', name: 'list_files', arguments: '{}' } },
      { type: 'usage', usage: { inputTokens: 2000, outputTokens: 20 } },
      { type: 'done', finishReason: 'tool-calls' },
    ];
    const step2 = answer('openai', 'gpt-4o', 'Two files.', { inputTokens: 2100, outputTokens: 10 });
    const openai = fakeProvider('openai', [step1, step2]);
    const done = await runTurn(ask(['openai/gpt-4o']), {
      chat: engineOf([openai]),
      pricing,
      tools: { tools: [listFilesTool], maxSteps: 5, run: () => Promise.resolve({ content: 'a.ts\nb.ts', isError: false }) },
    });
    assert.equal(openai.requests.length, 2);
    assert.equal(answerOf(done).cost?.usd?.toFixed(8), (((2000 + 2100) * 2.5 + (20 + 10) * 10) / 1e6).toFixed(8));
  });

  it('a budget holds a request back before anything is sent, with the error the chat offers choices for', async () => {
    const openai = fakeProvider('openai', [answer('openai', 'gpt-4o', 'never')]);
    const keeper = new BudgetKeeper({
      budgets: () => ({ daily: { total: 0.01 } }),
      totals: () => Promise.resolve({ day: { usd: 0, unpriced: 0, byProvider: {} }, month: { usd: 0, unpriced: 0, byProvider: {} } }),
      recall: () => undefined,
      remember: () => Promise.resolve(),
      warn: () => undefined,
    });
    const held: TurnPricing = {
      ...pricing,
      check: ({ provider, model, worstUsd, spent }) => keeper.check({ provider, model, worstUsd, pendingUsd: spent.usd }),
    };
    const conversation = ask(['openai/gpt-4o']);
    const done = await runTurn(
      {
        ...conversation,
        messages: conversation.messages.map((m) =>
          m.role === 'user' ? { ...m, recipe: { models: ['openai/gpt-4o'], maxTokens: 4000 } } : m,
        ),
      },
      { chat: engineOf([openai]), pricing: held },
    );
    assert.equal(openai.requests.length, 0);
    const error = answerOf(done).error;
    assert.equal(error?.kind, 'quota');
    assert.equal(error?.messageId, 'budget.held');
    assert.match(error?.message ?? '', /more than is left of the daily budget: \$0\.01 of \$0\.01/);
    assert.equal(answerOf(done).cost, undefined);

    // "Send once anyway": exactly this one request goes.
    keeper.allowOnce();
    const again = await runTurn(conversation, { chat: engineOf([openai]), pricing: held });
    assert.equal(openai.requests.length, 1);
    assert.equal(answerOf(again).status, 'complete');
  });

  it('a provider’s own budget sends the request to the next provider of the chain', async () => {
    const openai = fakeProvider('openai', [answer('openai', 'gpt-4o', 'never')]);
    const anthropic = fakeProvider('anthropic', [answer('anthropic', 'claude-sonnet-4-5', '42', { inputTokens: 10, outputTokens: 1 })]);
    const keeper = new BudgetKeeper({
      budgets: () => ({ daily: { providers: { openai: 0 } } }),
      totals: () => Promise.resolve({ day: { usd: 0, unpriced: 0, byProvider: {} }, month: { usd: 0, unpriced: 0, byProvider: {} } }),
      recall: () => undefined,
      remember: () => Promise.resolve(),
      warn: () => undefined,
    });
    const done = await runTurn(ask(['openai/gpt-4o', 'anthropic/claude-sonnet-4-5']), {
      chat: engineOf([openai, anthropic]),
      pricing: { ...pricing, check: ({ provider, worstUsd }) => keeper.check({ provider, worstUsd }) },
    });
    assert.equal(openai.requests.length, 0);
    assert.equal(anthropic.requests.length, 1);
    assert.equal(answerOf(done).provider, 'anthropic');
  });
});

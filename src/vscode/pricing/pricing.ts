// Prices, cost and budgets as the extension's features use them (issue 19, docs/spend.md): what a chat turn needs to
// price its answer and check each request against the budgets, recording what was spent in the ledger
// (SpendFeature's recorder), and the 80 % notice. The work is in the engine bundle (core/pricing: BudgetKeeper, the
// prices); this side only hands it the settings, the ledger, the global state and the notice.
import * as vscode from 'vscode';
import type { ChatEvent, ChatRequest } from '../../core/chat/chatTypes';
import type { BeforeAttempt } from '../../core/chat/streamWithFallback';
import type { Conversation } from '../../core/conversations/conversation';
import type { BudgetKeeper } from '../../core/pricing/budgetKeeper';
import type { SpendEntry, SpendRecorder } from '../../core/spend/spendTypes';
import type { RunTurnOptions } from '../../core/turns/turnRunner';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import { describeError } from '../errors/describeError';
import type { SettingsService } from '../settings/settingsService';

export interface PricingDeps {
  host: ProviderEngineHost;
  settings: SettingsService;
  /** The spend ledger (SpendFeature.recorder). */
  recorder: () => SpendRecorder;
  /** Where the day of each budget's last 80 % notice is kept: the global state, so one notice a day in all windows. */
  state: vscode.Memento;
  log: vscode.LogOutputChannel;
}

export class Pricing {
  private built: BudgetKeeper | undefined;

  constructor(private readonly deps: PricingDeps) {}

  /** The budgets (built with the engine bundle on first use). */
  keeper(): BudgetKeeper {
    const { settings, recorder, state, log } = this.deps;
    this.built ??= new (this.deps.host.module().BudgetKeeper)({
      budgets: () => ({ daily: settings.settings.budgetDaily, monthly: settings.settings.budgetMonthly }),
      totals: (now) => recorder().totals(now),
      recall: (key) => state.get<string>(key),
      remember: async (key, value) => state.update(key, value),
      warn: (text) => {
        const raise = vscode.l10n.t('Raise Budget');
        void vscode.window
          .showInformationMessage(describeError({ messageId: text.id, params: text.params }), raise)
          .then((choice) => (choice === raise ? openBudgetSettings() : undefined));
      },
      onError: (error) => log.warn(`Could not check the budgets: ${describeError(error)}`),
    });
    return this.built;
  }

  /** "Send once anyway": the next request goes whatever the budgets say. */
  allowOnce(): void {
    this.keeper().allowOnce();
  }

  /** What a chat turn on `conversation` needs: the prices, the budget check of each request, and recording its cost. */
  forTurn(conversation: () => Conversation): Pick<RunTurnOptions, 'pricing' | 'onCost'> {
    const { host } = this.deps;
    return {
      pricing: this.keeper().turnPricing((provider, model) => host.get().prices(provider, model)),
      onCost: (parts) => {
        for (const entry of host.module().chatSpendEntries(parts, conversation(), Date.now())) this.record(entry);
      },
    };
  }

  /**
   * Prices and budgets for one answer made outside the chat view: `@switchboard` in VS Code's Chat, or another
   * extension through the `switchboard` language models (docs/vscode-chat.md). The same budget check holds each
   * request back, and what it cost is recorded under `source` (the spend view's conversation column).
   */
  meter(source: { id: string; title: string }): RequestMeter {
    const { host } = this.deps;
    const cost = new (host.module().AnswerCost)(this.keeper().turnPricing((provider, model) => host.get().prices(provider, model)));
    const beforeAttempt = cost.beforeAttempt();
    return {
      start: (request) => cost.startStep(request),
      options: beforeAttempt !== undefined ? { beforeAttempt } : {},
      observe: (event) => cost.observe(event),
      settle: async () => {
        try {
          for (const entry of host.module().chatSpendEntries(await cost.parts(), source, Date.now())) this.record(entry);
        } catch (error) {
          this.deps.log.warn(`Pricing an answer failed: ${describeError(error)}`);
        }
      },
    };
  }

  /** Records what was spent, then tells of any budget at 80 %. Never throws. */
  record(entry: SpendEntry): void {
    this.deps
      .recorder()
      .record(entry)
      .then(() => this.keeper().warnIfNear())
      .catch((error: unknown) => this.deps.log.warn(`Recording spend failed: ${describeError(error)}`));
  }
}

/** What Pricing.meter gives a request: call `start` before sending, pass `options` to the engine's chat, `observe` each event, `settle` at the end. */
export interface RequestMeter {
  start(request: Omit<ChatRequest, 'model'>): void;
  options: { beforeAttempt?: BeforeAttempt };
  observe(event: ChatEvent): void;
  /** Records the answer's cost in the ledger; never throws. */
  settle(): Promise<void>;
}

/** Opens the budget settings (the "Raise budget" choice). */
export async function openBudgetSettings(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', 'switchboard.budget');
}

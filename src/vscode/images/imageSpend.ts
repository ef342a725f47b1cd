// What an image request costs (issue 19, docs/spend.md): its worst case checked against the budgets before it is
// sent (held back: the user may raise the budget or send it once anyway), and what it did cost, for the notification,
// the sidecar and the spend ledger. Part of the lazily loaded image bundle.
import * as vscode from 'vscode';
import type { ImageRequest, ImageResult } from '../../core/images/imageTypes';
import type { Cost, ModelPrices } from '../../core/pricing/modelPrices';
import { formatUsd } from '../../shared/formatUsd';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import { describeError } from '../errors/describeError';
import { openBudgetSettings, type Pricing } from '../pricing/pricing';

/** What a request made, as far as its cost goes: an ImageResult, or a video as one image. */
export interface SpentImages {
  provider: string;
  model: string;
  images: { length: number };
  usage?: ImageResult['usage'];
}

export class ImageSpend {
  constructor(
    private readonly host: ProviderEngineHost,
    private readonly pricing: Pricing | undefined,
  ) {}

  /** The prices of an image model (and edit operation); undefined when unknown. */
  prices(provider: string, model: string, operation?: string): Promise<ModelPrices | undefined> {
    return this.host
      .get()
      .prices(provider, model, operation !== undefined ? { operation } : {})
      .catch(() => undefined);
  }

  /**
   * Whether the request may go: within the budgets, or the user chose "Send once anyway". False when a budget held
   * it (the notification said which, and offered to raise it).
   */
  async allows(provider: string, prices: ModelPrices | undefined, request: Pick<ImageRequest, 'prompt' | 'count'>): Promise<boolean> {
    if (this.pricing === undefined) return true;
    const keeper = this.pricing.keeper();
    if (!keeper.active) return true;
    const engine = this.host.module();
    const worstUsd = engine.worstImageCost(prices, request.count ?? 1, Math.ceil(request.prompt.length / 4));
    const held = await keeper.hold({ provider, worstUsd });
    if (held === undefined) return true;
    const text = engine.budgetHeldText(held, worstUsd);
    const raise = vscode.l10n.t('Raise Budget');
    const once = vscode.l10n.t('Send Once Anyway');
    const choice = await vscode.window.showWarningMessage(describeError({ messageId: text.id, params: text.params }), raise, once);
    if (choice === raise) await openBudgetSettings();
    return choice === once;
  }

  /** What `result` cost, from its usage or per image (a video counts as one image of the `animate` operation). */
  costOf(prices: ModelPrices | undefined, result: SpentImages): Cost {
    const engine = this.host.module();
    const usage = result.usage;
    return engine.costOf(
      engine.imageCost(prices, {
        images: result.images.length,
        ...(usage?.inputTokens !== undefined ? { inputTokens: usage.inputTokens } : {}),
        ...(usage?.outputTokens !== undefined ? { outputTokens: usage.outputTokens } : {}),
        ...(usage?.inputImageTokens !== undefined ? { inputImageTokens: usage.inputImageTokens } : {}),
      }),
    );
  }

  /** Records the request in the spend ledger. */
  record(result: SpentImages, cost: Cost): void {
    if (result.images.length === 0) return;
    this.pricing?.record({
      at: Date.now(),
      kind: 'image',
      provider: result.provider,
      model: result.model,
      usd: cost.unknown === true ? undefined : cost.usd,
      estimated: false,
      images: result.images.length,
      ...(result.usage?.inputTokens !== undefined ? { inputTokens: result.usage.inputTokens } : {}),
      ...(result.usage?.outputTokens !== undefined ? { outputTokens: result.usage.outputTokens } : {}),
    });
  }
}

/** A cost as the notifications say it: "$0.04", or "cost unknown". */
export function imageCostLabel(cost: Cost): string {
  return cost.usd === undefined || cost.unknown === true ? vscode.l10n.t('cost unknown') : formatUsd(cost.usd);
}

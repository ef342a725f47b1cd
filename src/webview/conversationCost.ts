// The conversation's total cost as the title row shows it (docs/spend.md "Cost"): the extension sends the total with
// the conversation; an answer priced later (its cost arrives when it ends) is added here, so the whole conversation
// is not sent again for it.
import type { ConversationView, CostView, MessageView } from '../shared/webviewProtocol';

export class ConversationCost {
  private total: CostView | undefined;
  private readonly counted = new Map<string, CostView>();

  /** A conversation was drawn: its total, and the costs of the messages shown (already in it). */
  reset(view: ConversationView): CostView | undefined {
    this.total = view.cost;
    this.counted.clear();
    for (const message of view.messages) if (message.cost !== undefined) this.counted.set(message.id, message.cost);
    return this.total;
  }

  /** A message changed: its cost replaces what was counted for it. Returns the new total. */
  update(message: MessageView): CostView | undefined {
    const cost = message.cost;
    const before = this.counted.get(message.id);
    if (cost === undefined || (before !== undefined && sameCost(before, cost))) return this.total;
    this.counted.set(message.id, cost);
    const total = this.total ?? {};
    this.total = {
      ...((total.usd ?? 0) + (cost.usd ?? 0) - (before?.usd ?? 0) !== 0 || total.usd !== undefined || cost.usd !== undefined
        ? { usd: Math.max(0, (total.usd ?? 0) + (cost.usd ?? 0) - (before?.usd ?? 0)) }
        : {}),
      ...(total.estimated === true || cost.estimated === true ? { estimated: true } : {}),
      ...(total.unknown === true || cost.unknown === true ? { unknown: true } : {}),
    };
    return this.total;
  }
}

function sameCost(a: CostView, b: CostView): boolean {
  return a.usd === b.usd && a.estimated === b.estimated && a.unknown === b.unknown;
}

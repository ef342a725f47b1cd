// What an answer or a conversation cost, in words (docs/spend.md "Cost"): "$0.0021", "≈ $0.002 (estimated)" when the
// provider reported no usage, "cost unknown" when a price is not known (never a guessed $0).
import type { CostView } from '../shared/webviewProtocol';
import { formatUsd } from '../shared/formatUsd';
import { format, type WebviewStrings } from './webviewStrings';

type CostStrings = Pick<WebviewStrings, 'costUnknown' | 'costEstimated' | 'costPartlyUnknown'>;

export function costText(cost: CostView, strings: CostStrings): string {
  if (cost.usd === undefined) return strings.costUnknown;
  const usd = formatUsd(cost.usd);
  if (cost.unknown === true) return format(strings.costPartlyUnknown, usd);
  return cost.estimated === true ? format(strings.costEstimated, usd) : usd;
}

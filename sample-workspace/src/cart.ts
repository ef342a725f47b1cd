// A shopping cart with a bug the editor already reports (see the Problems panel, Ctrl+Shift+M): select cartTotal
// and try "Switchboard: Fix the Selection", which sends the error along with the code.
import type { OrderLine } from './orders';

export function cartTotal(lines: OrderLine[]): number {
  return lines.reduce((sum, line) => sum + line.price * line.qty, 0);
}

export function formatPrice(amount: number, currency = 'EUR'): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
}

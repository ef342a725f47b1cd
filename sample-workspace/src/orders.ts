// The shop's daily order report. It works, but it repeats itself: select summarizeOrders and try
// "Switchboard: Explain the Selection", then "Switchboard: Refactor the Selection…" (say, "one loop, no repetition").

export interface OrderLine {
  sku: string;
  price: number;
  quantity: number;
}

export interface Order {
  id: string;
  customer: string;
  status: 'pending' | 'paid' | 'shipped' | 'cancelled';
  lines: OrderLine[];
  coupon?: string;
}

export function summarizeOrders(orders: Order[]): string {
  let paidCount = 0;
  let paidTotal = 0;
  let shippedCount = 0;
  let shippedTotal = 0;
  let pendingCount = 0;
  let pendingTotal = 0;
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i];
    if (order.status == 'paid') {
      paidCount = paidCount + 1;
      let total = 0;
      for (let j = 0; j < order.lines.length; j++) {
        total = total + order.lines[j].price * order.lines[j].quantity;
      }
      if (order.coupon == 'WELCOME10') {
        total = total - total * 0.1;
      }
      paidTotal = paidTotal + total;
    } else if (order.status == 'shipped') {
      shippedCount = shippedCount + 1;
      let total = 0;
      for (let j = 0; j < order.lines.length; j++) {
        total = total + order.lines[j].price * order.lines[j].quantity;
      }
      if (order.coupon == 'WELCOME10') {
        total = total - total * 0.1;
      }
      shippedTotal = shippedTotal + total;
    } else if (order.status == 'pending') {
      pendingCount = pendingCount + 1;
      let total = 0;
      for (let j = 0; j < order.lines.length; j++) {
        total = total + order.lines[j].price * order.lines[j].quantity;
      }
      if (order.coupon == 'WELCOME10') {
        total = total - total * 0.1;
      }
      pendingTotal = pendingTotal + total;
    }
  }
  let report = 'Paid: ' + paidCount + ' orders, ' + paidTotal.toFixed(2) + '\n';
  report = report + 'Shipped: ' + shippedCount + ' orders, ' + shippedTotal.toFixed(2) + '\n';
  report = report + 'Pending: ' + pendingCount + ' orders, ' + pendingTotal.toFixed(2) + '\n';
  return report;
}

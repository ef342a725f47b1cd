// US dollars as Switchboard shows them (docs/spend.md "Cost"): cents from ten cents up, two significant digits
// below that (answers often cost a fraction of a cent), "<$0.0001" for less. The same rule as the
// webview (src/shared/formatUsd.ts: the core cannot import that folder, nor the webview this one).

export function formatUsd(usd: number): string {
  const sign = usd < 0 ? '-' : '';
  const value = Math.abs(usd);
  if (value === 0) return '$0.00';
  if (value < 0.0001) return `${sign}<$0.0001`;
  if (value >= 0.1) return `${sign}$${value.toFixed(2)}`;
  // Two significant digits, without the zeros toPrecision leaves ("0.010" is "0.01"), and at least cents.
  const digits = value.toPrecision(2).replace(/0+$/, '');
  const decimals = Math.max(2, digits.length - digits.indexOf('.') - 1);
  return `${sign}$${value.toFixed(decimals)}`;
}

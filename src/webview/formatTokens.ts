// Token counts as the chips and the meter show them: estimates, so compact ("1.2K", "128K"; "1,2 тыс." in Russian).

let formatter: Intl.NumberFormat | undefined;

/** `count` in the UI's language, compact and rounded to one decimal. */
export function formatTokens(count: number): string {
  formatter ??= new Intl.NumberFormat(document.documentElement.lang || undefined, { notation: 'compact', maximumFractionDigits: 1 });
  return formatter.format(Math.max(0, Math.round(count)));
}

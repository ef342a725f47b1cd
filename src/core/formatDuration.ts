export type DurationUnit = 'ms' | 's' | 'min' | 'h';

/** A wait or a timeout as a number and the unit a person reads it in (the thresholds of {@link formatDuration}). */
export function durationParts(ms: number): { value: number; unit: DurationUnit } {
  if (!Number.isFinite(ms) || ms < 0) return { value: 0, unit: 'ms' };
  if (ms < 1000) return { value: Math.round(ms), unit: 'ms' };
  const seconds = ms / 1000;
  if (seconds < 10) return { value: Number(seconds.toFixed(1)), unit: 's' };
  if (seconds < 120) return { value: Math.round(seconds), unit: 's' };
  const minutes = seconds / 60;
  if (minutes < 120) return { value: Math.round(minutes), unit: 'min' };
  return { value: Number((minutes / 60).toFixed(1)), unit: 'h' };
}

/** A wait or a timeout as a person reads it: `250 ms`, `2 s`, `1.5 s`, `12 s`, `3 min`. */
export function formatDuration(ms: number): string {
  const { value, unit } = durationParts(ms);
  return `${value} ${unit}`;
}

import type { RateLimits } from './rateLimits';
import { sydneyRateLimitDefaults } from './sydneyRateLimits';

/** The rate limits a preset starts with when the user's entry sets none (only the Sydney gateway documents its). */
export function presetRateLimits(providerId: string): RateLimits | undefined {
  return providerId === 'sydney' ? sydneyRateLimitDefaults : undefined;
}

// The Sydney gateway's documented limits (its "Sydney API" documentation, "Рейт лимиты"), the defaults of the `sydney` preset (docs/providers.md).
// They are per model, per minute and per day; the document gives one figure for "claude", which the gateway
// applies to its claude models together, so it is a shared `claude*` budget here.
import type { RateLimits } from './rateLimits';

export const sydneyRateLimitDefaults: RateLimits = {
  perModel: {
    // /v1/chat and /v1/prompt
    'gpt-4': { requestsPerMinute: 2, requestsPerDay: 500 },
    'gpt-3.5-turbo': { requestsPerMinute: 10, requestsPerDay: 2000 },
    'claude*': { requestsPerMinute: 7, requestsPerDay: 1500 },
    // /v1/image
    sdxl: { requestsPerMinute: 3, requestsPerDay: 1000 },
    kandinsky: { requestsPerMinute: 20, requestsPerDay: 10000 },
  },
};

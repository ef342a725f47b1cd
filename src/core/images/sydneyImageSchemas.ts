import * as z from 'zod/mini';

/** `/v1/image` answers `{url}`; failures carry `{error}` (sometimes with status 200). */
export const sydneyImageSchema = z.union([
  z.object({ url: z.string().check(z.minLength(1)) }),
  z.object({ error: z.union([z.string(), z.looseObject({})]) }),
]);

import * as z from 'zod/mini';

/** `/v1/chat` and `/v1/prompt` answer `{reply}`; failures carry `{error}` (sometimes with status 200). */
export const sydneyReplySchema = z.union([z.object({ reply: z.string() }), z.object({ error: z.union([z.string(), z.looseObject({})]) })]);

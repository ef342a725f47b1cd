// The parts of OpenAI's `POST /images/generations` answer Switchboard reads (unknown fields are ignored).
import * as z from 'zod/mini';

const count = z.optional(z.nullable(z.number()));

export const openAiImagesSchema = z.object({
  data: z.array(
    z.object({
      b64_json: z.optional(z.nullable(z.string())),
      /** OpenAI-compatible servers (and the retired DALL·E models) may answer with a URL instead. */
      url: z.optional(z.nullable(z.string())),
    }),
  ),
  // `input_tokens_details.image_tokens`: an edit's source images, priced apart from the prompt's text ("Image generation").
  usage: z.optional(
    z.nullable(
      z.object({
        input_tokens: count,
        output_tokens: count,
        input_tokens_details: z.optional(z.nullable(z.object({ image_tokens: count }))),
      }),
    ),
  ),
});

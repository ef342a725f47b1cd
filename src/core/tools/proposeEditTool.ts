// `propose_edit` (issue 17): a change to one existing file, never written by the tool: it becomes a proposal in the
// multi-file review, applied only when the user accepts it. The proposed text is computed in core
// (applyEditProposal.ts).
import * as z from 'zod/mini';
import { defineTool } from './defineTool';
import { toolPathField } from './toolPathField';

const schema = z
  .object({
    path: toolPathField('The file to change; it must exist (a new file is create_file).'),
    search: z.optional(
      z
        .string()
        .check(
          z.minLength(1),
          z.describe('Text copied exactly from the file (read it first), long enough to occur only once: what is replaced.'),
        ),
    ),
    replace: z.optional(z.string().check(z.describe('The text that takes the place of search (empty to delete it).'))),
    content: z.optional(z.string().check(z.describe("The file's whole new text, instead of search and replace."))),
    explanation: z.optional(z.string().check(z.describe('One sentence for the user: what the change does and why.'))),
  })
  .check(
    z.refine(
      (input) =>
        input.content !== undefined
          ? input.search === undefined && input.replace === undefined
          : input.search !== undefined && input.replace !== undefined,
      { message: 'give either search and replace, or content (not both)' },
    ),
  );

export type ProposeEditInput = z.infer<typeof schema>;

export const proposeEditTool = defineTool({
  name: 'propose_edit',
  description:
    'Propose a change to one existing file: search (copied exactly from the file, occurring once) and replace, or the whole new content. Nothing is written: the user reviews the change and applies it or not. Call it once per change; several proposals are reviewed together.',
  schema,
  readOnly: false,
});

// `create_file` (issue 17): a new file, never written by the tool: it becomes a proposal in the multi-file review,
// created only when the user accepts it.
import * as z from 'zod/mini';
import { defineTool } from './defineTool';
import { toolPathField } from './toolPathField';

const schema = z.object({
  path: toolPathField('The new file; it must not exist yet (a change to an existing one is propose_edit).'),
  content: z.string().check(z.describe("The new file's whole text.")),
});

export type CreateFileInput = z.infer<typeof schema>;

export const createFileTool = defineTool({
  name: 'create_file',
  description:
    'Propose a new file with its whole text. Nothing is written: the user reviews it and creates it or not. Fails when the file exists (change that with propose_edit).',
  schema,
  readOnly: false,
});

// `get_diff` (issue 17): the working tree's uncommitted changes. Runs in the extension (the built-in Git extension).
import * as z from 'zod/mini';
import { defineTool } from './defineTool';

const schema = z.object({});

export type GetDiffInput = z.infer<typeof schema>;

export const getDiffTool = defineTool({
  name: 'get_diff',
  description:
    'Get the uncommitted changes of the workspace (staged and unstaged, as a unified diff), and the names of new files git does not track yet.',
  schema,
  readOnly: true,
});

// `get_problems` (issue 17): the errors and warnings VS Code reports. Runs in the extension (its diagnostics).
import * as z from 'zod/mini';
import { defineTool } from './defineTool';

const schema = z.object({
  path: z.optional(
    z.string().check(z.minLength(1), z.describe('Only the problems of this file, relative to the workspace folder. Default: every file.')),
  ),
});

export type GetProblemsInput = z.infer<typeof schema>;

export const getProblemsTool = defineTool({
  name: 'get_problems',
  description:
    'Get the errors and warnings the editor reports (its Problems panel), with file, line and message: for one file, or for the whole workspace.',
  schema,
  readOnly: true,
});

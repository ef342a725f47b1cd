// `list_files` (issue 17): the workspace's files, recursively, without what .gitignore ignores. Runs in core
// (runListFiles.ts).
import * as z from 'zod/mini';
import { defineTool } from './defineTool';

const schema = z.object({
  glob: z.optional(
    z
      .string()
      .check(
        z.minLength(1),
        z.describe(
          'Only files matching this glob, e.g. **/*.ts or src/**/*.test.ts; a glob without a slash matches file names at any depth (*.md).',
        ),
      ),
  ),
  folder: z.optional(
    z.string().check(z.describe('Only files under this folder, relative to the workspace folder. Default: the whole workspace.')),
  ),
});

export type ListFilesInput = z.infer<typeof schema>;

export const listFilesTool = defineTool({
  name: 'list_files',
  description:
    'List the files of the workspace, or of one folder, recursively and with their sizes; files .gitignore ignores are left out. Use it to find where things are before reading them.',
  schema,
  readOnly: true,
});

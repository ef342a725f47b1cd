// `read_file` (issue 17): a text file of the workspace, or a range of its lines. Runs in core (runReadFile.ts).
import * as z from 'zod/mini';
import { defineTool } from './defineTool';
import { toolPathField } from './toolPathField';

const line = z.int().check(z.gte(1));

const schema = z
  .object({
    path: toolPathField('The file to read.'),
    startLine: z.optional(line.check(z.describe('The first line to read, from 1. Default: 1.'))),
    endLine: z.optional(line.check(z.describe('The last line to read, inclusive. Default: the end of the file.'))),
  })
  .check(
    z.refine((input) => input.startLine === undefined || input.endLine === undefined || input.endLine >= input.startLine, {
      message: 'endLine must not be before startLine',
      path: ['endLine'],
    }),
  );

export type ReadFileInput = z.infer<typeof schema>;

export const readFileTool = defineTool({
  name: 'read_file',
  description:
    'Read a text file of the workspace, whole or a range of its lines. Returns the text with the lines shown, the number of lines and the size; a long file is cut, and the result says from which line to read on.',
  schema,
  readOnly: true,
});

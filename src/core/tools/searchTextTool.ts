// `search_text` (issue 17): the lines of the workspace's files that hold a text or match a regular expression. The
// extension runs the ripgrep VS Code ships (ripgrepArgs.ts, ripgrepJson.ts) and falls back to a plain search in core
// (searchWorkspaceText.ts); both give the same result.
import * as z from 'zod/mini';
import { defineTool } from './defineTool';

/** The most matching lines one search may return, and the default. */
export const searchResultLimits = { max: 500, default: 100 } as const;

const schema = z.object({
  query: z.string().check(z.minLength(1), z.describe('The text to find, or a regular expression when isRegex is true.')),
  isRegex: z.optional(z.boolean().check(z.describe('Treat the query as a regular expression. Default: false (plain text).'))),
  glob: z.optional(z.string().check(z.minLength(1), z.describe('Only search files matching this glob, e.g. **/*.ts or *.md.'))),
  maxResults: z.optional(
    z
      .int()
      .check(
        z.gte(1),
        z.lte(searchResultLimits.max),
        z.describe(`The most matching lines to return. Default: ${searchResultLimits.default}.`),
      ),
  ),
});

export type SearchTextInput = z.infer<typeof schema>;

export const searchTextTool = defineTool({
  name: 'search_text',
  description:
    'Search the text of the workspace files (files .gitignore ignores are left out) and return the matching lines as path:line: text. Case-insensitive unless the query has a capital letter.',
  schema,
  readOnly: true,
});

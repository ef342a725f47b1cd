// The `path` argument every file tool takes, described once so the model reads the same rule everywhere.
import * as z from 'zod/mini';

/** A non-empty path relative to the workspace folder, with `what` it is for first in its description. */
export function toolPathField(what: string): z.ZodMiniString {
  return z
    .string()
    .check(
      z.minLength(1),
      z.describe(
        `${what} Relative to the workspace folder, e.g. src/app.ts; in a workspace of several folders, start with the folder's name.`,
      ),
    );
}

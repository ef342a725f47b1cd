// One built-in tool from one zod (mini) schema: the JSON Schema the model is told and the check its arguments pass
// before anything runs come from the same schema, so they cannot disagree. The JSON Schemas are written from the zod
// schemas by `npm run tools:schemas` into toolParameters.json (z.toJSONSchema, made portable) rather than at run time:
// zod's JSON Schema writer is ~20 KB of the engine bundle. test/unit/tools/toolDefinitions.test.ts fails when the file
// and the schemas differ.
import * as z from 'zod/mini';
import type { ToolDefinition } from '../chat/chatTypes';
import { formatPath } from '../validation/describeSchemaIssue';
import toolParameters from './toolParameters.json';
import type { ToolInputCheck, ToolSpec } from './toolTypes';

export interface ToolDeclaration<S extends z.ZodMiniType> {
  /** Letters, digits and `_` (every protocol's rule). */
  name: string;
  /** What the model reads to decide when to call it. */
  description: string;
  /** An object schema; each field described with `z.describe`. */
  schema: S;
  readOnly: boolean;
}

export function defineTool<S extends z.ZodMiniType>(declaration: ToolDeclaration<S>): ToolSpec<z.infer<S>> {
  const definition: ToolDefinition = {
    name: declaration.name,
    description: declaration.description,
    // A tool missing from the file is told it takes any object; the test above says to run `npm run tools:schemas`.
    parameters: (toolParameters as Record<string, Record<string, unknown> | undefined>)[declaration.name] ?? { type: 'object' },
  };
  return {
    definition,
    schema: declaration.schema,
    readOnly: declaration.readOnly,
    parse(args: unknown): ToolInputCheck<z.infer<S>> {
      const result = z.safeParse(declaration.schema, args);
      if (result.success) return { ok: true, input: result.data };
      return { ok: false, error: describeArgumentIssues(result.error.issues) };
    },
  };
}

type Issue = z.core.$ZodIssue;

/** The first problems of the arguments, as a model can act on them: "startLine: expected a whole number". */
export function describeArgumentIssues(issues: readonly Issue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${formatPath('the arguments', issue.path)}: ${describeIssue(issue)}`)
    .join('; ');
}

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${typeName(issue.expected)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `expected at least ${String(issue.minimum)} characters`
        : `expected at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `expected at most ${String(issue.maximum)} characters`
        : `expected at most ${String(issue.maximum)}`;
    case 'custom':
      return issue.message;
    default:
      return `not valid (${issue.code})`;
  }
}

function typeName(expected: string): string {
  switch (expected) {
    case 'int':
      return 'a whole number';
    case 'string':
    case 'number':
    case 'boolean':
      return `a ${expected}`;
    case 'object':
    case 'array':
      return `an ${expected}`;
    default:
      return expected;
  }
}

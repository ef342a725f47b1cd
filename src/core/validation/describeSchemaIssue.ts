// Words a zod (mini) validation failure as "expected choices[0].delta.content to be a string", so an
// `invalid-response` error says what the answer should have looked like.
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

export function describeSchemaIssue(issues: readonly Issue[], root: string): string {
  const issue = deepest(issues);
  if (issue === undefined) return `expected ${root} to have a different shape`;
  const where = formatPath(root, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${where} to be ${article(issue.expected)}`;
    case 'invalid_value':
      return `expected ${where} to be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `expected ${where} to be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `expected ${where} to be at most ${String(issue.maximum)}`;
    default:
      return `expected ${where} to have a different shape (${issue.code})`;
  }
}

/** For a union failure, report the branch that got furthest, which is usually the one the server meant. */
function deepest(issues: readonly Issue[]): Issue | undefined {
  let best: Issue | undefined;
  for (const issue of issues) {
    const candidate = issue.code === 'invalid_union' && issue.errors.length > 0 ? prefix(issue.path, deepest(issue.errors.flat())) : issue;
    if (candidate !== undefined && (best === undefined || candidate.path.length > best.path.length)) best = candidate;
  }
  return best;
}

function prefix(path: readonly PropertyKey[], issue: Issue | undefined): Issue | undefined {
  return issue === undefined ? undefined : ({ ...issue, path: [...path, ...issue.path] } as Issue);
}

export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? root : out;
}

function article(expected: string): string {
  switch (expected) {
    case 'array':
    case 'object':
      return `an ${expected}`;
    case 'string':
    case 'number':
    case 'boolean':
      return `a ${expected}`;
    default:
      return expected;
  }
}

import type { PromptCommand, SelectionRequest } from '../../../src/core/prompts/selectionRequest';

export const tsCode = 'function add(a: number, b: number) {\n  return a + b;\n}\n';

export function request(command: PromptCommand, overrides: Partial<SelectionRequest> = {}): SelectionRequest {
  return {
    command,
    code: tsCode,
    languageId: 'typescript',
    relativePath: 'src/math/add.ts',
    startLine: 10,
    endLine: 12,
    ...overrides,
  };
}

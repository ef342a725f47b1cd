// What the selection commands (docs/editor-commands.md) send to a prompt template: the code, where it comes from, and what the
// command needs besides (an instruction, diagnostics, a test convention). Built by the VS Code layer from the
// editor; everything here is plain data so the prompts can be tested without an editor.
import type { ChatMessage } from '../chat/chatTypes';

/** The selection commands that have a prompt template (`ask` puts the selection into the chat as a context chip). */
export type PromptCommand = 'explain' | 'refactor' | 'fix' | 'document' | 'generateTests';

export const promptCommands: readonly PromptCommand[] = ['explain', 'refactor', 'fix', 'document', 'generateTests'];

/** The commands whose answer replaces the selected range (through the diff view), so it must be code only. */
export type EditCommand = Extract<PromptCommand, 'refactor' | 'fix' | 'document'>;

export function isEditCommand(command: PromptCommand): command is EditCommand {
  return command === 'refactor' || command === 'fix' || command === 'document';
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info' | 'hint';

/** One editor diagnostic that touches the selection. */
export interface SelectionDiagnostic {
  message: string;
  severity: DiagnosticSeverity;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column. */
  column?: number;
  /** Who reported it, e.g. `ts` or `eslint`. */
  source?: string;
  /** The rule or error code, e.g. `2304` or `no-unused-vars`. */
  code?: string | number;
}

export interface TestConvention {
  /** e.g. `vitest`, `pytest`, `JUnit 5`. */
  framework?: string;
  /** The test file the answer goes into, e.g. `src/foo.test.ts` (see proposeTestFilePath). */
  fileName?: string;
}

export interface SelectionRequest {
  command: PromptCommand;
  /** The selected code (already cut to the budget when `truncated`). */
  code: string;
  /** VS Code language id, e.g. `typescript`, `python`. */
  languageId: string;
  /** Workspace-relative path of the file. */
  relativePath: string;
  /** 1-based, inclusive: the lines of `code` (when truncated, `endLine` is the last line sent). */
  startLine: number;
  endLine: number;
  /** refactor: the user's instruction; the other commands: an optional extra request. */
  instruction?: string;
  /** fix: the diagnostics that touch the selection. */
  diagnostics?: SelectionDiagnostic[];
  /** The selection was longer than the budget and `code` holds only its beginning. */
  truncated?: boolean;
  /** Surrounding code from the same file, for reference only. */
  fileContext?: string;
  /** generateTests: what the project uses and where the tests go. */
  testConvention?: TestConvention;
}

/** A prompt ready for `ChatRequest`: `systemPrompt` goes to `ChatRequest.systemPrompt`. */
export interface SelectionPrompt {
  systemPrompt: string;
  messages: ChatMessage[];
}

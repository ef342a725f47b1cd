// The tools a model may call during a chat turn (issue 17, docs/chat.md "Tools"), as the tool loop
// (turns/runToolLoop.ts) and the extension see them. Only types: the loop and the built-in tools run in the engine
// bundle.
import type { ToolCall, ToolDefinition } from '../chat/chatTypes';
import type { ContextNote } from '../conversations/messagePart';

/** A check of a call's arguments (already parsed from JSON): the input the tool runs with, or what is wrong. */
export type ToolInputCheck<T = unknown> =
  | { ok: true; input: T }
  /** In English, for the model: it reads it as the call's error result and can call again. */
  | { ok: false; error: string };

/**
 * A tool offered to the model: what the model is told (`definition`: name, description, JSON Schema of the arguments)
 * and the check its arguments pass before anything runs. The built-in tools (src/core/tools/builtinTools.ts) are
 * these; a tool of another extension (`vscode.lm.tools`) becomes one with a `parse` that accepts any JSON object.
 */
export interface ToolSpec<T = unknown> {
  definition: ToolDefinition;
  /**
   * Whether the tool only looks (read a file, list, search, problems, diff) or changes something (propose an edit,
   * create a file). "Always allow read-only tools in this workspace" applies to the first kind only; a tool whose
   * nature is unknown (another extension's) counts as changing.
   */
  readOnly: boolean;
  parse(args: unknown): ToolInputCheck<T>;
  /** The zod schema behind `parse` and `definition.parameters`, for a built-in tool (scripts/tools/writeToolSchemas.ts). */
  schema?: unknown;
}

/** A call that passed its tool's check, as the loop hands it to `TurnTools.run`. */
export interface CheckedToolCall extends ToolCall {
  /** The arguments as the tool's `parse` returned them. */
  input: unknown;
  /** The tool's `readOnly`, for the approval. */
  readOnly: boolean;
}

/**
 * What running a call gave: the text the model reads (English; a result or an error), and optionally the same for
 * the user in the UI's language (a refused path, a search cut at its limit, a denial).
 */
export interface ToolOutcome {
  content: string;
  /** The call did not do what was asked (refused, denied, failed): the model is told it is an error. */
  isError: boolean;
  note?: ContextNote;
}

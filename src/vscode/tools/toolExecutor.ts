// How the chat's tools run on the extension's side (issue 17, docs/chat.md "Tools"). The tool loop in core checks a
// call's name and arguments; ChatToolRunner (chatToolRunner.ts) asks the user; an executor then does the work: the
// built-in tools (builtinToolExecutor.ts) or another extension's (languageModelTools.ts).
import type { CheckedToolCall, ToolOutcome } from '../../core/tools/toolTypes';

/**
 * Runs one call the user allowed. Resolves with the result the model reads (an error result for anything refused or
 * failed: a path outside the workspace, a file that does not exist); should end soon after `signal` aborts (Stop
 * kills a running search). Throws only for a bug, which the loop turns into an error result.
 */
export type ToolExecutor = (call: CheckedToolCall, signal: AbortSignal) => Promise<ToolOutcome>;

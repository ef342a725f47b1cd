// Inline completions (issue 18, docs/completions.md): what the extension asks a completion model for, and what comes
// back. No `vscode`: the extension builds the input from the editor (completionInput.ts), the engine sends it in the
// model's protocol (ProviderEngine.complete), and the answer is cleaned (postProcessCompletion.ts) before it is shown.
import type { TokenUsage } from '../chat/chatTypes';

/** A snippet of another open file of the same language, offered to the model as context. */
export interface CompletionSnippet {
  /** Workspace-relative path, shown to the model as the snippet's file. */
  path: string;
  text: string;
}

/** Everything a completion prompt is made of, already cut to its budget. */
export interface CompletionInput {
  /** The text before the cursor (starting at a line start when cut). */
  prefix: string;
  /** The text after the cursor (ending at a line end when cut). */
  suffix: string;
  /** VS Code's language id of the file (`typescript`, `python`). */
  languageId: string;
  /** The file's workspace-relative path, when it has one. */
  path?: string;
  /** Other open files of the same language, most relevant first, already within the budget. */
  snippets: readonly CompletionSnippet[];
  /**
   * A whole block is wanted (the cursor is on an empty line inside an empty body, after an opening bracket): else
   * the completion ends at the end of the line.
   */
  multiline: boolean;
}

export interface CompletionRequest extends CompletionInput {
  /** The most tokens the model may produce. */
  maxTokens: number;
  /** Typing on aborts the request; the connection is closed, so the server stops too. */
  signal?: AbortSignal;
}

/** The model's raw middle (not yet post-processed), and what it cost. */
export interface CompletionResult {
  text: string;
  usage?: TokenUsage;
  /** The provider entry and model that answered (`provider/model`). */
  provider: string;
  model: string;
}

/**
 * How a model is asked for the middle: a fill-in-the-middle endpoint (OpenAI-compatible `/v1/completions` with
 * `suffix` or a template, Ollama `/api/generate` with `suffix`, Mistral's `/v1/fim/completions`, DeepSeek's
 * `/beta/completions`), or, for chat-only models, a chat prompt that asks for it (slower; marked so in the picker).
 */
export type CompletionProtocol = 'openai-completions' | 'ollama-generate' | 'mistral-fim' | 'deepseek-fim' | 'chat';

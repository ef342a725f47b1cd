// The language models VS Code offers extensions (`vscode.lm`), as the engine sees them (docs/vscode-chat.md): the
// provider kind `vscode-lm` lists and chats through this interface, which the VS Code layer fills in
// (src/vscode/lm/vscodeHostModels.ts). Core never imports `vscode`, so messages cross it in this plain form, and
// nothing here ever carries a key: VS Code's models are reached through the editor, never over HTTP.
import type { ModelInfo, ToolChoice, ToolDefinition } from '../chat/chatTypes';

/** One part of a message as VS Code's language-model API has it (LanguageModelTextPart, ToolCallPart, ToolResultPart). */
export type HostPart =
  | { type: 'text'; text: string }
  | { type: 'tool-call'; id: string; name: string; input: object }
  | { type: 'tool-result'; callId: string; text: string };

/**
 * A message of VS Code's language-model API. `system` exists in newer editors only; a request to a host model sends
 * `user` and `assistant` (the system prompt goes in front of the first user message).
 */
export interface HostMessage {
  role: 'system' | 'user' | 'assistant';
  parts: HostPart[];
}

/** What a host model streams back: text, and tool calls with their input as an object (LanguageModelToolCallPart). */
export type HostResponsePart = { type: 'text'; text: string } | { type: 'tool-call'; id: string; name: string; input: object };

export interface HostChatRequest {
  /** The model's id as `vscode.lm.selectChatModels` gives it. */
  model: string;
  messages: HostMessage[];
  tools?: readonly ToolDefinition[];
  toolChoice?: ToolChoice;
  signal?: AbortSignal;
}

/**
 * Why a host model failed, as the VS Code layer reports it (the `code` of vscode.LanguageModelError, or a stream
 * that broke off): `no-permissions` (the person refused consent), `blocked`, `not-found` (no such model now),
 * `withdrawn` (the model's answer stream threw mid-answer, e.g. its extension went away), anything else `unknown`.
 */
export type HostFailureCode = 'no-permissions' | 'blocked' | 'not-found' | 'withdrawn' | 'unknown';

/** Thrown by `HostLanguageModels.send` (its stream) with the reason; `detail` is the editor's own words, if any. */
export interface HostFailure {
  hostFailure: HostFailureCode;
  detail?: string;
}

export interface HostLanguageModels {
  /** The chat models VS Code offers now (never Switchboard's own, which would loop back here). */
  list(signal?: AbortSignal): Promise<ModelInfo[]>;
  /** Streams one model's answer; throws a HostFailure (or anything else, reported as `unknown`). */
  send(request: HostChatRequest): AsyncIterable<HostResponsePart>;
}

export function isHostFailure(error: unknown): error is HostFailure {
  return typeof error === 'object' && error !== null && typeof (error as { hostFailure?: unknown }).hostFailure === 'string';
}

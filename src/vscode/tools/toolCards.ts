// An answer's tool calls as the chat's cards show them (issue 17, docs/chat.md "Tools"): what each call does in a
// line (in the UI's language), its arguments, where it stands (waiting for the user, running, done, failed, denied,
// stopped), the size of its result and the note for the user, and where in the answer's text it was made.
import * as vscode from 'vscode';
import type { AssistantMessage, AssistantStatus } from '../../core/conversations/conversation';
import type { MessagePart, ToolCallPart, ToolResultPart } from '../../core/conversations/messagePart';
import { fitText, protocolLimits } from '../../shared/protocolLimits';
import type { ToolCardState, ToolCardView } from '../../shared/webviewProtocol';
import { describeContextNote } from '../errors/describeError';

/** What only the running answer knows about a call: it waits for the user or runs, and whether it ran unasked. */
export interface LiveToolStates {
  state(callId: string): 'pending' | 'running' | undefined;
  autoAllowed(callId: string): boolean;
  readOnly(name: string): boolean;
}

/** The cards of an answer's tool calls, in order; empty for a message without calls. */
export function toolCardsOf(message: AssistantMessage, live: LiveToolStates): ToolCardView[] {
  const results = new Map<string, ToolResultPart>();
  for (const part of message.parts) if (part.type === 'tool-result') results.set(part.callId, part);
  const cards: ToolCardView[] = [];
  let offset = 0;
  for (const part of message.parts) {
    if (part.type === 'text') offset += part.text.length;
    if (part.type !== 'tool-call') continue;
    const result = results.get(part.id);
    const card: ToolCardView = {
      callId: fitText(part.id, protocolLimits.id),
      name: short(part.name),
      title: short(toolCallTitle(part)),
      arguments: short(prettyArguments(part.arguments)),
      state: cardState(result, live.state(part.id), message.status),
      readOnly: live.readOnly(part.name),
      offset: Math.min(offset, protocolLimits.longText),
    };
    if (result !== undefined) card.resultSize = Buffer.byteLength(result.content, 'utf8');
    if (result?.note !== undefined) card.note = short(describeContextNote(result.note));
    if (live.autoAllowed(part.id)) card.autoAllowed = true;
    cards.push(card);
  }
  return cards;
}

export function hasToolCalls(parts: readonly MessagePart[]): boolean {
  return parts.some((part) => part.type === 'tool-call');
}

function cardState(result: ToolResultPart | undefined, live: 'pending' | 'running' | undefined, status: AssistantStatus): ToolCardState {
  if (result !== undefined) {
    if (!result.isError) return 'done';
    return result.note?.id === 'tool.denied' ? 'denied' : 'failed';
  }
  if (live !== undefined) return live;
  // No result and nothing running: the answer is still before it (streaming) or ended without running it.
  return status === 'streaming' ? 'running' : 'stopped';
}

/** What a call does, in a line: "Read src/app.ts, lines 1–40". Another extension's tool is "Run <name>". */
export function toolCallTitle(call: Pick<ToolCallPart, 'name' | 'arguments'>): string {
  const args = parseObject(call.arguments);
  const text = (key: string): string | undefined => {
    const value = args[key];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const whole = (key: string): number | undefined => {
    const value = args[key];
    return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
  };
  switch (call.name) {
    case 'read_file': {
      const path = text('path') ?? '?';
      const start = whole('startLine');
      const end = whole('endLine');
      if (start !== undefined && end !== undefined) return vscode.l10n.t('Read {0}, lines {1}–{2}', path, start, end);
      if (start !== undefined) return vscode.l10n.t('Read {0} from line {1}', path, start);
      if (end !== undefined) return vscode.l10n.t('Read {0}, lines 1–{1}', path, end);
      return vscode.l10n.t('Read {0}', path);
    }
    case 'list_files': {
      const glob = text('glob');
      const folder = text('folder');
      if (glob !== undefined && folder !== undefined) return vscode.l10n.t('List {0} in {1}', glob, folder);
      if (glob !== undefined) return vscode.l10n.t('List {0}', glob);
      if (folder !== undefined) return vscode.l10n.t('List the files in {0}', folder);
      return vscode.l10n.t('List the workspace files');
    }
    case 'search_text': {
      const query = text('query') ?? '';
      const glob = text('glob');
      return glob !== undefined ? vscode.l10n.t('Search for “{0}” in {1}', query, glob) : vscode.l10n.t('Search for “{0}”', query);
    }
    case 'get_problems': {
      const path = text('path');
      return path !== undefined ? vscode.l10n.t('Get the problems of {0}', path) : vscode.l10n.t('Get the problems of the workspace');
    }
    case 'get_diff':
      return vscode.l10n.t('Get the uncommitted changes');
    case 'propose_edit':
      return vscode.l10n.t('Propose a change to {0}', text('path') ?? '?');
    case 'create_file':
      return vscode.l10n.t('Propose a new file {0}', text('path') ?? '?');
    default:
      return vscode.l10n.t('Run {0}', call.name);
  }
}

/** The arguments indented when they are JSON; as the model sent them when not (the card shows what was wrong). */
function prettyArguments(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), undefined, 2);
  } catch {
    return text;
  }
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function short(text: string): string {
  return fitText(text, protocolLimits.shortText);
}

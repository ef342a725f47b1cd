// `/image <prompt>` in the chat: the same generation and saving as the Generate Image command, answered in the
// conversation with the saved files shown inline. It reports to the view as a chat turn does (TurnUpdate).
import * as vscode from 'vscode';
import type { ChatEvent } from '../../core/chat/chatTypes';
import { applyChatEvent } from '../../core/conversations/applyChatEvent';
import { attachImages } from '../../core/conversations/attachImages';
import type { Conversation } from '../../core/conversations/conversation';
import { startAssistantMessage } from '../../core/conversations/conversationOps';
import { errorDetail } from '../../core/errors/errorFactories';
import { readErrorText } from '../../core/errors/errorText';
import { ProviderError, type ProviderErrorKind } from '../../core/errors/providerError';
import type { RunTurnOptions } from '../../core/turns/turnRunner';
import type { ChatViewPort } from './chatViewPort';
import type { TurnRun } from './chatTurns';

/** Generates and saves images for a prompt (the image feature's `forChat`). */
export type ChatImageGenerator = (
  prompt: string,
  signal: AbortSignal,
) => Promise<{ provider: string; model: string; paths: string[]; skipped: string[] }>;

export async function runImageTurn(
  conversation: Conversation,
  prompt: string,
  generate: ChatImageGenerator | undefined,
  options: Pick<RunTurnOptions, 'signal' | 'onUpdate'>,
  onStatus: (messageId: string, text: string) => void,
): Promise<Conversation> {
  const signal = options.signal ?? new AbortController().signal;
  const started = startAssistantMessage(conversation);
  let current = started.conversation;
  const messageId = started.message.id;
  options.onUpdate?.(current, { type: 'turn-start', messageId });
  const apply = (event: ChatEvent): void => {
    current = applyChatEvent(current, messageId, event);
    options.onUpdate?.(current, event);
  };
  try {
    if (!generate) throw new Error(vscode.l10n.t('Image generation is not available.'));
    onStatus(messageId, vscode.l10n.t('Generating the image…'));
    const result = await generate(prompt, signal);
    apply({ type: 'model', provider: result.provider, model: result.model });
    const saved = result.paths.map((file) => vscode.workspace.asRelativePath(file)).join(', ');
    const lines = [result.paths.length > 0 ? vscode.l10n.t('Saved {0}.', saved) : vscode.l10n.t('No image was saved.'), ...result.skipped];
    apply({ type: 'text-delta', text: lines.join('\n\n') });
    current = attachImages(
      current,
      messageId,
      result.paths.map((file) => ({ path: file, alt: prompt })),
    );
    apply({ type: 'done', finishReason: 'stop' });
  } catch (error) {
    if (signal.aborted || (error as { kind?: unknown }).kind === 'cancelled') {
      apply({ type: 'done', finishReason: 'cancelled' });
    } else {
      const { kind, messageId, params } = error as { kind?: unknown; messageId?: unknown; params?: unknown };
      // An engine-bundle ProviderError is another class here: its words are kept as data, so the UI translates them.
      const text = readErrorText(messageId, params);
      apply({
        type: 'error',
        error: new ProviderError({
          kind: typeof kind === 'string' ? (kind as ProviderErrorKind) : 'bad-request',
          provider: String((error as { provider?: unknown }).provider ?? 'switchboard'),
          ...(text !== undefined ? { text } : { message: errorDetail(error) }),
        }),
      });
    }
  }
  return current;
}

/** `/image <prompt>` as a turn of the chat: runImageTurn with its status line shown under the answer. */
export function imageTurn(prompt: string, generate: ChatImageGenerator | undefined, port: ChatViewPort): TurnRun {
  return (conversation, options) =>
    runImageTurn(conversation, prompt, generate, options, (messageId, text) => port.post({ type: 'status', messageId, text }));
}

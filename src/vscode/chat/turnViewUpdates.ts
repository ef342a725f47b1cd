// What the webview is told while a turn runs: the new answer, its text as it streams, one status line for waits,
// retries, fallbacks and notices, and the final state of the answer when it ends.
import * as vscode from 'vscode';
import type { Conversation } from '../../core/conversations/conversation';
import { formatDuration } from '../../core/formatDuration';
import type { TurnUpdate } from '../../core/turns/turnRunner';
import type { ChatViewPort } from './chatViewPort';
import { toMessageView } from './toConversationView';

/** Posts the answer `messageId` of `conversation` as a whole (its state, its tool cards). */
export function showAnswer(port: ChatViewPort, conversation: Conversation, messageId: string): void {
  const answer = conversation.messages.find((message) => message.id === messageId);
  if (answer) port.post({ type: 'message', message: toMessageView(answer, port) });
}

export function showTurnUpdate(
  port: ChatViewPort,
  log: vscode.LogOutputChannel,
  conversation: Conversation,
  messageId: string,
  update: TurnUpdate,
): void {
  const status = (text: string): void => port.post({ type: 'status', messageId, text });
  const answer = (): void => showAnswer(port, conversation, messageId);
  switch (update.type) {
    case 'turn-start':
    case 'model':
    case 'done':
      answer();
      return;
    case 'error':
      log.warn(`Answer failed: ${update.error.message}`);
      answer();
      return;
    case 'text-delta':
      port.post({ type: 'delta', messageId, text: update.text });
      return;
    case 'usage':
      return;
    // Tool steps (issue 17): the answer is drawn as a whole, with its cards (a call's arguments stream as one update).
    case 'tool-call-start':
    case 'tool-call':
    case 'tool-result':
    case 'answer-note':
    case 'answer-cost':
      answer();
      return;
    case 'rate-limit-wait':
      status(vscode.l10n.t('Waiting {0} for the rate limit of {1}/{2}…', formatDuration(update.waitMs), update.provider, update.model));
      return;
    case 'retry':
      log.warn(`Retry ${update.attempt} of ${update.provider}/${update.model} in ${update.delayMs} ms: ${update.error.message}`);
      status(vscode.l10n.t('Retrying in {0} (attempt {1}): {2}', formatDuration(update.delayMs), update.attempt + 1, update.error.message));
      return;
    case 'fallback':
      log.warn(
        `Fallback from ${update.from.provider}/${update.from.model} to ${update.to.provider}/${update.to.model}: ${update.error.message}`,
      );
      status(
        vscode.l10n.t(
          '{0}/{1} failed ({2}); trying {3}/{4}…',
          update.from.provider,
          update.from.model,
          update.error.message,
          update.to.provider,
          update.to.model,
        ),
      );
      return;
    case 'notice': {
      const tools = update.notice === 'tools-dropped';
      log.info(
        tools
          ? `${update.provider}/${update.model} refused tools; sent without them, and will be for the rest of the session.`
          : `${update.provider}/${update.model} refused the temperature setting; sent without it, and will for the rest of the session.`,
      );
      const text = tools
        ? vscode.l10n.t('{0}/{1} cannot use tools; it answers without reading the workspace.', update.provider, update.model)
        : vscode.l10n.t('{0}/{1} does not accept a temperature; sent without it.', update.provider, update.model);
      // The status line goes at the answer's first text; the notice stays a few seconds, so a fast answer does not hide it.
      status(text);
      port.notice(text);
      return;
    }
  }
}

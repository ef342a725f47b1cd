// Moderation before sending (`switchboard.moderation.enabled`; docs/moderation-and-caching.md): the prompt is checked
// with the moderator (ProviderEngine.moderate) and sent only when it passes or the person says so.
//
// - Flagged: a modal lists the categories; "Send Anyway" sends it once, Cancel sends nothing (the caller puts the
//   text back into the composer).
// - No moderator (no OpenAI or Sydney key): the send is held, with "Set API Key" and "Send Without Moderation" — the
//   person turned moderation on, so an unchecked send must be their choice, never a silent one.
// - The check fails (network, 401, 429): the modal says why, with "Send Without Moderation" or Cancel.
// A prompt that passed (or was let through) is not checked again for ten minutes: `/image` in the chat is checked when
// sent and would otherwise be asked about again when the image request goes out.
import * as vscode from 'vscode';
import type { ModerationOutcome } from '../../core/engine';
import type { ProviderEngineHost } from '../engine/providerEngineHost';
import { describeError } from '../errors/describeError';
import { providerLabel } from '../errors/providerLabels';
import { moderationCategoryLabel } from './moderationCategoryLabel';

export type ModeratedPrompt = 'chat' | 'image';

const passedFor = 10 * 60_000;
const passed = new Map<string, number>();

/** Whether the prompt may be sent. Never throws. */
export async function moderateBeforeSending(host: ProviderEngineHost, text: string, kind: ModeratedPrompt): Promise<boolean> {
  const now = Date.now();
  for (const [prompt, at] of passed) if (now - at > passedFor) passed.delete(prompt);
  if (passed.has(text)) return true;
  const allowed = await decide(host, text, kind);
  if (allowed) passed.set(text, now);
  return allowed;
}

async function decide(host: ProviderEngineHost, text: string, kind: ModeratedPrompt): Promise<boolean> {
  let outcome: ModerationOutcome;
  try {
    outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking the prompt with moderation…') },
      () => host.get().moderate(text, AbortSignal.timeout(60_000)),
    );
  } catch (error) {
    const sendWithout = vscode.l10n.t('Send Without Moderation');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('The moderation check failed, so the prompt was not sent.'),
      { modal: true, detail: describeError(error) },
      sendWithout,
    );
    return choice === sendWithout;
  }
  if (outcome.kind === 'none') {
    const setKey = vscode.l10n.t('Set API Key');
    const sendWithout = vscode.l10n.t('Send Without Moderation');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Moderation is on, but no provider that moderates has a key, so the prompt was not sent.'),
      {
        modal: true,
        detail: vscode.l10n.t('Set an OpenAI or Sydney gateway key to check prompts, or turn off switchboard.moderation.enabled.'),
      },
      setKey,
      sendWithout,
    );
    if (choice === setKey) void vscode.commands.executeCommand('switchboard.setApiKey', { provider: 'openai' });
    return choice === sendWithout;
  }
  const { verdict } = outcome;
  if (!verdict.flagged) return true;
  const categories = verdict.categories.map(moderationCategoryLabel);
  const sendAnyway = vscode.l10n.t('Send Anyway');
  const moderator = providerLabel(verdict.moderator) ?? verdict.moderator;
  const choice = await vscode.window.showWarningMessage(
    kind === 'image'
      ? vscode.l10n.t('{0} flagged this image prompt: {1}.', moderator, categories.join(', ') || vscode.l10n.t('no category named'))
      : vscode.l10n.t('{0} flagged this message: {1}.', moderator, categories.join(', ') || vscode.l10n.t('no category named')),
    { modal: true, detail: vscode.l10n.t('Nothing was sent. Send it anyway, or cancel to keep it as a draft.') },
    sendAnyway,
  );
  return choice === sendAnyway;
}

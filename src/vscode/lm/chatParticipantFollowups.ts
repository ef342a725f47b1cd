// Follow-ups under an `@switchboard` answer (ChatFollowupProvider): after an explanation, the natural next steps on
// the same code; nothing after an error or the "choose a model" reply.
import * as vscode from 'vscode';
import type { ParticipantResultMetadata } from './chatParticipantHandler';

export function participantFollowups(result: vscode.ChatResult): vscode.ChatFollowup[] {
  if (result.errorDetails) return [];
  const metadata = (result.metadata ?? {}) as ParticipantResultMetadata;
  if (metadata.noModel) return [];
  switch (metadata.command) {
    case 'explain':
      return [
        { prompt: '', command: 'tests', label: vscode.l10n.t('Write tests for this code') },
        { prompt: '', command: 'doc', label: vscode.l10n.t('Document this code') },
      ];
    case 'fix':
      return [{ prompt: '', command: 'tests', label: vscode.l10n.t('Write tests for the fixed code') }];
    default:
      return [];
  }
}

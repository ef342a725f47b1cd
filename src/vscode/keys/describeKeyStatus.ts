import * as vscode from 'vscode';
import type { KeyStatus } from '../../core/keys/keyStore';
import { assertNever } from '../../shared/assertNever';

/** How a provider's key state reads in pickers. */
export function describeKeyStatus(status: KeyStatus): string {
  switch (status.source) {
    case 'stored':
      return status.hasSecret === false ? vscode.l10n.t('key stored, secret missing') : vscode.l10n.t('key stored');
    case 'session':
      return vscode.l10n.t('key kept for this session only');
    case 'environment':
      return vscode.l10n.t('key from ${0}', status.envVar ?? '');
    case 'missing':
      return vscode.l10n.t('no key');
    case 'not-needed':
      return vscode.l10n.t('no key needed');
    default:
      return assertNever(status.source, 'key source');
  }
}

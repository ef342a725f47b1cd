// Why a provider's models could not be listed, worded for the pickers. A local server (Ollama, LM Studio, vLLM)
// that refuses the connection is simply not started, which is the usual state on a fresh machine: say so with
// where it was looked for, instead of a network error (docs/chat.md).
import * as vscode from 'vscode';
import type { ProviderError } from '../../core/errors/providerError';
import type { ResolvedProviderEntry } from '../../core/providers/createChatProvider';
import { describeError } from '../errors/describeError';

export function describeListFailure(entry: ResolvedProviderEntry, error: ProviderError): string {
  if (!entry.requiresKey && error.messageId === 'network.refused') {
    return vscode.l10n.t('{0} is not running on {1}', entry.label, hostOf(entry.baseUrl));
  }
  return describeError(error);
}

/**
 * The same failure in a few words, for a row of a model picker that reads "Provider · …" (the whole sentence of
 * describeListFailure goes in the row's detail, so a long provider message never stretches the picker).
 */
export function shortListFailure(entry: ResolvedProviderEntry, error: ProviderError): string {
  if (!entry.requiresKey && error.messageId === 'network.refused') return vscode.l10n.t('not running');
  switch (error.kind) {
    case 'auth':
      return vscode.l10n.t('key refused');
    case 'network':
    case 'timeout':
      return vscode.l10n.t('not reachable');
    default:
      return vscode.l10n.t('models not listed');
  }
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

// The spend view's words in VS Code's display language (vscode.l10n.t, Russian in l10n/bundle.l10n.ru.json). They go
// into the view's document as its string table (src/core/webviewDocument.ts), so the view's bundle carries none.
import * as vscode from 'vscode';
import type { SpendViewStrings } from '../../shared/spendView';

export function spendViewStrings(): SpendViewStrings {
  return {
    heading: vscode.l10n.t('Spend in the last 30 days'),
    stackBy: vscode.l10n.t('Stack bars by'),
    byProvider: vscode.l10n.t('Provider'),
    byKind: vscode.l10n.t('Kind'),
    kindChat: vscode.l10n.t('Chat'),
    kindImage: vscode.l10n.t('Images'),
    kindCompletion: vscode.l10n.t('Completions'),
    chartLabel: vscode.l10n.t('Spend per day over the last 30 days, stacked by provider. Total {0}.'),
    chartLabelByKind: vscode.l10n.t('Spend per day over the last 30 days, stacked by chat, images and completions. Total {0}.'),
    barLabel: vscode.l10n.t('{0}: {1}'),
    total: vscode.l10n.t('Total: {0}'),
    unpriced: vscode.l10n.t('Requests with unknown price: {0}'),
    estimated: vscode.l10n.t('Priced from estimated tokens: {0}'),
    topConversations: vscode.l10n.t('Top conversations'),
    topModels: vscode.l10n.t('Top models'),
    colConversation: vscode.l10n.t('Conversation'),
    colModel: vscode.l10n.t('Model'),
    colProvider: vscode.l10n.t('Provider'),
    colRequests: vscode.l10n.t('Requests'),
    colCost: vscode.l10n.t('Cost'),
    colDay: vscode.l10n.t('Day'),
    dayTable: vscode.l10n.t('Spend per day'),
    untitled: vscode.l10n.t('Untitled conversation'),
    empty: vscode.l10n.t('Nothing spent in the last 30 days'),
    emptyHint: vscode.l10n.t('Answers, images and completions appear here with their cost once you use a priced model.'),
    unknownPrice: vscode.l10n.t('unknown'),
  };
}

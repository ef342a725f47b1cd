// The words for the moderation categories a person is shown (docs/moderation-and-caching.md): OpenAI's documented
// categories ("Moderation" guide) and the Sydney gateway's example filters, in the UI's language; any other name is
// shown as the service wrote it.
import * as vscode from 'vscode';

export function moderationCategoryLabel(name: string): string {
  switch (name.toLowerCase()) {
    case 'harassment':
      return vscode.l10n.t('harassment');
    case 'harassment/threatening':
      return vscode.l10n.t('threatening harassment');
    case 'hate':
      return vscode.l10n.t('hate');
    case 'hate/threatening':
      return vscode.l10n.t('threatening hate');
    case 'illicit':
      return vscode.l10n.t('illicit acts');
    case 'illicit/violent':
      return vscode.l10n.t('violent illicit acts');
    case 'self-harm':
      return vscode.l10n.t('self-harm');
    case 'self-harm/intent':
      return vscode.l10n.t('intent of self-harm');
    case 'self-harm/instructions':
      return vscode.l10n.t('instructions for self-harm');
    case 'sexual':
    case 'nsfw':
      return vscode.l10n.t('sexual content');
    case 'sexual/minors':
      return vscode.l10n.t('sexual content involving minors');
    case 'violence':
      return vscode.l10n.t('violence');
    case 'violence/graphic':
    case 'nsfl':
      return vscode.l10n.t('graphic violence');
    default:
      return name;
  }
}

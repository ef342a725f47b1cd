// "Change Target File…": the user points a proposed change at another file of the workspace, or at a new one
// (whose path goes through the same checks as a path an answer names: resolveCodeTarget.ts).
import * as vscode from 'vscode';
import { assertNever } from '../../shared/assertNever';
import { resolveNamedPath } from './resolveCodeTarget';

export interface PickedTarget {
  uri: vscode.Uri;
  exists: boolean;
}

type Item = vscode.QuickPickItem & { uri?: vscode.Uri };

export async function pickTargetFile(current: vscode.Uri | undefined): Promise<PickedTarget | undefined> {
  const files = await vscode.workspace.findFiles('**/*', '**/{node_modules,.git}/**', 5000);
  const byPath = files.map((uri) => ({ uri, path: vscode.workspace.asRelativePath(uri) })).sort((a, b) => a.path.localeCompare(b.path));
  const newFile: Item = { label: `$(new-file) ${vscode.l10n.t('New File…')}` };
  const items: Item[] = [
    newFile,
    ...byPath.map(({ uri, path }) => ({
      label: path.split('/').at(-1) ?? path,
      description: path,
      uri,
      ...(current?.toString() === uri.toString() ? { detail: vscode.l10n.t('the current target') } : {}),
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Apply the code to which file?'),
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.uri) return { uri: picked.uri, exists: true };
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('New file for the code'),
    prompt: vscode.l10n.t('A path inside the workspace, e.g. src/util/date.ts'),
    ignoreFocusOut: true,
  });
  if (!typed?.trim()) return undefined;
  const target = await resolveNamedPath(typed.trim(), { questionFiles: [], editor: current });
  switch (target.kind) {
    case 'file':
      return { uri: target.uri, exists: target.exists };
    case 'refused':
      void vscode.window.showWarningMessage(target.message);
      return undefined;
    case 'cancelled':
    case 'none':
      return undefined;
    default:
      return assertNever(target, 'code target');
  }
}

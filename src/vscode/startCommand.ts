import * as vscode from 'vscode';

/**
 * Starts a Switchboard command where nobody waits for it (a notification button, a picker item). registerCommands
 * already logs and shows a failing command's error, then rethrows it for callers of executeCommand; here there is
 * no caller to tell, so the rejection ends here instead of surfacing as an unhandled rejection in the extension host.
 */
export function startCommand(id: `switchboard.${string}`, ...args: unknown[]): void {
  vscode.commands.executeCommand(id, ...args).then(undefined, () => undefined);
}

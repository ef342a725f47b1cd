import * as vscode from 'vscode';
import { ChatViewProvider } from './chatViewProvider';

export interface CommandServices {
  log: vscode.LogOutputChannel;
}

/** Registers every `switchboard.*` command. Each handler is small and delegates to an adapter. */
export function registerCommands(context: vscode.ExtensionContext, services: CommandServices): void {
  const register = (id: string, handler: (...args: unknown[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  };

  register('switchboard.openChat', async () => {
    // `<viewId>.focus` is the command VS Code generates for every view: it reveals the container and the view.
    await vscode.commands.executeCommand(`${ChatViewProvider.viewId}.focus`);
  });

  register('switchboard.showLog', () => {
    services.log.show(true);
  });
}

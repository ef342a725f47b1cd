// Entry point of the extension host side. `activate()` only wires things up: no network, no file reads, no
// provider code (that loads on first use), so opening VS Code stays fast (SPEC §10: ≤ 25 ms).
import * as vscode from 'vscode';
import { ChatViewProvider } from './chatViewProvider';
import { registerCommands } from './registerCommands';

/** What the extension returns from `activate()`; tests and other extensions read it through `exports`. */
export interface SwitchboardApi {
  /** How long `activate()` took, in milliseconds, measured inside the extension host. */
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): SwitchboardApi {
  const started = performance.now();

  const log = vscode.window.createOutputChannel('Switchboard', { log: true });
  context.subscriptions.push(log);

  const chatView = new ChatViewProvider(context.extensionUri, log);
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(ChatViewProvider.viewId, chatView, {
      webviewOptions: { retainContextWhenHidden: false },
    }),
  );
  registerCommands(context, { log });

  const activationMs = performance.now() - started;
  log.info(`Switchboard ${String(context.extension.packageJSON.version)} activated in ${activationMs.toFixed(2)} ms`);
  return { activationMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

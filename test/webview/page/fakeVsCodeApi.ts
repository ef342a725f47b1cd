// A stand-in for the `acquireVsCodeApi` VS Code puts into a webview before the extension's script: it records what
// the chat view posts, and `sbChat.deliver` hands the view a message as the extension's arrive (a window message
// event). Imported before src/webview/main.ts, so it is in place when the view starts.
import type { ExtensionToWebviewMessage, WebviewToExtensionMessage } from '../../../src/shared/webviewProtocol';

const posted: WebviewToExtensionMessage[] = [];
let state: unknown;

(window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
  postMessage: (message: WebviewToExtensionMessage) => posted.push(message),
  getState: () => state,
  setState: (value: unknown) => {
    state = value;
  },
});

const api = {
  /** What the view posted to the extension so far. */
  posted: (): WebviewToExtensionMessage[] => posted.slice(),
  deliver(message: ExtensionToWebviewMessage): void {
    window.dispatchEvent(new MessageEvent('message', { data: message }));
  },
  /** Sets VS Code theme variables the way the webview host does (CSSOM, which the CSP allows). */
  setTheme(kind: string, variables: Record<string, string>): void {
    document.body.className = kind;
    for (const [name, value] of Object.entries(variables)) document.documentElement.style.setProperty(name, value);
  },
  /** A computed style property of the first element matching `selector`. */
  style: (selector: string, property: string): string | undefined => {
    const element = document.querySelector(selector);
    return element ? getComputedStyle(element).getPropertyValue(property) : undefined;
  },
};

export type ChatPageApi = typeof api;

(window as unknown as { sbChat: ChatPageApi }).sbChat = api;

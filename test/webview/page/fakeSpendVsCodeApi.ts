// A stand-in for the `acquireVsCodeApi` VS Code gives the spend view (src/webview/spend/spendMain.ts): it records what
// the view posts, and `sbSpend.deliver` hands the view a message as the panel's arrive (a window message event).
// Imported before the view's script, so it is in place when the view starts.
const posted: unknown[] = [];
let state: unknown;

(window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
  postMessage: (message: unknown) => posted.push(message),
  getState: () => state,
  setState: (value: unknown) => {
    state = value;
  },
});

const api = {
  posted: (): unknown[] => posted.slice(),
  deliver(message: unknown): void {
    window.dispatchEvent(new MessageEvent('message', { data: message }));
  },
  /** Sets VS Code theme variables the way the webview host does (CSSOM, which the CSP allows). */
  setTheme(kind: string, variables: Record<string, string>): void {
    document.body.className = kind;
    for (const [name, value] of Object.entries(variables)) document.documentElement.style.setProperty(name, value);
  },
};

export type SpendPageApi = typeof api;

(window as unknown as { sbSpend: SpendPageApi }).sbSpend = api;

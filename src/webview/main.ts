// The chat view's script. It runs in a sandboxed iframe under a CSP that allows only this bundle, so it builds
// the DOM with createElement/textContent (never innerHTML with untrusted text).
import { parseExtensionToWebviewMessage, type WebviewToExtensionMessage } from '../shared/webviewProtocol';
import { webviewStringsFor } from './webviewStrings';

interface VsCodeApi {
  postMessage(message: WebviewToExtensionMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const strings = webviewStringsFor(document.documentElement.lang || 'en');

function renderEmptyState(root: HTMLElement): void {
  const section = document.createElement('section');
  section.id = 'empty-state';
  section.className = 'empty-state';
  section.setAttribute('aria-labelledby', 'empty-state-title');

  const icon = document.createElement('div');
  icon.className = 'empty-state-icon';
  icon.setAttribute('aria-hidden', 'true');

  const title = document.createElement('h2');
  title.id = 'empty-state-title';
  title.textContent = strings.emptyTitle;

  const body = document.createElement('p');
  body.textContent = strings.emptyBody;

  const hint = document.createElement('p');
  hint.className = 'empty-state-hint';
  hint.textContent = strings.emptyHint;

  section.append(icon, title, body, hint);
  root.replaceChildren(section);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = parseExtensionToWebviewMessage(event.data);
  if (!parsed.ok) {
    vscode.postMessage({ type: 'reportError', message: `Ignored a malformed message: ${parsed.error}` });
    return;
  }
  const message = parsed.message;
  switch (message.type) {
    case 'init':
      document.body.dataset['version'] = message.version;
      return;
    default:
      return;
  }
});

const app = document.getElementById('app');
if (app) renderEmptyState(app);
vscode.postMessage({ type: 'ready' });

// The open and soak benchmarks' page: the real webview bundle (dist/webview.js and dist/webview.css from
// `node esbuild.js --production`) in the real webview document, on 127.0.0.1, with a stub of the VS Code API.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderWebviewDocument } from '../../src/core/webviewDocument';
import { type ServedFile, startWebviewDocumentServer } from '../../test/webview/harness/webviewDocumentServer';
import { parseExtensionToWebviewMessage, type ExtensionToWebviewMessage } from '../../src/shared/webviewProtocol';
import { repoRoot } from '../lib/report';
import { stubScript } from './stubScript';

/** The production build of the webview bundle (skipped with BENCH_SKIP_BUILD=1, when `npm run bench` built it). */
export function buildWebview(): void {
  if (process.env['BENCH_SKIP_BUILD'] === '1') return;
  execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: repoRoot, stdio: 'inherit' });
}

/**
 * Serves the real webview document (renderWebviewDocument, its CSP as meta tag and header) with the stub
 * `acquireVsCodeApi` (stubScript.ts) injected by a nonce'd script before dist/webview.js, as VS Code injects its own.
 */
export async function startWebviewServer(): Promise<{ url: string; close(): Promise<void> }> {
  const dist = path.join(repoRoot, 'dist');
  const files = new Map<string, ServedFile>([
    ['/webview.js', { type: 'text/javascript; charset=utf-8', body: readFileSync(path.join(dist, 'webview.js')) }],
    ['/webview.css', { type: 'text/css; charset=utf-8', body: readFileSync(path.join(dist, 'webview.css')) }],
    ['/codicon.ttf', { type: 'font/ttf', body: readFileSync(path.join(dist, 'codicon.ttf')) }],
  ]);
  if (/sourceMappingURL/.test(readFileSync(path.join(dist, 'webview.js')).subarray(-200).toString())) {
    throw new Error('dist/webview.js is a development build; run `node esbuild.js --production` (or drop BENCH_SKIP_BUILD)');
  }
  return startWebviewDocumentServer({
    files,
    page: (origin, nonce) => {
      const html = renderWebviewDocument({
        cspSource: origin,
        nonce,
        scriptUri: `${origin}/webview.js`,
        styleUris: [`${origin}/webview.css`],
        lang: 'en',
        title: 'Switchboard Chat',
      });
      // VS Code puts its own script (which defines acquireVsCodeApi) before the extension's.
      const bundleTag = `<script nonce="${nonce}" src="${origin}/webview.js"></script>`;
      if (!html.includes(bundleTag)) throw new Error('renderWebviewDocument changed: cannot find the bundle script tag');
      return html.replace(bundleTag, `<script nonce="${nonce}">${stubScript}</script>\n  ${bundleTag}`);
    },
  });
}

/** The message, after checking it against the protocol's own schema (a bench must send what the extension may). */
export function validated(message: ExtensionToWebviewMessage): ExtensionToWebviewMessage {
  const parsed = parseExtensionToWebviewMessage(message);
  if (!parsed.ok) throw new Error(`the benchmark's ${message.type} message does not fit the protocol: ${parsed.error}`);
  return message;
}

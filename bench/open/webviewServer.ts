// The open and soak benchmarks' page: the real webview bundle (dist/webview.js and dist/webview.css from
// `node esbuild.js --production`) in the real webview document, on 127.0.0.1, with a stub of the VS Code API.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { buildContentSecurityPolicy, createNonce, renderWebviewDocument } from '../../src/core/webviewDocument';
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
  const files: Record<string, { type: string; body: Buffer }> = {
    '/webview.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(path.join(dist, 'webview.js')) },
    '/webview.css': { type: 'text/css; charset=utf-8', body: readFileSync(path.join(dist, 'webview.css')) },
    '/codicon.ttf': { type: 'font/ttf', body: readFileSync(path.join(dist, 'codicon.ttf')) },
  };
  if (/sourceMappingURL/.test(files['/webview.js']!.body.subarray(-200).toString())) {
    throw new Error('dist/webview.js is a development build; run `node esbuild.js --production` (or drop BENCH_SKIP_BUILD)');
  }
  let origin = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/') {
      const nonce = createNonce();
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
      const page = html.replace(bundleTag, `<script nonce="${nonce}">${stubScript}</script>\n  ${bundleTag}`);
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': buildContentSecurityPolicy(origin, nonce),
        'cache-control': 'no-store',
      });
      response.end(page);
      return;
    }
    const file = files[url.pathname];
    if (file) {
      response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
      response.end(file.body);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The message, after checking it against the protocol's own schema (a bench must send what the extension may). */
export function validated(message: ExtensionToWebviewMessage): ExtensionToWebviewMessage {
  const parsed = parseExtensionToWebviewMessage(message);
  if (!parsed.ok) throw new Error(`the benchmark's ${message.type} message does not fit the protocol: ${parsed.error}`);
  return message;
}

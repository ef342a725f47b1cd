// Serves the whole chat view — src/webview/main.ts with its CSS and codicon font, as esbuild.js builds the webview —
// behind a test page entry that installs a stand-in for VS Code's `acquireVsCodeApi` first. The document is the
// real webview document with its Content-Security-Policy (meta tag and header), on 127.0.0.1; `?lang=ru` picks the
// UI language as VS Code's display language does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { buildContentSecurityPolicy, createNonce, renderWebviewDocument } from '../../../src/core/webviewDocument';

const repoRoot = path.resolve(__dirname, '../../..');

const types: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.ttf': 'font/ttf' };

export interface ChatViewServer {
  url: string;
  close(): Promise<void>;
}

/** Bundles `entry` (a page that imports src/webview/main.ts) into memory and serves it. */
export async function startChatViewServer(entry: string): Promise<ChatViewServer> {
  const result = await esbuild.build({
    entryPoints: { app: path.join(repoRoot, entry) },
    bundle: true,
    write: false,
    outdir: path.join(repoRoot, 'out/webview-test'),
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    loader: { '.ttf': 'file' },
    assetNames: '[name]',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((file) => [`/${path.basename(file.path)}`, file.contents]));
  if (!files.has('/app.js') || !files.has('/app.css')) throw new Error(`esbuild did not produce app.js and app.css for ${entry}`);
  let origin = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/') {
      const nonce = createNonce();
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': buildContentSecurityPolicy(origin, nonce),
        'cache-control': 'no-store',
      });
      response.end(
        renderWebviewDocument({
          cspSource: origin,
          nonce,
          scriptUri: `${origin}/app.js`,
          styleUris: [`${origin}/app.css`],
          lang: url.searchParams.get('lang') ?? 'en',
          title: 'Switchboard Chat',
        }),
      );
      return;
    }
    const body = files.get(url.pathname);
    if (body) {
      response.writeHead(200, {
        'content-type': types[path.extname(url.pathname)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
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

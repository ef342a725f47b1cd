// The one loopback server behind every page that runs webview code in Chromium (the render tests, the chat view
// tests, the open and soak benchmarks): each page load gets a fresh nonce and the real webview document's
// Content-Security-Policy as a response header too (src/core/webviewDocument); the files the document links are
// served from the same origin; anything else is a 404.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildContentSecurityPolicy, createNonce } from '../../../src/core/webviewDocument';

export interface ServedFile {
  type: string;
  body: string | Uint8Array;
}

export interface WebviewDocumentServerOptions {
  /** The files the document links, by path (`/app.js`). */
  files: Pick<ReadonlyMap<string, ServedFile>, 'get'>;
  /** The document of one page load (renderWebviewDocument), given the server's origin, the load's nonce and its URL. */
  page(origin: string, nonce: string, url: URL): string;
  /** More headers of the document, e.g. cross-origin isolation for benchmarks that time single chunks. */
  headers?: Readonly<Record<string, string>>;
}

export interface WebviewDocumentServer {
  /** The page's URL. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port. */
export async function startWebviewDocumentServer(options: WebviewDocumentServerOptions): Promise<WebviewDocumentServer> {
  let origin = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/') {
      const nonce = createNonce();
      const page = options.page(origin, nonce, url);
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': buildContentSecurityPolicy(origin, nonce),
        'cache-control': 'no-store',
        ...options.headers,
      });
      response.end(page);
      return;
    }
    const file = options.files.get(url.pathname);
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
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

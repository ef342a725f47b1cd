// Serves a browser bundle the way the chat webview gets it: the real webview document (src/core/webviewDocument)
// with its Content-Security-Policy, both as the meta tag and as a response header — scripts only by nonce, styles
// only from the server's own origin, no inline script or style, no eval — on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { buildContentSecurityPolicy, createNonce, renderWebviewDocument } from '../../../src/core/webviewDocument';

const repoRoot = path.resolve(__dirname, '../../..');

export interface PageServer {
  /** The page's URL. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export interface PageServerOptions {
  /** The bundle's entry point, relative to the repository root. */
  entry: string;
  /** Stylesheets served from the origin and linked by the page (paths relative to the repository root). */
  styles?: readonly string[];
  /** Minify the bundle (as the production build does). */
  minify?: boolean;
  /**
   * Serve the page cross-origin isolated (COOP + COEP), which gives performance.now() 5 µs resolution instead
   * of 100 µs: for benchmarks that time single chunks.
   */
  isolated?: boolean;
}

/** Bundles `entry` (IIFE, browser, es2022, as esbuild.js builds the webview) into memory. */
export async function bundlePage(entry: string, minify = false): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(repoRoot, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify,
    sourcemap: minify ? false : 'inline',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}

/** Starts the server on a free loopback port. Every page load gets a fresh nonce. */
export async function startPageServer(options: PageServerOptions): Promise<PageServer> {
  const script = await bundlePage(options.entry, options.minify);
  const styles = new Map<string, string>();
  for (const style of options.styles ?? []) {
    styles.set(`/styles/${path.basename(style)}`, await readFile(path.join(repoRoot, style), 'utf8'));
  }
  let origin = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/') {
      const nonce = createNonce();
      const csp = buildContentSecurityPolicy(origin, nonce);
      const isolation = options.isolated
        ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }
        : {};
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': csp,
        'cache-control': 'no-store',
        ...isolation,
      });
      response.end(
        renderWebviewDocument({
          cspSource: origin,
          nonce,
          scriptUri: `${origin}/app.js`,
          styleUris: [...styles.keys()].map((p) => `${origin}${p}`),
          lang: url.searchParams.get('lang') ?? 'en',
          title: 'Switchboard render test',
        }),
      );
      return;
    }
    if (url.pathname === '/app.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      response.end(script);
      return;
    }
    const style = styles.get(url.pathname);
    if (style !== undefined) {
      response.writeHead(200, { 'content-type': 'text/css; charset=utf-8' });
      response.end(style);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the page server has no port');
  origin = `http://127.0.0.1:${address.port}`;
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

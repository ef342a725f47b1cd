// Serves a browser bundle the way the chat webview gets it: the real webview document (src/core/webviewDocument)
// with its Content-Security-Policy, both as the meta tag and as a response header — scripts only by nonce, styles
// only from the server's own origin, no inline script or style, no eval — on 127.0.0.1.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { renderWebviewDocument } from '../../../src/core/webviewDocument';
import { type ServedFile, startWebviewDocumentServer } from './webviewDocumentServer';

const repoRoot = path.resolve(__dirname, '../../..');
// The webview build's module aliases (markdown-it's entity table answered by the browser), from esbuild.js itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webviewAlias } = require(path.join(repoRoot, 'esbuild.js')) as { webviewAlias: Record<string, string> };

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
    alias: webviewAlias,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}

/** Starts the server on a free loopback port. Every page load gets a fresh nonce. */
export async function startPageServer(options: PageServerOptions): Promise<PageServer> {
  const files = new Map<string, ServedFile>([
    ['/app.js', { type: 'text/javascript; charset=utf-8', body: await bundlePage(options.entry, options.minify) }],
  ]);
  for (const style of options.styles ?? []) {
    files.set(`/styles/${path.basename(style)}`, {
      type: 'text/css; charset=utf-8',
      body: await readFile(path.join(repoRoot, style), 'utf8'),
    });
  }
  const styleUris = [...files.keys()].filter((file) => file.startsWith('/styles/'));
  return startWebviewDocumentServer({
    files,
    ...(options.isolated
      ? { headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } }
      : {}),
    page: (origin, nonce, url) =>
      renderWebviewDocument({
        cspSource: origin,
        nonce,
        scriptUri: `${origin}/app.js`,
        styleUris: styleUris.map((file) => `${origin}${file}`),
        lang: url.searchParams.get('lang') ?? 'en',
        title: 'Switchboard render test',
      }),
  });
}

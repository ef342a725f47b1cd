// Serves the whole chat view — src/webview/main.ts with its CSS and codicon font, as esbuild.js builds the webview —
// behind a test page entry that installs a stand-in for VS Code's `acquireVsCodeApi` first. The document is the
// real webview document with its Content-Security-Policy (meta tag and header), on 127.0.0.1; `?lang=ru` picks the
// UI language as VS Code's display language does: the document carries the shipped l10n/webview.ru.json, read as the
// extension reads it (readWebviewStringTable).
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { codiconSubsetPlugin } from '../../../scripts/build/codiconSubset';
import { readWebviewStringTable, renderWebviewDocument } from '../../../src/core/webviewDocument';
import { type ServedFile, startWebviewDocumentServer, type WebviewDocumentServer } from './webviewDocumentServer';

const repoRoot = path.resolve(__dirname, '../../..');
// The webview build's module aliases (markdown-it's entity table answered by the browser), from esbuild.js itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webviewAlias } = require(path.join(repoRoot, 'esbuild.js')) as { webviewAlias: Record<string, string> };

const types: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.ttf': 'font/ttf' };

export type ChatViewServer = WebviewDocumentServer;

/**
 * Bundles `entry` (a page that imports src/webview/main.ts) into memory and serves it, and whatever `extra` holds at
 * the time of each request (pictures a test makes, served from the view's own origin as VS Code serves webview URIs).
 */
export async function startChatViewServer(entry: string, extra?: ReadonlyMap<string, ServedFile>): Promise<ChatViewServer> {
  const result = await esbuild.build({
    entryPoints: { app: path.join(repoRoot, entry) },
    bundle: true,
    write: false,
    outdir: path.join(repoRoot, 'out/webview-test'),
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    loader: { '.ttf': 'file' },
    alias: webviewAlias,
    assetNames: '[name]',
    // Only the icons the view ships (src/webview/codiconNames.ts), as esbuild.js builds them.
    plugins: [codiconSubsetPlugin()],
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const files = new Map<string, ServedFile>(
    result.outputFiles.map((file) => {
      const name = `/${path.basename(file.path)}`;
      return [name, { type: types[path.extname(name)] ?? 'application/octet-stream', body: file.contents }];
    }),
  );
  if (!files.has('/app.js') || !files.has('/app.css')) throw new Error(`esbuild did not produce app.js and app.css for ${entry}`);
  return startWebviewDocumentServer({
    files: extra ? { get: (name: string) => files.get(name) ?? extra.get(name) } : files,
    page: (origin, nonce, url) => {
      const lang = url.searchParams.get('lang') ?? 'en';
      return renderWebviewDocument({
        cspSource: origin,
        nonce,
        scriptUri: `${origin}/app.js`,
        styleUris: [`${origin}/app.css`],
        lang,
        title: 'Switchboard Chat',
        strings: readWebviewStringTable(path.join(repoRoot, 'l10n'), lang),
      });
    },
  });
}

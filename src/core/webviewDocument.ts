// Builds the HTML document of a webview under Switchboard's Content-Security-Policy (docs/chat.md): scripts only
// from the bundle carrying the per-load nonce, styles, images and fonts only from the webview's own resource
// origin, no inline script, no eval, no remote origins. Pure, so it is unit-tested without VS Code.
import { randomBytes } from 'node:crypto';

export interface WebviewDocumentOptions {
  /** `webview.cspSource`: the origin VS Code serves the extension's local resources from. */
  cspSource: string;
  /** A fresh random value for every load of the document. */
  nonce: string;
  scriptUri: string;
  styleUris: readonly string[];
  /** BCP 47 language tag of the UI, e.g. `en` or `ru`. */
  lang: string;
  title: string;
}

/** 128 random bits, base64: unguessable by model output that tries to smuggle in a `<script nonce>`. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

export function buildContentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    "connect-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderWebviewDocument(options: WebviewDocumentOptions): string {
  const csp = buildContentSecurityPolicy(options.cspSource, options.nonce);
  const styles = options.styleUris.map((uri) => `  <link rel="stylesheet" href="${escapeAttribute(uri)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(options.lang)}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
  <title>${escapeText(options.title)}</title>
</head>
<body>
  <main id="app" aria-live="polite"></main>
  <script nonce="${escapeAttribute(options.nonce)}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

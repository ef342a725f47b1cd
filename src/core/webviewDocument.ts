// Builds the HTML document of a webview under Switchboard's Content-Security-Policy (docs/chat.md): scripts only
// from the bundle carrying the per-load nonce, styles, images and fonts only from the webview's own resource
// origin, no inline script, no eval, no remote origins. The chat view's strings in VS Code's display language travel
// in the document as a JSON block (src/webview/webviewStrings.ts reads it). Unit-tested without VS Code.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

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
  /**
   * The view's strings in `lang` (readWebviewStringTable), put into the document as
   * `<script type="application/json" id="strings">`; absent: the view's built-in English.
   */
  strings?: Readonly<Record<string, string>> | undefined;
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
  // A JSON block is data: the browser never runs a script element of a type it does not know, so the CSP has nothing
  // to allow, and the block carries no nonce (were it ever taken for a script, the CSP would still refuse to run it).
  const strings =
    options.strings === undefined
      ? ''
      : `  <script type="application/json" id="strings">${jsonForScriptElement(options.strings)}</script>\n`;
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
${strings}  <script nonce="${escapeAttribute(options.nonce)}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}

/**
 * `value` as JSON that cannot end the script element it is in, or start a comment there: `<`, `>` and `&` are written
 * as `\u` escapes, which JSON.parse reads back as the same characters.
 */
function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The chat view's strings for the BCP 47 tag `lang` (VS Code's display language): `l10n/webview.<lang>.json` in
 * `l10nDir`, else the one of its primary language (`pt-br`, then `pt`). Only string values are kept. Undefined for
 * English, which the view has built in, for a language not shipped, and for a file that is not a JSON object (a unit
 * test holds the shipped ones to the English keys; the view keeps English for anything missing).
 */
export function readWebviewStringTable(l10nDir: string, lang: string): Record<string, string> | undefined {
  const tag = lang.toLowerCase();
  const tags = [tag, tag.split('-')[0] ?? ''].filter((candidate, index, all) => all.indexOf(candidate) === index);
  for (const candidate of tags) {
    if (candidate === 'en' || !/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(candidate)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path.join(l10nDir, `webview.${candidate}.json`), 'utf8'));
    } catch {
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }
  return undefined;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// The typed message protocol between the extension and the chat webview. Both sides import these schemas;
// the extension validates every message it receives (a webview is a separate, less trusted context), and the
// webview validates what it receives too, so a malformed message is logged and ignored, never trusted.
//
// zod/mini keeps this file's share of each bundle to a few kilobytes (the classic API costs ~450 KB; SPEC §10).
import * as z from 'zod/mini';

/** Messages the webview sends to the extension. */
export const webviewToExtensionMessageSchema = z.discriminatedUnion('type', [
  /** The webview script has loaded and can receive messages. */
  z.object({ type: z.literal('ready') }),
  /** Something in the webview went wrong; the extension writes it to its log. */
  z.object({ type: z.literal('reportError'), message: z.string().check(z.maxLength(4000)) }),
]);
export type WebviewToExtensionMessage = z.infer<typeof webviewToExtensionMessageSchema>;

/** Messages the extension sends to the webview. */
export const extensionToWebviewMessageSchema = z.discriminatedUnion('type', [
  /** The first message after `ready`: what the webview needs to draw its initial state. */
  z.object({
    type: z.literal('init'),
    version: z.string(),
    locale: z.string(),
  }),
]);
export type ExtensionToWebviewMessage = z.infer<typeof extensionToWebviewMessageSchema>;

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: string };

/** Validates a message that arrived from the webview. The error names what did not fit. */
export function parseWebviewToExtensionMessage(data: unknown): ParseResult<WebviewToExtensionMessage> {
  return parseWith(webviewToExtensionMessageSchema, data);
}

/** Validates a message that arrived from the extension. */
export function parseExtensionToWebviewMessage(data: unknown): ParseResult<ExtensionToWebviewMessage> {
  return parseWith(extensionToWebviewMessageSchema, data);
}

function parseWith<S extends z.ZodMiniType>(schema: S, data: unknown): ParseResult<z.infer<S>> {
  const result = z.safeParse(schema, data);
  if (result.success) return { ok: true, message: result.data };
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(message)'}: ${issue.message}`);
  return { ok: false, error: issues.join('; ') };
}

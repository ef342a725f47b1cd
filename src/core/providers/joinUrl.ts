/**
 * `base` + `path`, the only way provider clients build URLs: everything goes under the provider's own base URL,
 * so its key can only ever be sent there (docs/security.md). `path` segments taken from user input must be encoded by the
 * caller.
 */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

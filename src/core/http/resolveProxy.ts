// Which proxy (if any) a request goes through: VS Code's `http.proxy` when set, else the HTTPS_PROXY / HTTP_PROXY
// environment (lower-case names too, as curl reads them); never for a host that NO_PROXY (or `http.noProxy`)
// matches, and never for loopback (`localhost`, 127.0.0.0/8, ::1): a local server such as Ollama is on this
// machine, which a proxy cannot reach — VS Code itself bypasses the proxy for loopback too.

export interface ProxySettings {
  /** An explicit proxy URL, like VS Code's `http.proxy`; wins over the environment. */
  proxy?: string;
  /** Hosts that never go through a proxy, like VS Code's `http.noProxy`; added to NO_PROXY from the environment. */
  noProxy?: readonly string[];
}

export type Environment = Readonly<Record<string, string | undefined>>;

export function resolveProxy(target: URL, settings: ProxySettings, env: Environment): string | undefined {
  if (isLoopbackHost(target.hostname)) return undefined;
  const noProxy = [...(settings.noProxy ?? []), ...splitList(env.no_proxy ?? env.NO_PROXY ?? '')];
  if (matchesNoProxy(target, noProxy)) return undefined;
  const explicit = nonEmpty(settings.proxy);
  const httpProxy = nonEmpty(env.http_proxy) ?? nonEmpty(env.HTTP_PROXY);
  const chosen =
    explicit ?? (target.protocol === 'https:' ? (nonEmpty(env.https_proxy) ?? nonEmpty(env.HTTPS_PROXY) ?? httpProxy) : httpProxy);
  if (chosen === undefined) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(chosen) ? chosen : `http://${chosen}`;
}

/**
 * NO_PROXY as curl reads it: comma- or space-separated entries; `*` matches everything; `example.com`,
 * `.example.com` and `*.example.com` match the host and its subdomains; `host:port` also requires the port.
 */
export function matchesNoProxy(target: URL, entries: readonly string[]): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const { name, entryPort } = splitHostPort(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    const domain = name.replace(/^\*?\./, '');
    if (host === domain || host.endsWith(`.${domain}`)) return true;
  }
  return false;
}

function splitHostPort(entry: string): { name: string; entryPort: string | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1] ?? '', entryPort: bracketed[2] };
  const match = /^([^:]+):(\d+)$/.exec(entry);
  if (match) return { name: match[1] ?? '', entryPort: match[2] };
  return { name: entry, entryPort: undefined };
}

function splitList(value: string): string[] {
  return value.split(/[,\s]+/).filter((s) => s !== '');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** `localhost` (and `*.localhost`, RFC 6761), 127.0.0.0/8 and ::1, as written in a URL. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

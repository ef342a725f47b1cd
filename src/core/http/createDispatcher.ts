import { Agent, type Dispatcher, ProxyAgent } from 'undici';

export interface DispatcherOptions {
  /** Verify TLS certificates (VS Code's `http.proxyStrictSSL`). */
  strictSSL: boolean;
  connectTimeoutMs: number;
}

/** An undici dispatcher: direct, or through an HTTP(S) proxy (CONNECT tunnel, so TLS stays end to end). */
export function createDispatcher(proxyUrl: string | undefined, options: DispatcherOptions): Dispatcher {
  const tls = { rejectUnauthorized: options.strictSSL, timeout: options.connectTimeoutMs };
  if (proxyUrl === undefined) {
    return new Agent({ connect: tls });
  }
  return new ProxyAgent({ uri: proxyUrl, requestTls: tls, proxyTls: tls });
}

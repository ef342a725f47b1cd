import { lookup as systemLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, type Dispatcher, ProxyAgent } from 'undici';
import type { AddressPolicy, ResolveAll } from './addressPolicy';

export interface DispatcherOptions {
  /** Verify TLS certificates (VS Code's `http.proxyStrictSSL`). */
  strictSSL: boolean;
  connectTimeoutMs: number;
  /** How host names are resolved for direct connections. Default the system's (`dns.lookup`). */
  lookup?: LookupFunction;
  /** Which addresses connections may go to (checked on every connection, after DNS). Default: any. */
  addressPolicy?: AddressPolicy;
}

/** An undici dispatcher: direct, or through an HTTP(S) proxy (CONNECT tunnel, so TLS stays end to end). */
export function createDispatcher(proxyUrl: string | undefined, options: DispatcherOptions): Dispatcher {
  const tls = { rejectUnauthorized: options.strictSSL, timeout: options.connectTimeoutMs };
  const policy = options.addressPolicy;
  if (proxyUrl === undefined) {
    if (policy === undefined)
      return new Agent({ connect: { ...tls, ...(options.lookup !== undefined ? { lookup: options.lookup } : {}) } });
    return new Agent({ connect: guardedConnector(tls, policy, options.lookup ?? (systemLookup as LookupFunction)) });
  }
  const agent = new ProxyAgent({ uri: proxyUrl, requestTls: tls, proxyTls: tls });
  if (policy === undefined) return agent;
  // Through a proxy, DNS happens at the proxy: only an IP-literal (or `localhost`) target can be checked here.
  return agent.compose((dispatch) => (dispatchOptions, handler) => {
    const refused = policy.checkWithoutDns(hostnameOf(dispatchOptions.origin));
    if (refused !== undefined) throw refused;
    return dispatch(dispatchOptions, handler);
  });
}

/**
 * A connector that checks every address a connection is about to use: an IP-literal host before connecting, a
 * host name in the lookup that the socket itself calls, so what is checked is exactly what is connected to.
 */
function guardedConnector(
  tls: { rejectUnauthorized: boolean; timeout: number },
  policy: AddressPolicy,
  lookup: LookupFunction,
): buildConnector.connector {
  const resolveAll: ResolveAll = (host) =>
    new Promise((resolve, reject) => {
      lookup(host, { all: true }, (error, addresses) => {
        if (error) reject(error);
        else resolve(typeof addresses === 'string' ? [addresses] : addresses.map((a) => a.address));
      });
    });
  const checkedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    lookup(hostname, lookupOptions, (error, address, family) => {
      if (error) {
        callback(error, address, family);
        return;
      }
      const addresses = typeof address === 'string' ? [address] : (address as LookupAddress[]).map((a) => a.address);
      policy.check(hostname, addresses, resolveAll).then(
        (refused) => (refused === undefined ? callback(null, address, family) : callback(refused, '', 0)),
        (failure: unknown) => callback(failure instanceof Error ? failure : new Error(String(failure)), '', 0),
      );
    });
  };
  const connect = buildConnector({ ...tls, lookup: checkedLookup });
  return (connectOptions, callback) => {
    // Node's sockets skip the lookup for an IP literal, so it is checked here.
    const host = connectOptions.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(host) === 0) {
      connect(connectOptions, callback);
      return;
    }
    policy.check(host, [host], resolveAll).then(
      (refused) => (refused === undefined ? connect(connectOptions, callback) : callback(refused, null)),
      (failure: unknown) => callback(failure instanceof Error ? failure : new Error(String(failure)), null),
    );
  };
}

function hostnameOf(origin: Dispatcher.DispatchOptions['origin']): string {
  if (origin === undefined) return '';
  try {
    return new URL(origin).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return '';
  }
}

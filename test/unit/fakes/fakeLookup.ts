// A DNS resolver for tests, injected as HttpClientOptions.lookup: names map to the addresses given, so a test can
// make `images.example` resolve to 127.0.0.1 without touching the machine's DNS. It answers with the callback shapes
// of Node's `dns.lookup` (one address, or all of them when `options.all`), and an unknown name fails with ENOTFOUND
// as getaddrinfo does (Node's DNS documentation, "dns.lookup()" and "Error codes").
import type { LookupAddress } from 'node:dns';
import { isIPv6, type LookupFunction } from 'node:net';

export interface FakeLookup {
  lookup: LookupFunction;
  /** Every name asked for, in order. */
  readonly asked: string[];
}

export function fakeLookup(names: Readonly<Record<string, string | readonly string[]>>): FakeLookup {
  const asked: string[] = [];
  const lookup: LookupFunction = (hostname, options, callback) => {
    asked.push(hostname);
    const entry = names[hostname.toLowerCase()];
    const all: LookupAddress[] = (entry === undefined ? [] : typeof entry === 'string' ? [entry] : [...entry]).map((address) => ({
      address,
      family: isIPv6(address) ? 6 : 4,
    }));
    setImmediate(() => {
      const first = all[0];
      if (first === undefined) {
        const error: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
          code: 'ENOTFOUND',
          errno: -3008,
          syscall: 'getaddrinfo',
          hostname,
        });
        callback(error, '', 0);
      } else if (options.all === true) {
        callback(null, all);
      } else {
        callback(null, first.address, first.family);
      }
    });
  };
  return { lookup, asked };
}

// Which addresses a request may connect to, for URLs Switchboard did not choose (an image URL in a provider's
// answer, and every redirect after it). Only public addresses, unless the provider's own base URL is itself on a
// non-public one (a gateway on this computer or the local network): then addresses of the same class are allowed
// too — a gateway on localhost may serve images from localhost, one on 192.168.x from the private network, but
// neither opens the link-local range where cloud metadata services answer. The check runs when the connection is
// made, on the addresses DNS gave for that very connection (see createDispatcher), so a name that resolves to a
// public address when looked at and to 127.0.0.1 when connected to (DNS rebinding) gains nothing.
import { ProviderError } from '../errors/providerError';
import { type AddressClass, classifyAddress } from './classifyAddress';

/** Resolves a host name to all its addresses (through the same lookup the connections use). */
export type ResolveAll = (host: string) => Promise<readonly string[]>;

/** A connection refused by an {@link AddressPolicy}: not retried, and words its own message. */
export class AddressRefusedError extends ProviderError {
  constructor(
    provider: string,
    /** The host name (or IP literal) of the URL. */
    readonly host: string,
    /** The address it is (or resolved to). */
    readonly address: string,
    readonly addressClass: AddressClass,
  ) {
    super({
      kind: 'invalid-response',
      provider,
      message: `Switchboard will not connect to ${host}${host === address ? '' : ` (${address})`}: a ${provider} answer may point only at public addresses.`,
    });
    this.name = 'AddressRefusedError';
  }
}

export interface AddressPolicyOptions {
  /** The provider whose answer named the URL (named in the error). */
  provider: string;
  /** The provider's own base URL: when it is on a non-public address, addresses of the same class are allowed. */
  trustedUrl?: string;
}

export class AddressPolicy {
  /** Requests whose policies have the same key may share connections (each was checked when it was opened). */
  readonly key: string;
  private readonly provider: string;
  private readonly trustedHost: string | undefined;

  constructor(options: AddressPolicyOptions) {
    this.provider = options.provider;
    this.trustedHost = hostOf(options.trustedUrl);
    this.key = `public-only ${this.provider} ${this.trustedHost ?? ''}`;
  }

  /**
   * Checks the addresses `host` resolved to, just before connecting to them: refused if any of them is not public
   * and not of a class the provider's base URL is on.
   */
  async check(host: string, addresses: readonly string[], resolve: ResolveAll): Promise<AddressRefusedError | undefined> {
    let allowed: ReadonlySet<AddressClass> | undefined;
    for (const address of addresses) {
      const kind = classifyAddress(address) ?? 'reserved';
      if (kind === 'public') continue;
      allowed ??= await this.trustedClasses(resolve);
      if (allowed.has(sameMachine(kind))) continue;
      return new AddressRefusedError(this.provider, host, address, kind);
    }
    return undefined;
  }

  /**
   * What can be checked without DNS, for a request that goes through a proxy (which resolves the name itself): a
   * host that is an IP literal or a `localhost` name. A host name that the proxy resolves to a non-public address
   * cannot be seen from here; the proxy is then the one that decides what it connects to.
   */
  checkWithoutDns(host: string): AddressRefusedError | undefined {
    const kind = staticClass(host);
    if (kind === undefined || kind === 'public') return undefined;
    const trusted = this.trustedHost === undefined ? undefined : staticClass(this.trustedHost);
    if (trusted !== undefined && sameMachine(trusted) === sameMachine(kind)) return undefined;
    return new AddressRefusedError(this.provider, host, host, kind);
  }

  /** The non-public classes the provider's base URL is on (none when it is public or cannot be resolved). */
  private async trustedClasses(resolve: ResolveAll): Promise<ReadonlySet<AddressClass>> {
    const host = this.trustedHost;
    if (host === undefined) return new Set();
    const known = staticClass(host);
    if (known !== undefined) return new Set([sameMachine(known)]);
    let addresses: readonly string[];
    try {
      addresses = await resolve(host);
    } catch {
      return new Set();
    }
    return new Set(addresses.map((a) => sameMachine(classifyAddress(a) ?? 'reserved')).filter((k) => k !== 'public'));
  }
}

/** 0.0.0.0 and :: reach this computer as loopback does, so they count as one class. */
function sameMachine(kind: AddressClass): AddressClass {
  return kind === 'unspecified' ? 'loopback' : kind;
}

/** The class of a host known without DNS: an IP literal, or `localhost` and its subdomains (RFC 6761). */
function staticClass(host: string): AddressClass | undefined {
  const literal = classifyAddress(host);
  if (literal !== undefined) return literal;
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') ? 'loopback' : undefined;
}

function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const hostname = new URL(url).hostname;
    return hostname === '' ? undefined : hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return undefined;
  }
}

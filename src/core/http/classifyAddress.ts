// Which kind of network an IP address is on, so that a URL named in a provider's answer cannot make Switchboard
// reach into this computer or the networks around it (server-side request forgery).
// Follows the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and updates) and the OWASP Server-Side Request Forgery Prevention Cheat Sheet.
import { isIPv4, isIPv6 } from 'node:net';

export type AddressClass =
  | 'public'
  /** 127/8, ::1: this computer. */
  | 'loopback'
  /** 0/8, ::: "this host"; connecting to it reaches this computer on most systems. */
  | 'unspecified'
  /** 10/8, 172.16/12, 192.168/16, fc00::/7, the deprecated site-local fec0::/10, local-use NAT64 64:ff9b:1::/48. */
  | 'private'
  /** 100.64/10: carrier-grade NAT, and the addresses of VPN meshes such as Tailscale. */
  | 'shared'
  /** 169.254/16, fe80::/10: where cloud metadata services answer. */
  | 'link-local'
  /** 224/4, ff00::/8. */
  | 'multicast'
  /** Documentation, benchmarking, protocol assignments, broadcast, 240/4, and IPv6 outside global unicast. */
  | 'reserved';

/** The class of an IP address (IPv4, IPv6, bracketed or with a zone id), or undefined when it is not one. */
export function classifyAddress(address: string): AddressClass | undefined {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(bare)) return classifyV4(parseV4(bare));
  if (isIPv6(bare)) return classifyV6(parseV6(bare));
  return undefined;
}

type V4Range = readonly [base: string, prefix: number, kind: AddressClass];

const v4Ranges: readonly (readonly [number, number, AddressClass])[] = (
  [
    ['0.0.0.0', 8, 'unspecified'],
    ['10.0.0.0', 8, 'private'],
    ['100.64.0.0', 10, 'shared'],
    ['127.0.0.0', 8, 'loopback'],
    ['169.254.0.0', 16, 'link-local'],
    ['172.16.0.0', 12, 'private'],
    ['192.0.0.0', 24, 'reserved'],
    ['192.0.2.0', 24, 'reserved'],
    ['192.88.99.0', 24, 'reserved'],
    ['192.168.0.0', 16, 'private'],
    ['198.18.0.0', 15, 'reserved'],
    ['198.51.100.0', 24, 'reserved'],
    ['203.0.113.0', 24, 'reserved'],
    ['224.0.0.0', 4, 'multicast'],
    ['240.0.0.0', 4, 'reserved'],
  ] satisfies V4Range[]
).map(([base, prefix, kind]) => [parseV4(base), prefix, kind] as const);

function classifyV4(value: number): AddressClass {
  for (const [base, prefix, kind] of v4Ranges) {
    const shift = 32 - prefix;
    if (value >>> shift === base >>> shift) return kind;
  }
  return 'public';
}

type V6Range = readonly [base: string, prefix: number, kind: AddressClass | 'embedded-v4'];

const v6Ranges: readonly (readonly [bigint, number, AddressClass | 'embedded-v4'])[] = (
  [
    ['::', 128, 'unspecified'],
    ['::1', 128, 'loopback'],
    // IPv4-mapped and IPv4-translated: the IPv4 address in the last 32 bits is what is really reached.
    ['::ffff:0:0', 96, 'embedded-v4'],
    ['::ffff:0:0:0', 96, 'embedded-v4'],
    // The deprecated IPv4-compatible form.
    ['::', 96, 'reserved'],
    // NAT64 (well-known prefix): reaches the embedded IPv4 address through a translator.
    ['64:ff9b::', 96, 'embedded-v4'],
    ['64:ff9b:1::', 48, 'private'],
    ['100::', 64, 'reserved'],
    // Teredo carries an (obfuscated) IPv4 address; nothing legitimate serves images from it.
    ['2001::', 32, 'reserved'],
    ['2001:2::', 48, 'reserved'],
    ['2001:10::', 28, 'reserved'],
    ['2001:db8::', 32, 'reserved'],
    ['3fff::', 20, 'reserved'],
    ['5f00::', 16, 'reserved'],
    ['fc00::', 7, 'private'],
    ['fe80::', 10, 'link-local'],
    ['fec0::', 10, 'private'],
    ['ff00::', 8, 'multicast'],
  ] satisfies V6Range[]
).map(([base, prefix, kind]) => [parseV6(base), prefix, kind] as const);

const globalUnicast = parseV6('2000::');
const sixToFour = parseV6('2002::');

function classifyV6(value: bigint): AddressClass {
  for (const [base, prefix, kind] of v6Ranges) {
    const shift = BigInt(128 - prefix);
    if (value >> shift !== base >> shift) continue;
    return kind === 'embedded-v4' ? classifyV4(Number(value & 0xffff_ffffn)) : kind;
  }
  // 6to4 (2002::/16) tunnels to the IPv4 address in bits 16–47.
  if (value >> 112n === sixToFour >> 112n) return classifyV4(Number((value >> 80n) & 0xffff_ffffn));
  // Everything outside 2000::/3 is unassigned or special-purpose.
  return value >> 125n === globalUnicast >> 125n ? 'public' : 'reserved';
}

/** A dotted quad (already validated) as an unsigned 32-bit number. */
function parseV4(text: string): number {
  return text.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

/** An IPv6 address (already validated, no zone) as a 128-bit number. */
function parseV6(text: string): bigint {
  let head = text;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseV4(tail);
    head = `${text.slice(0, lastColon + 1)}${Math.floor(v4 / 0x10000).toString(16)}:${(v4 % 0x10000).toString(16)}`;
  }
  const [left = '', right] = head.split('::');
  const leftGroups = left === '' ? [] : left.split(':');
  const rightGroups = right === undefined || right === '' ? [] : right.split(':');
  const fill = right === undefined ? 0 : 8 - leftGroups.length - rightGroups.length;
  const groups = [...leftGroups, ...Array.from({ length: fill }, () => '0'), ...rightGroups];
  return groups.reduce((value, group) => (value << 16n) | BigInt(Number.parseInt(group, 16)), 0n);
}

import * as assert from 'node:assert/strict';
import { type AddressClass, classifyAddress } from '../../../src/core/http/classifyAddress';

// Expected classes from the IANA IPv4 and IPv6 Special-Purpose Address Registries, edges of each range included.
const cases: readonly (readonly [string, AddressClass | undefined])[] = [
  // IPv4: this host, loopback
  ['0.0.0.0', 'unspecified'],
  ['0.255.255.255', 'unspecified'],
  ['1.0.0.0', 'public'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['126.255.255.255', 'public'],
  ['128.0.0.0', 'public'],
  // private (RFC 1918), edges
  ['10.0.0.0', 'private'],
  ['10.255.255.255', 'private'],
  ['9.255.255.255', 'public'],
  ['11.0.0.0', 'public'],
  ['172.16.0.0', 'private'],
  ['172.31.255.255', 'private'],
  ['172.15.255.255', 'public'],
  ['172.32.0.0', 'public'],
  ['192.168.0.1', 'private'],
  ['192.168.255.255', 'private'],
  ['192.167.255.255', 'public'],
  ['192.169.0.0', 'public'],
  // shared address space (CGNAT, RFC 6598)
  ['100.64.0.0', 'shared'],
  ['100.127.255.255', 'shared'],
  ['100.63.255.255', 'public'],
  ['100.128.0.0', 'public'],
  // link-local, cloud metadata
  ['169.254.169.254', 'link-local'],
  ['169.254.0.0', 'link-local'],
  ['169.253.255.255', 'public'],
  ['169.255.0.0', 'public'],
  // documentation, benchmarking, protocol assignments, 6to4 relay
  ['192.0.0.8', 'reserved'],
  ['192.0.2.1', 'reserved'],
  ['198.51.100.7', 'reserved'],
  ['203.0.113.200', 'reserved'],
  ['203.0.114.1', 'public'],
  ['198.18.0.1', 'reserved'],
  ['198.19.255.255', 'reserved'],
  ['198.20.0.0', 'public'],
  ['192.88.99.1', 'reserved'],
  // multicast, reserved, broadcast
  ['224.0.0.1', 'multicast'],
  ['239.255.255.255', 'multicast'],
  ['223.255.255.255', 'public'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'reserved'],
  // ordinary public addresses
  ['8.8.8.8', 'public'],
  ['151.101.1.69', 'public'],

  // IPv6
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['[::1]', 'loopback'],
  ['::2', 'reserved'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['fec0::1', 'private'],
  ['fc00::1', 'private'],
  ['fd12:3456:789a::1', 'private'],
  ['fbff:ffff::1', 'reserved'],
  ['ff02::1', 'multicast'],
  ['ff0e::1', 'multicast'],
  ['2001:db8::1', 'reserved'],
  ['3fff::1', 'reserved'],
  ['2001::1', 'reserved'],
  ['100::1', 'reserved'],
  ['2606:4700:4700::1111', 'public'],
  ['2a00:1450:4001:82a::200e', 'public'],
  ['4000::1', 'reserved'],
  // IPv4-mapped (dotted and hex), IPv4-translated, IPv4-compatible
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::FFFF:7F00:0001', 'loopback'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::ffff:a9fe:a9fe', 'link-local'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:0.0.0.0', 'unspecified'],
  ['::ffff:8.8.8.8', 'public'],
  ['::ffff:0:127.0.0.1', 'loopback'],
  ['0:0:0:0:0:ffff:192.168.1.1', 'private'],
  ['::127.0.0.1', 'reserved'],
  // NAT64 and 6to4 reach the embedded IPv4 address
  ['64:ff9b::127.0.0.1', 'loopback'],
  ['64:ff9b::a9fe:a9fe', 'link-local'],
  ['64:ff9b::8.8.8.8', 'public'],
  ['64:ff9b:1::1', 'private'],
  ['2002:7f00:1::1', 'loopback'],
  ['2002:c0a8:101::1', 'private'],
  ['2002:808:808::1', 'public'],
  // not addresses
  ['localhost', undefined],
  ['images.example', undefined],
  ['127.1', undefined],
  ['0x7f.0.0.1', undefined],
  ['', undefined],
];

describe('classifyAddress', () => {
  for (const [address, expected] of cases) {
    it(`${address === '' ? '(empty)' : address} is ${expected ?? 'not an IP address'}`, () => {
      assert.equal(classifyAddress(address), expected);
    });
  }
});

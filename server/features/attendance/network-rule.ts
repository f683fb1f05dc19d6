import { BlockList, isIP } from 'node:net';

/** `::ffff:10.1.2.3` (IPv4 on a dual-stack socket) is `10.1.2.3`; a zone suffix (`fe80::1%eth0`) is dropped. */
export function normaliseAddress(raw: string): string {
  const withoutZone = raw.split('%')[0]!;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(withoutZone);
  return mapped ? mapped[1]! : withoutZone;
}

/** Parses `address/prefix` exactly; returns a message saying what is wrong, or null. */
export function cidrProblem(cidr: string): string | null {
  const [address, prefixText, extra] = cidr.split('/');
  const family = isIP(address ?? '');
  if (extra !== undefined || family === 0) return `${cidr}: not an IP address`;
  const prefix = Number(prefixText);
  const max = family === 4 ? 32 : 128;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return `${cidr}: the prefix must be 0 to ${max}`;
  return null;
}

/** Whether an address is inside any of the networks (node's BlockList does the matching, IPv4 and IPv6). */
export function insideNetworks(networks: readonly string[], rawAddress: string): boolean {
  const address = normaliseAddress(rawAddress);
  const family = isIP(address);
  if (family === 0) return false;
  const list = new BlockList();
  for (const cidr of networks) {
    if (cidrProblem(cidr) !== null) continue;
    const [network, prefix] = cidr.split('/');
    list.addSubnet(network!, Number(prefix), isIP(network!) === 4 ? 'ipv4' : 'ipv6');
  }
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

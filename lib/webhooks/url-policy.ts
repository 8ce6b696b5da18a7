import { BlockList, isIP } from 'node:net';

/**
 * Where webhooks may go. AWS mode: https only, public addresses only. Local mode may also
 * reach loopback over http, so a developer can point an endpoint at a receiver on their
 * machine — never private, link-local or cloud-metadata addresses.
 */
export interface UrlPolicy {
  allowLoopbackHttp: boolean;
}

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16], // link-local, including 169.254.169.254 (instance metadata)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['fc00::', 7], // unique local, including fd00:ec2::254 (instance metadata over IPv6)
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 address it carries. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? address;
}

/** Why a resolved address may not be called, or undefined when it may. */
export function addressRefusal(address: string, policy: UrlPolicy): string | undefined {
  const plain = unmapped(address);
  const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
  if (isIP(plain) === 0) return `${address} is not an IP address.`;
  if (loopback.check(plain, family))
    return policy.allowLoopbackHttp ? undefined : `${address} is a loopback address.`;
  if (blocked.check(plain, family))
    return `${address} is a private, link-local, metadata or reserved address.`;
  return undefined;
}

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The checks that need no DNS: a URL, the right scheme, no credentials, no literal bad IP. */
export function urlRefusal(raw: string, policy: UrlPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full URL, like https://hooks.example.com/portico.';
  }
  const local = loopbackNames.has(url.hostname);
  const httpAllowed = policy.allowLoopbackHttp && local;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && httpAllowed))
    return policy.allowLoopbackHttp
      ? 'Webhook URLs must use https (http only for localhost in local mode).'
      : 'Webhook URLs must use https.';
  if (url.username || url.password) return 'Webhook URLs cannot carry a user name or password.';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return addressRefusal(host, policy);
  if (!policy.allowLoopbackHttp && host === 'localhost') return 'localhost is a loopback address.';
  return undefined;
}

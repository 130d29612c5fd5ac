/**
 * Whether a webhook URL points at this Baton server itself. Such a hook would
 * make the server post to its own API (loops, requests from a trusted address),
 * so it is refused. Everything else stays allowed, private networks included:
 * self-hosters deliver to services on their LAN (docs/security.md).
 */
import { BlockList, isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

export interface ServerAddresses {
  /** PUBLIC_URL, or http://localhost:PORT without it. */
  publicUrl: string;
  /** The port this instance listens on. */
  port: number;
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('0.0.0.0', 'ipv4');
loopback.addAddress('::1', 'ipv6');
loopback.addAddress('::', 'ipv6');

/** The host of a URL as an address or a name: no brackets, no trailing dot, lower case. */
function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
}

function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** Names and addresses that reach this machine from itself. */
function isThisMachine(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  if (family === 0) return false;
  if (loopback.check(host, family === 4 ? 'ipv4' : 'ipv6')) return true;
  // An address of one of this machine's own interfaces (the server may listen on all of them).
  return Object.values(networkInterfaces()).some((list) =>
    (list ?? []).some((i) => i.address.toLowerCase() === host),
  );
}

/** Returns a check for URLs that lead back to this server (its public origin, or its port here). */
export function createOwnAddressCheck({ publicUrl, port }: ServerAddresses) {
  const site = new URL(publicUrl);
  const siteHost = hostOf(site);
  // Behind a proxy on the default ports, http:// and https:// reach the same site.
  const sitePorts = site.port ? [portOf(site)] : [80, 443];
  return function pointsAtThisServer(raw: string): boolean {
    if (!URL.canParse(raw)) return false;
    const url = new URL(raw);
    const host = hostOf(url);
    const target = portOf(url);
    if (host === siteHost && sitePorts.includes(target)) return true;
    return target === port && isThisMachine(host);
  };
}

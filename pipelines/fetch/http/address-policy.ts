/**
 * SSRF protection: which resolved addresses a fetch may connect to. Only
 * globally routable unicast addresses pass; loopback, private (RFC 1918),
 * link-local (and so the cloud metadata address 169.254.169.254), CGNAT,
 * unique-local IPv6 and the other special ranges ipaddr.js knows are refused,
 * unless the operator's allow-list names the host, the address or its network.
 */
import ipaddr from "ipaddr.js";
import { PermanentError } from "../../../shared/errors.ts";

/** A fetch refused by policy (address, robots.txt, content type): never retried. */
export class FetchRefusedError extends PermanentError {
  override name = "FetchRefusedError";
}

export interface AllowList {
  /** Lower-case host names allowed whatever they resolve to. */
  hosts: Set<string>;
  /** Addresses and networks allowed. */
  networks: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
}

const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  linkLocal: "a link-local address",
  carrierGradeNat: "a carrier-grade NAT (CGNAT) address",
  uniqueLocal: "a unique-local IPv6 address",
  ipv4Compatible: "an IPv4-compatible IPv6 address (::/96)",
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  reserved: "a reserved address",
};

/** Cloud instance metadata services (AWS, GCP, Azure, Alibaba; AWS's IPv6 one). */
const METADATA_ADDRESSES = new Set(["169.254.169.254", "100.100.100.200", "fd00:ec2::254"]);

/** IPv4-compatible IPv6 (RFC 4291, deprecated): `[::127.0.0.1]` is `::7f00:1`, which ipaddr.js calls unicast. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

/** The range name of an address, with ranges ipaddr.js does not single out. */
function rangeOf(address: ipaddr.IPv4 | ipaddr.IPv6): string {
  const range = address.range();
  if (range === "unicast" && address.kind() === "ipv6" && address.match(IPV4_COMPATIBLE)) {
    return "ipv4Compatible";
  }
  return range;
}

/** Strips the brackets of an IPv6 URL host ("[::1]" → "::1"). */
export function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

function badEntry(raw: string, why: string): string {
  return `FETCH_ALLOW_HOSTS: ${JSON.stringify(raw.trim())} is ${why}`;
}

/**
 * Parses FETCH_ALLOW_HOSTS entries: host names ("intranet.example"),
 * addresses ("127.0.0.1", "::1") and networks ("10.0.0.0/8").
 */
export function parseAllowList(entries: readonly string[]): AllowList {
  const allow: AllowList = { hosts: new Set(), networks: [] };
  for (const raw of entries) {
    const entry = bareHost(raw.trim().toLowerCase());
    if (!entry) continue;
    if (entry.includes("/")) {
      if (!ipaddr.isValidCIDR(entry))
        throw new Error(badEntry(raw, "not a network such as 10.0.0.0/8"));
      allow.networks.push(ipaddr.parseCIDR(entry));
    } else if (ipaddr.isValid(entry)) {
      const address = ipaddr.process(entry);
      allow.networks.push([address, address.kind() === "ipv4" ? 32 : 128]);
    } else {
      if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/.test(entry))
        throw new Error(badEntry(raw, "not a host name, an address or a network"));
      allow.hosts.add(entry.replace(/\.$/, ""));
    }
  }
  return allow;
}

function inAllowedNetwork(address: ipaddr.IPv4 | ipaddr.IPv6, allow: AllowList): boolean {
  return allow.networks.some(
    ([network, bits]) => network.kind() === address.kind() && address.match(network, bits),
  );
}

/**
 * Why connecting to `address` (reached through `hostname`) is refused, or
 * undefined when it may go ahead. IPv4-mapped IPv6 addresses are judged as
 * the IPv4 address they carry.
 */
export function refusalOf(address: string, hostname: string, allow: AllowList): string | undefined {
  if (!ipaddr.isValid(address)) return `refused: ${address} is not an IP address`;
  const parsed = ipaddr.process(address);
  if (allow.hosts.has(bareHost(hostname).toLowerCase()) || inAllowedNetwork(parsed, allow))
    return undefined;
  const normalized = parsed.toString();
  const range = rangeOf(parsed);
  if (range === "unicast" && !METADATA_ADDRESSES.has(normalized)) return undefined;
  const kind = METADATA_ADDRESSES.has(normalized)
    ? "a cloud metadata address"
    : (RANGE_NAMES[range] ?? `a special-purpose address (${range})`);
  const via = bareHost(hostname) === address ? "" : ` (${hostname} resolves to it)`;
  return `refused: ${normalized} is ${kind}${via} (SSRF protection); allow it with FETCH_ALLOW_HOSTS`;
}

/** True when the hostname is an IPv4 or IPv6 address rather than a name. */
export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(bareHost(hostname));
}

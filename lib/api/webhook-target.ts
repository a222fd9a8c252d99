import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env as appEnv } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * Addresses a webhook may not reach unless LEGIT_WEBHOOK_ALLOW_PRIVATE=1: loopback, private,
 * link-local (169.254.169.254 is the cloud metadata service), carrier-grade NAT, unspecified,
 * multicast and reserved ranges, in IPv4 and IPv6 (IPv4-mapped addresses are checked as IPv4).
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 3],
] as const) blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96], ["2001:db8::", 32]] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** True for an IP address a webhook must not reach by default. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  // BlockList checks an IPv4-mapped IPv6 address (::ffff:127.0.0.1) against the IPv4 ranges itself.
  if (family === 6) return blocked.check(address, "ipv6");
  return true; // not an address at all: refuse
}

/** Whether the deployment allows webhooks to private addresses (tests with a local receiver, closed networks). */
export function privateWebhooksAllowed(env: WebhookEnv = appEnv): boolean {
  return env.LEGIT_WEBHOOK_ALLOW_PRIVATE === "1";
}

type WebhookEnv = { LEGIT_WEBHOOK_ALLOW_PRIVATE?: string };

/** The host of a URL as a bare IP (brackets of IPv6 removed), or the name. */
function hostOf(url: URL): string {
  const host = url.hostname;
  return host.startsWith("[") ? host.slice(1, -1) : host;
}

/**
 * The addresses a webhook URL resolves to, refused when any is private (unless allowed). Run when a
 * webhook is set and again before every delivery (a name may resolve elsewhere later; the relay
 * never follows redirects).
 */
export async function checkWebhookTarget(
  rawUrl: string,
  options: { env?: WebhookEnv; allowUnresolvable?: boolean } = {},
): Promise<string[]> {
  const env = options.env ?? appEnv;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new DomainError("validation:webhook_url", "Give an http(s) URL for the webhook.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new DomainError("validation:webhook_url", "Give an http(s) URL for the webhook.");
  const host = hostOf(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      // When a webhook is set, a name that does not resolve yet is accepted (delivery checks again).
      if (options.allowUnresolvable) return [];
      throw new DomainError("validation:webhook_url", `The webhook host ${host} cannot be resolved.`);
    }
  }
  if (!privateWebhooksAllowed(env) && (addresses.length === 0 || addresses.some(isPrivateAddress))) {
    throw new DomainError(
      "validation:webhook_private_address",
      `The webhook host ${host} resolves to a private, loopback or link-local address; webhooks must point at a public address.`,
    );
  }
  return addresses;
}

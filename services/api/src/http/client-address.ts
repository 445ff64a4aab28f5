import { createHmac } from "node:crypto";
import { rateBucketOf } from "@tandem/data/core";
import type { Context } from "hono";
import type { AppEnv } from "../deps.js";

/**
 * The address a request came from, for the public pages' rate limits. A client can write any
 * X-Forwarded-For it likes; only the entries appended by proxies we run can be trusted, and each
 * appends the address it was reached from on the right. So the client is the entry `trustedHops`
 * from the right: in AWS 2 (CloudFront appends the viewer's address, API Gateway then appends
 * CloudFront's); locally 1, because the caller (a test playing many addresses, or the developer) is
 * trusted to say. With fewer entries than proxies the request skipped one, and its leftmost entry is
 * the address the first proxy saw.
 */
export function clientAddressFrom(
  forwardedFor: string | undefined,
  trustedHops: number,
  connectedFrom: string | undefined,
): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  const chosen =
    trustedHops <= 0 || entries.length === 0
      ? connectedFrom
      : entries.length >= trustedHops
        ? entries[entries.length - trustedHops]
        : entries[0];
  return (chosen ?? "unknown").slice(0, 100);
}

/**
 * What a rate limit counts a client under: an HMAC, keyed with a secret the table never holds, of the
 * client's address (its IPv6 /64). An unkeyed hash of an IPv4 address is reversed by hashing all 2^32
 * of them; this one is not without the key.
 */
export function rateKeyOf(address: string, key: string): string {
  return createHmac("sha256", key).update(rateBucketOf(address)).digest("hex");
}

/**
 * The client, for rate limiting only, as a keyed hash of its address (`rateKeyOf`): the
 * X-Forwarded-For entry our own proxies appended, else the connection's peer.
 */
export function clientAddress(c: Context<AppEnv>): string {
  return rateKeyOf(clientAddressOf(c), c.var.deps.addressHashKey);
}

function clientAddressOf(c: Context<AppEnv>): string {
  // Lambda (API Gateway's event) or node's server (its socket), whichever this runs in.
  const env = c.env as
    | {
        event?: { requestContext?: { http?: { sourceIp?: string } } };
        incoming?: { socket?: { remoteAddress?: string } };
      }
    | undefined;
  const connectedFrom = env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress;
  return clientAddressFrom(c.req.header("x-forwarded-for"), c.var.deps.trustedProxyHops, connectedFrom);
}

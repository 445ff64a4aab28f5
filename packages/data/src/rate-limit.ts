import { createHash } from "node:crypto";
import { displayTime } from "@tandem/domain/calendar";
import { Problem } from "./errors.js";
import * as keys from "./keys.js";
import type { TenantTable } from "./tenant-table.js";

/**
 * Fixed-window request counters for the public pages, one item per (bucket, client address,
 * window) in the tenant's partition, deleted by TTL after the window. Each request counts itself
 * with one conditional UpdateItem before it writes anything (1 write unit, outside the request's
 * own transaction): a request refused later still counts, as a flood of failing requests should.
 * The client address is stored only as a hash.
 */
export interface RateRule {
  bucket: "submit" | "verify" | "draft" | "information";
  limit: number;
  windowSeconds: number;
}

export const RATE_RULES = {
  /** A council office shares one address: 20 referrals in 10 minutes is far above real use. */
  submit: { bucket: "submit", limit: 20, windowSeconds: 600 },
  /** Codes are 40 bits; 20 guesses in 10 minutes from one address makes guessing pointless. */
  verify: { bucket: "verify", limit: 20, windowSeconds: 600 },
  draft: { bucket: "draft", limit: 60, windowSeconds: 600 },
  information: { bucket: "information", limit: 20, windowSeconds: 600 },
} as const satisfies Record<string, RateRule>;

/**
 * Whose count a request goes on: an IPv4 address, or an IPv6 address's /64 network (one home or phone
 * is given a whole /64, so counting single IPv6 addresses would let one client use 2^64 buckets).
 */
export function rateBucketOf(address: string): string {
  const a = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  if (!a.includes(":")) return a;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped?.[1]) return mapped[1];
  const [left = "", right, ...more] = a.split("::");
  const head = left.split(":").filter((g) => g !== "");
  const tail = right === undefined ? [] : right.split(":").filter((g) => g !== "");
  const groups = right === undefined ? head : [...head, ...Array(8 - head.length - tail.length).fill("0"), ...tail];
  if (more.length > 0 || groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return a;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/** Counts one request from this address against the rule, or refuses with `rate_limited` saying when to try again. */
export async function takeRateToken(table: TenantTable, rule: RateRule, clientAddress: string, now = new Date()) {
  const clientHash = createHash("sha256").update(rateBucketOf(clientAddress)).digest("base64url").slice(0, 22);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const start = nowSeconds - (nowSeconds % rule.windowSeconds);
  const end = start + rule.windowSeconds;
  const key = keys.rateWindow(table.ctx.tenantId, rule.bucket, clientHash, start);
  const counted = await table.countWithin(key, "used", rule.limit, { type: "rate-window", expiresAt: end + 60 });
  if (!counted) throw rateLimited(new Date(end * 1000), now);
}

/** The visitor is told when, in UK time, and reassured: the form keeps what they typed. */
function rateLimited(retryAt: Date, now: Date): Problem {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return new Problem(
    "rate_limited",
    `Too many requests have come from your connection in the last few minutes. Please try again after ${displayTime(retryAt.toISOString())} (in about ${minutes} ${minutes === 1 ? "minute" : "minutes"}); nothing you entered has been lost.`,
    { retryAt },
  );
}

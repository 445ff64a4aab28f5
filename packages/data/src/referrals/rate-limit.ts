import { createHash } from "node:crypto";
import { keys } from "../keys.js";
import type { TenantTable } from "../tenant-table.js";

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

export class RateLimited extends Error {
  constructor(readonly retryAt: Date) {
    super("Too many requests");
    this.name = "RateLimited";
  }
}

/** Counts one request from this address against the rule, or throws RateLimited saying when to try again. */
export async function takeRateToken(table: TenantTable, rule: RateRule, clientAddress: string, now = new Date()) {
  const clientHash = createHash("sha256").update(clientAddress).digest("base64url").slice(0, 22);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const start = nowSeconds - (nowSeconds % rule.windowSeconds);
  const end = start + rule.windowSeconds;
  const key = keys.rateWindow(table.ctx.tenantId, rule.bucket, clientHash, start);
  const counted = await table.countWithin(key, "used", rule.limit, { type: "rate-window", expiresAt: end + 60 });
  if (!counted) throw new RateLimited(new Date(end * 1000));
}

import { createHash } from "node:crypto";
import { DataError } from "../errors.js";
import { type ItemKey, keys } from "../keys.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";

/**
 * Fixed-window request counters for the public referral pages, one item per (bucket, client
 * address, window) in the tenant's partition, deleted by TTL after the window. The item counts
 * down: each request takes one from `remaining` under a guard that it is at least 1, so the check
 * and the count are one conditional write. The client address is stored only as a hash.
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

export interface RateWindow {
  key: ItemKey;
  retryAt: Date;
  /** The count for this request, to put in the same transaction as the request's own writes. */
  op: WriteOp;
  /** Creates the window's counter when the guard failed because it did not exist yet. */
  open(): Promise<"opened" | "exhausted">;
}

const GUARD_MESSAGE = "rate-window-exhausted";

export function rateWindow(table: TenantTable, rule: RateRule, clientAddress: string, now = new Date()): RateWindow {
  const clientHash = createHash("sha256").update(clientAddress).digest("base64url").slice(0, 22);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const start = nowSeconds - (nowSeconds % rule.windowSeconds);
  const end = start + rule.windowSeconds;
  const key = keys.rateWindow(table.ctx.tenantId, rule.bucket, clientHash, start);
  return {
    key,
    retryAt: new Date(end * 1000),
    op: {
      kind: "increment",
      key,
      counters: { remaining: -1 },
      guard: { counter: "remaining", atLeast: 1, message: GUARD_MESSAGE },
    },
    async open() {
      const existing = await table.get(key);
      if (existing) return Number(existing.remaining) >= 1 ? "opened" : "exhausted";
      try {
        await table.putNew({ ...key, type: "rate-window", remaining: rule.limit, expiresAt: end + 60 });
      } catch (e) {
        // Another request opened it first: carry on and let the guard decide.
        if (!(e instanceof DataError && e.code === "already_exists")) throw e;
      }
      return "opened";
    },
  };
}

export const isRateGuard = (e: unknown) =>
  e instanceof DataError && e.code === "conflict" && e.message === GUARD_MESSAGE;

/**
 * Runs `attempt` (which must include `window.op` in its transaction); when the window's guard
 * refuses, opens the window if it did not exist and tries once more, else throws RateLimited.
 */
export async function withinRateLimit<T>(window: RateWindow, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (e) {
    if (!isRateGuard(e)) throw e;
    if ((await window.open()) === "exhausted") throw new RateLimited(window.retryAt);
  }
  try {
    return await attempt();
  } catch (e) {
    if (isRateGuard(e)) throw new RateLimited(window.retryAt);
    throw e;
  }
}

/** Counts one request on its own, for requests whose writes (if any) come later or not at all. */
export async function takeRateToken(table: TenantTable, rule: RateRule, clientAddress: string, now = new Date()) {
  const window = rateWindow(table, rule, clientAddress, now);
  await withinRateLimit(window, () => table.transact([window.op]));
}

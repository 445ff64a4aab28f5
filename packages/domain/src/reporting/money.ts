import { add, type Contribution, type Counters, OPEN } from "./counters.js";
import { monthOf } from "./periods.js";

/**
 * Expense claims' contribution to the summaries. What a match spends counts in the month the claim
 * is for (the month its budget is), as `sp|<match>` (pence) and `sn|<match>` (claims), for every
 * claim but a rejected one, exactly as the limits count it. A claim not yet paid nor rejected waits:
 * `cw|<status>|<submitted day>` (one) and `cwp|<status>` (its pence) in OPEN. A payment adds
 * `pd|<day>` (pence) to the month it was paid.
 */

export interface ClaimReportFacts {
  matchId: string;
  /** The month the claim counts against ("YYYY-MM"). */
  month: string;
  pence: number;
  status: string;
  submittedOn: string;
  paidOn: string | null;
}

const WAITING = new Set(["awaiting_prior_approval", "submitted", "coordinator_approved", "finance_approved"]);

export function claimContribution(f: ClaimReportFacts | null): Contribution {
  const c: Contribution = new Map();
  if (!f) return c;
  if (f.status !== "rejected") {
    add(c, f.month, `sp|${f.matchId}`, f.pence);
    add(c, f.month, `sn|${f.matchId}`);
  }
  if (WAITING.has(f.status)) {
    add(c, OPEN, `cw|${f.status}|${f.submittedOn}`);
    add(c, OPEN, `cwp|${f.status}`, f.pence);
  }
  if (f.status === "paid" && f.paidOn) add(c, monthOf(f.paidOn), `pd|${f.paidOn}`, f.pence);
  return c;
}

/** Spend per match over whole months (`months`), in pence, with the number of claims. */
export function spendIn(buckets: ReadonlyMap<string, Counters>, months: readonly string[]) {
  const byMatch = new Map<string, { pence: number; claims: number }>();
  for (const m of months) {
    for (const [name, n] of Object.entries(buckets.get(m) ?? {})) {
      const [kind, matchId] = name.split("|");
      if (!matchId || (kind !== "sp" && kind !== "sn")) continue;
      const row = byMatch.get(matchId) ?? { pence: 0, claims: 0 };
      if (kind === "sp") row.pence += n;
      else row.claims += n;
      byMatch.set(matchId, row);
    }
  }
  for (const [id, row] of byMatch) if (row.claims === 0 && row.pence === 0) byMatch.delete(id);
  return byMatch;
}

/** Paid in a period's days, in pence. */
export function paidBetween(buckets: ReadonlyMap<string, Counters>, from: string, to: string): number {
  let pence = 0;
  for (const [bucket, counters] of buckets) {
    if (bucket === OPEN || bucket < monthOf(from) || bucket > monthOf(to)) continue;
    for (const [name, n] of Object.entries(counters)) {
      const [kind, day] = name.split("|");
      if (kind === "pd" && day && day >= from && day <= to) pence += n;
    }
  }
  return pence;
}

export const CLAIM_STATUS_ORDER = ["awaiting_prior_approval", "submitted", "coordinator_approved", "finance_approved"];

/** Claims waiting now, by status: how many, their pence, and the oldest's submission day. */
export function claimsWaiting(open: Counters) {
  const out = new Map<string, { count: number; pence: number; oldest: string | null }>();
  const row = (s: string) => out.get(s) ?? { count: 0, pence: 0, oldest: null };
  for (const [name, n] of Object.entries(open)) {
    const [kind, status, day] = name.split("|");
    if (!status || n === 0) continue;
    const r = row(status);
    if (kind === "cw" && day) {
      r.count += n;
      if (n > 0 && (r.oldest === null || day < r.oldest)) r.oldest = day;
    } else if (kind === "cwp") r.pence += n;
    else continue;
    out.set(status, r);
  }
  return [...out.entries()]
    .filter(([, r]) => r.count > 0)
    .map(([status, r]) => ({ status, ...r }))
    .sort((a, b) => CLAIM_STATUS_ORDER.indexOf(a.status) - CLAIM_STATUS_ORDER.indexOf(b.status));
}

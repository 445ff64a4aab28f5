import { daysBetween } from "../calendar/iso-date.js";
import { add, type Contribution, type Counters, OPEN, part } from "./counters.js";
import { addTo, countOf, type Histogram, median } from "./distribution.js";
import { monthOf } from "./periods.js";

/**
 * Volunteers' contribution to the summaries, and the recruitment figures read back from them.
 * Flows carry their day (`applied|<day>`, `approved|<day>`, `withdrawn|<reason>|<day>`,
 * `not_approved|<day>`) in the month they happened; the step a volunteer is in now sits in the OPEN
 * bucket as `step|<stage>|<since>`, so "how many in each step and for how long" is one item.
 */

/** Stages a volunteer has left the pipeline at: not counted as "in a step". */
const FINAL = new Set(["withdrawn", "ended", "not_approved"]);

export interface VolunteerFacts {
  appliedOn: string;
  stage: string;
  stageSince: string;
  approvedOn: string | null;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
  notApprovedOn: string | null;
}

export function volunteerContribution(f: VolunteerFacts | null): Contribution {
  const c: Contribution = new Map();
  if (!f) return c;
  add(c, monthOf(f.appliedOn), `applied|${f.appliedOn}`);
  if (f.approvedOn) add(c, monthOf(f.approvedOn), `approved|${f.approvedOn}`);
  if (f.withdrawnOn) add(c, monthOf(f.withdrawnOn), `withdrawn|${part(f.withdrawalReason)}|${f.withdrawnOn}`);
  if (f.notApprovedOn) add(c, monthOf(f.notApprovedOn), `not_approved|${f.notApprovedOn}`);
  if (!FINAL.has(f.stage)) add(c, OPEN, `step|${f.stage}|${f.stageSince}`);
  return c;
}

/** The volunteers in each step now, with the median days they have spent in it so far. */
export function stepsNow(open: Counters, today: string): { stage: string; count: number; medianDays: number | null }[] {
  const byStage = new Map<string, Histogram>();
  for (const [name, n] of Object.entries(open)) {
    const [kind, stage, since] = name.split("|");
    if (kind !== "step" || !stage || !since || n === 0) continue;
    const h = byStage.get(stage) ?? new Map<number, number>();
    addTo(h, Math.max(0, daysBetween(since, today)), n);
    byStage.set(stage, h);
  }
  return [...byStage.entries()]
    .map(([stage, h]) => ({ stage, count: countOf(h), medianDays: median(h) }))
    .filter((s) => s.count > 0);
}

/** The recruitment flows of a period's days: enquiries and applications, approvals, not approved, withdrawals by reason. */
export function recruitmentFlows(buckets: ReadonlyMap<string, Counters>, from: string, to: string) {
  let applied = 0;
  let approved = 0;
  let notApproved = 0;
  const withdrawn = new Map<string, number>();
  for (const [bucket, counters] of buckets) {
    if (bucket === OPEN || bucket < monthOf(from) || bucket > monthOf(to)) continue;
    for (const [name, n] of Object.entries(counters)) {
      const parts = name.split("|");
      const day = parts[parts.length - 1] ?? "";
      if (day < from || day > to) continue;
      if (parts[0] === "applied") applied += n;
      else if (parts[0] === "approved") approved += n;
      else if (parts[0] === "not_approved") notApproved += n;
      else if (parts[0] === "withdrawn" && parts[1]) withdrawn.set(parts[1], (withdrawn.get(parts[1]) ?? 0) + n);
    }
  }
  return { applied, approved, notApproved, withdrawn };
}

/** How many dates fall within 30, 60 and 90 days of today (counted once each, in the first window they fall in or before). */
export function expiringWithin(
  dates: readonly string[],
  today: string,
): { within30: number; within60: number; within90: number } {
  const out = { within30: 0, within60: 0, within90: 0 };
  for (const d of dates) {
    const left = daysBetween(today, d);
    if (left < 0) continue;
    if (left <= 30) out.within30 += 1;
    if (left <= 60) out.within60 += 1;
    if (left <= 90) out.within90 += 1;
  }
  return out;
}

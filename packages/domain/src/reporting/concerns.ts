import { add, type Contribution, type Counters, OPEN } from "./counters.js";
import { addTo, type Histogram } from "./distribution.js";
import { monthOf } from "./periods.js";

/**
 * Concerns' contribution to the summaries. A concern adds `cr|<type>|<day>` to the month it was
 * raised; once acknowledged, `ca|<minutes bucket>|<day>` to the month of the acknowledgement; until
 * then `cu|<type>|<raised day>|<match or ->` sits in OPEN (what waits for acknowledgement now, and
 * which match it is about, for the match's health).
 */

export interface ConcernReportFacts {
  type: string;
  matchId: string | null;
  raisedOn: string;
  acknowledgedOn: string | null;
  /** Minutes from submission to acknowledgement. */
  minutesToAcknowledge: number | null;
}

/**
 * The bucket a time to acknowledgement is counted in, as its upper bound in minutes: to the next
 * quarter hour within 4 hours, the next hour within 2 days, the next day beyond. A median read from
 * these is an upper bound within 15 minutes, an hour or a day of the exact one (ADR 16).
 */
export function acknowledgementBucket(minutes: number): number {
  const m = Math.max(0, Math.ceil(minutes));
  const up = (step: number) => Math.max(step, Math.ceil(m / step) * step);
  if (m <= 240) return up(15);
  if (m <= 2880) return up(60);
  return up(1440);
}

/** Concern types that make a match's health "at risk" while unacknowledged. */
export const SAFEGUARDING_TYPES = new Set(["disclosure", "safeguarding_concern", "missing_child"]);

export function concernContribution(f: ConcernReportFacts | null): Contribution {
  const c: Contribution = new Map();
  if (!f) return c;
  add(c, monthOf(f.raisedOn), `cr|${f.type}|${f.raisedOn}`);
  if (f.acknowledgedOn !== null && f.minutesToAcknowledge !== null)
    add(c, monthOf(f.acknowledgedOn), `ca|${acknowledgementBucket(f.minutesToAcknowledge)}|${f.acknowledgedOn}`);
  else add(c, OPEN, `cu|${f.type}|${f.raisedOn}|${f.matchId ?? "-"}`);
  return c;
}

/** The concern flows of a period's days: raised by type, and the acknowledgement times (bucketed minutes). */
export function concernFlows(buckets: ReadonlyMap<string, Counters>, from: string, to: string) {
  const byType = new Map<string, number>();
  const ackMinutes: Histogram = new Map();
  for (const [bucket, counters] of buckets) {
    if (bucket === OPEN || bucket < monthOf(from) || bucket > monthOf(to)) continue;
    for (const [name, n] of Object.entries(counters)) {
      const [kind, a, day] = name.split("|");
      if (!a || !day || day < from || day > to) continue;
      if (kind === "cr") byType.set(a, (byType.get(a) ?? 0) + n);
      else if (kind === "ca") addTo(ackMinutes, Number(a), n);
    }
  }
  return { byType, ackMinutes };
}

/**
 * The concerns open on one match (raised about it and not yet acknowledged), from the concerns' OPEN
 * bucket as stored: all of them and the safeguarding ones, as the match's health counts them.
 */
export function openConcernsOn(matchId: string, open: Counters): { all: number; safeguarding: number } {
  return unacknowledgedNow(open).byMatch.get(matchId) ?? { all: 0, safeguarding: 0 };
}

/** Concerns waiting for acknowledgement now: how many, and per match (`-` for none), split safeguarding or not. */
export function unacknowledgedNow(open: Counters) {
  let count = 0;
  const byMatch = new Map<string, { all: number; safeguarding: number }>();
  for (const [name, n] of Object.entries(open)) {
    const [kind, type, , matchId] = name.split("|");
    if (kind !== "cu" || !type || n <= 0) continue;
    count += n;
    const id = matchId ?? "-";
    const row = byMatch.get(id) ?? { all: 0, safeguarding: 0 };
    row.all += n;
    if (SAFEGUARDING_TYPES.has(type)) row.safeguarding += n;
    byMatch.set(id, row);
  }
  return { count, byMatch };
}

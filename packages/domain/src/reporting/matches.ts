import { daysBetween } from "../calendar/iso-date.js";
import { add, type Contribution, type Counters, OPEN, part } from "./counters.js";
import { addTo, type Histogram } from "./distribution.js";
import { monthOf } from "./periods.js";

/**
 * Matches' and visits' contribution to the summaries, and the figures read back from them.
 *
 * A match counts from the day it became active: `ms|<start>` in its start month; while it lasts,
 * `ma|<match>|<volunteer>|<start>` in OPEN (the match and volunteer ids name the caseload's active
 * matches for the figures worked out on read: health, reviews and supervision overdue); once over,
 * `me|<reason>|<start>|<end>` in its end month. Who was matched on a day D is then OPEN's matches
 * that started by D plus those that ended after D having started by D: the months since D only.
 *
 * A recorded visit adds `v|<match>` to the month it took place: visits are counted by calendar
 * month, per match, so "matches visited at least the council's minimum" is read from one bucket.
 */

export interface MatchReportFacts {
  matchId: string;
  volunteerId: string;
  /** The day it became active. */
  activatedOn: string;
  /** The day it ended (null while it lasts). */
  endedOn: string | null;
  /** The ending's reason code (null when none was recorded). */
  endReason: string | null;
}

export function matchContribution(f: MatchReportFacts | null): Contribution {
  const c: Contribution = new Map();
  if (!f) return c;
  add(c, monthOf(f.activatedOn), `ms|${f.activatedOn}`);
  if (f.endedOn) add(c, monthOf(f.endedOn), `me|${part(f.endReason)}|${f.activatedOn}|${f.endedOn}`);
  else add(c, OPEN, `ma|${f.matchId}|${f.volunteerId}|${f.activatedOn}`);
  return c;
}

export interface VisitReportFacts {
  matchId: string;
  /** The day the visit took place. */
  on: string;
}

export function visitContribution(f: VisitReportFacts | null): Contribution {
  const c: Contribution = new Map();
  if (f) add(c, monthOf(f.on), `v|${f.matchId}`);
  return c;
}

/** The matches active now: id, volunteer and start day (from OPEN). */
export function activeMatchesNow(open: Counters): { matchId: string; volunteerId: string; activatedOn: string }[] {
  const out: { matchId: string; volunteerId: string; activatedOn: string }[] = [];
  for (const [name, n] of Object.entries(open)) {
    const [kind, matchId, volunteerId, activatedOn] = name.split("|");
    if (kind === "ma" && n > 0 && matchId && volunteerId && activatedOn)
      out.push({ matchId, volunteerId, activatedOn });
  }
  return out.sort((a, b) => a.matchId.localeCompare(b.matchId));
}

/**
 * How many matches were active at some time between `from` and `to` (both inclusive): started by
 * `to` and not ended before `from`. The buckets from `from`'s month onwards and OPEN must be given.
 */
export function activeBetween(buckets: ReadonlyMap<string, Counters>, from: string, to: string): number {
  let n = 0;
  for (const [bucket, counters] of buckets) {
    const isOpen = bucket === OPEN;
    if (!isOpen && bucket < monthOf(from)) continue;
    for (const [name, by] of Object.entries(counters)) {
      const p = name.split("|");
      if (isOpen && p[0] === "ma" && (p[3] ?? "") <= to) n += by;
      else if (!isOpen && p[0] === "me" && (p[2] ?? "") <= to && (p[3] ?? "") >= from) n += by;
    }
  }
  return n;
}

/** Matches active at the end of `day`. */
export const activeOn = (buckets: ReadonlyMap<string, Counters>, day: string) => {
  // Ended on `day` itself: no longer active at its end.
  let n = 0;
  for (const [bucket, counters] of buckets) {
    const isOpen = bucket === OPEN;
    if (!isOpen && bucket < monthOf(day)) continue;
    for (const [name, by] of Object.entries(counters)) {
      const p = name.split("|");
      if (isOpen && p[0] === "ma" && (p[3] ?? "") <= day) n += by;
      else if (!isOpen && p[0] === "me" && (p[2] ?? "") <= day && (p[3] ?? "") > day) n += by;
    }
  }
  return n;
};

/** The match flows of a period's days: started, ended by reason, and the ended matches' lengths in days. */
export function matchFlows(buckets: ReadonlyMap<string, Counters>, from: string, to: string) {
  let started = 0;
  const endedBy = new Map<string, number>();
  const lengths: Histogram = new Map();
  const within = (d: string | undefined) => d !== undefined && d >= from && d <= to;
  for (const [bucket, counters] of buckets) {
    if (bucket === OPEN || bucket < monthOf(from) || bucket > monthOf(to)) continue;
    for (const [name, n] of Object.entries(counters)) {
      const p = name.split("|");
      if (p[0] === "ms" && within(p[1])) started += n;
      else if (p[0] === "me" && p[1] && p[2] && within(p[3])) {
        endedBy.set(p[1], (endedBy.get(p[1]) ?? 0) + n);
        addTo(lengths, daysBetween(p[2], p[3] as string), n);
      }
    }
  }
  return { started, endedBy, lengths };
}

/**
 * Visits a month needs to meet the council's minimum frequency: a calendar month holds at least four
 * whole weeks and two whole fortnights (Tandem's reading of "at least weekly / fortnightly / monthly").
 */
export const VISITS_A_MONTH_AT_MINIMUM = { weekly: 4, fortnightly: 2, monthly: 1 } as const;

/** A month's visits: how many, and how many matches had at least `required` of them. */
export function visitMonth(counters: Counters | undefined, required: number) {
  let visits = 0;
  let matchesAtMinimum = 0;
  for (const [name, n] of Object.entries(counters ?? {})) {
    if (!name.startsWith("v|")) continue;
    visits += n;
    if (n >= required) matchesAtMinimum += 1;
  }
  return { visits, matchesAtMinimum };
}

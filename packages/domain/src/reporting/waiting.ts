import { ageOn, daysBetween } from "../calendar/iso-date.js";
import { add, type Contribution, type Counters, OPEN, part } from "./counters.js";
import { addTo, countOf, type Histogram, largest, median } from "./distribution.js";
import { monthOf } from "./periods.js";

/**
 * Referrals' contribution to the summaries, and the waiting figures read back from them.
 *
 * A child waits from the day the referral arrived until it is matched, declined or withdrawn. Each
 * wait adds `ws|<group>|<start>` to the month it started and, once over, `we|<group>|<start>|<end>` to
 * the month it ended; while it lasts, `w|<group>|<start>` sits in the OPEN bucket. Who waited on any
 * past day D is then what is open now, plus the waits that ended after D, less those that started
 * after D: read from the months since D only, however long the council's history.
 */

/** The groups a wait is counted in, besides "all": each is `name=value`. */
export const WAITING_DIMENSIONS = ["age", "gender", "ethnicity", "disability", "out_of_area", "uasc"] as const;
export type WaitingDimension = (typeof WAITING_DIMENSIONS)[number];

export const DIMENSION_LABELS: Readonly<Record<WaitingDimension, string>> = {
  age: "Age when referred",
  gender: "Gender",
  ethnicity: "Ethnicity",
  disability: "Disability or additional needs",
  out_of_area: "Placed out of area",
  uasc: "Unaccompanied asylum-seeking",
};

/** Age bands as Ofsted's and the DfE's looked-after statistics group children (under 1, 1-4, 5-9, 10-15, 16 and over). */
export function ageBand(age: number): string {
  if (age < 1) return "under 1";
  if (age <= 4) return "1 to 4";
  if (age <= 9) return "5 to 9";
  if (age <= 15) return "10 to 15";
  return "16 and over";
}

/** What the summaries need to know of a referral; the data layer reads it off the stored record. */
export interface ReferralFacts {
  receivedOn: string;
  respondBy: string;
  dateOfBirth: string;
  gender: string | null;
  ethnicity: string | null;
  /** null when the form did not ask (a young person's own referral). */
  disability: boolean | null;
  outOfArea: boolean | null;
  uasc: boolean | null;
  /** The first accept or decline. */
  decidedOn: string | null;
  /** The day the wait ended: matched, declined or withdrawn. */
  waitEndedOn: string | null;
  matchedOn: string | null;
}

const yesNo = (v: boolean | null) => (v === null ? "not recorded" : v ? "yes" : "no");

export function groupsOf(f: ReferralFacts): string[] {
  const values: Record<WaitingDimension, string> = {
    age: ageBand(ageOn(f.dateOfBirth, f.receivedOn)),
    gender: part(f.gender),
    ethnicity: part(f.ethnicity),
    disability: yesNo(f.disability),
    out_of_area: yesNo(f.outOfArea),
    uasc: yesNo(f.uasc),
  };
  return ["all", ...WAITING_DIMENSIONS.map((d) => `${d}=${values[d]}`)];
}

export function referralContribution(f: ReferralFacts | null): Contribution {
  const c: Contribution = new Map();
  if (!f) return c;
  const received = monthOf(f.receivedOn);
  // Counters carry the day, so a custom period that starts mid-month counts exactly its own days.
  const groups = groupsOf(f);
  for (const g of groups) {
    add(c, received, `ws|${g}|${f.receivedOn}`);
    if (f.waitEndedOn) add(c, monthOf(f.waitEndedOn), `we|${g}|${f.receivedOn}|${f.waitEndedOn}`);
    else add(c, OPEN, `w|${g}|${f.receivedOn}`);
  }
  if (f.decidedOn) {
    const m = monthOf(f.decidedOn);
    add(c, m, `dec|${f.decidedOn <= f.respondBy ? "on_time" : "late"}|${f.decidedOn}`);
    add(c, m, `decdays|${daysBetween(f.receivedOn, f.decidedOn)}|${f.decidedOn}`);
  }
  if (f.matchedOn) add(c, monthOf(f.matchedOn), `r2m|${daysBetween(f.receivedOn, f.matchedOn)}|${f.matchedOn}`);
  return c;
}

/** One group's waits on a day: how many, the median and the longest, in days. */
export interface WaitFigures {
  count: number;
  medianDays: number | null;
  longestDays: number | null;
}

/**
 * Who was waiting at the end of `day`, by group, from the OPEN bucket and the monthly buckets from
 * `day`'s month onwards (every one of them must be given, or the answer is wrong).
 */
export function waitingOn(day: string, buckets: ReadonlyMap<string, Counters>): Map<string, WaitFigures> {
  const starts = new Map<string, Histogram>();
  const count = (group: string, start: string, by: number) => {
    const h = starts.get(group) ?? new Map<number, number>();
    addTo(h, daysBetween(start, day), by);
    starts.set(group, h);
  };
  const from = monthOf(day);
  for (const [bucket, counters] of buckets) {
    const isOpen = bucket === OPEN;
    if (!isOpen && bucket < from) continue;
    for (const [name, n] of Object.entries(counters)) {
      if (n === 0) continue;
      const [kind, group, start, end] = name.split("|");
      if (!group || !start) continue;
      if (isOpen && kind === "w") count(group, start, n);
      else if (!isOpen && kind === "we" && end && end > day) count(group, start, n);
      else if (!isOpen && kind === "ws" && start > day) count(group, start, -n);
    }
  }
  const out = new Map<string, WaitFigures>();
  for (const [group, h] of starts) {
    const n = countOf(h);
    if (n > 0) out.set(group, { count: n, medianDays: median(h), longestDays: largest(h) });
  }
  return out;
}

/** The flows of a period (its days only), from its months' buckets: referrals received, decisions, referral to match. */
export function referralFlows(buckets: ReadonlyMap<string, Counters>, from: string, to: string) {
  const received = new Map<string, number>();
  const decisionDays: Histogram = new Map();
  const toMatchDays: Histogram = new Map();
  let onTime = 0;
  let late = 0;
  const within = (day: string | undefined) => day !== undefined && day >= from && day <= to;
  for (const [bucket, counters] of buckets) {
    if (bucket === OPEN || bucket < monthOf(from) || bucket > monthOf(to)) continue;
    for (const [name, n] of Object.entries(counters)) {
      const [kind, a, b] = name.split("|");
      if (!a) continue;
      if (kind === "ws" && within(b)) received.set(a, (received.get(a) ?? 0) + n);
      else if (kind === "dec" && within(b)) {
        if (a === "on_time") onTime += n;
        else late += n;
      } else if (kind === "decdays" && within(b)) addTo(decisionDays, Number(a), n);
      else if (kind === "r2m" && within(b)) addTo(toMatchDays, Number(a), n);
    }
  }
  return { received, onTime, late, decisionDays, toMatchDays };
}

import * as z from "zod";
import { MONTH_NAMES } from "../calendar/display.js";
import { addDays, daysBetween, IsoDate, isoFromParts } from "../calendar/iso-date.js";

/**
 * The periods a manager reports on, as calendar days in England (the API passes "today" from
 * `todayInLondon`). Quarters and years are the financial ones councils report to their Corporate
 * Parenting Board in: the year runs 1 April to 31 March, Q1 is April to June.
 */
export const PeriodKind = z.enum(["month", "quarter", "year", "custom"]);
export type PeriodKind = z.output<typeof PeriodKind>;

export interface Period {
  kind: PeriodKind;
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** The longest custom period: two years keeps every figure within a bounded number of monthly summaries. */
export const LONGEST_CUSTOM_DAYS = 731;
/** The earliest day a report may start: nothing in Tandem is older. */
export const EARLIEST_REPORT_DAY = "2000-01-01";

export type PeriodRequest = { kind: PeriodKind; from?: string | undefined; to?: string | undefined };
export type PeriodResult = { ok: true; period: Period } | { ok: false; field: "from" | "to"; message: string };

const ymd = (iso: string) => ({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)) });
const lastDayOfMonth = (y: number, m: number) => addDays(isoFromParts(y, m + 1, 1), -1);

function monthContaining(day: string): Period {
  const { y, m } = ymd(day);
  return { kind: "month", from: isoFromParts(y, m, 1), to: lastDayOfMonth(y, m) };
}

function quarterContaining(day: string): Period {
  const { y, m } = ymd(day);
  // Financial quarters start in April, July, October and January.
  const startMonth = m - ((m - 1) % 3);
  return { kind: "quarter", from: isoFromParts(y, startMonth, 1), to: lastDayOfMonth(y, startMonth + 2) };
}

function yearContaining(day: string): Period {
  const { y, m } = ymd(day);
  const startYear = m >= 4 ? y : y - 1;
  return { kind: "year", from: isoFromParts(startYear, 4, 1), to: isoFromParts(startYear + 1, 3, 31) };
}

/**
 * The period asked for: month, quarter or year containing `from` (today when absent), or a custom
 * `from`-`to`. A period may not start after today or before 2000, and a custom one runs forwards
 * and for at most two years; each refusal names the field and what to change.
 */
export function resolvePeriod(req: PeriodRequest, today: string): PeriodResult {
  for (const field of ["from", "to"] as const) {
    const v = req[field];
    if (v !== undefined && !IsoDate.safeParse(v).success) {
      return { ok: false, field, message: `Enter the ${field === "from" ? "start" : "end"} date as YYYY-MM-DD` };
    }
  }
  const from = req.from ?? today;
  if (from > today) return { ok: false, field: "from", message: "The period must start today or earlier" };
  if (from < EARLIEST_REPORT_DAY)
    return { ok: false, field: "from", message: "The period must start in 2000 or later" };
  if (req.kind !== "custom") {
    if (req.to !== undefined) {
      return { ok: false, field: "to", message: "Give an end date only for a custom period" };
    }
    const period = { month: monthContaining, quarter: quarterContaining, year: yearContaining }[req.kind](from);
    return { ok: true, period };
  }
  if (req.from === undefined) return { ok: false, field: "from", message: "Enter the start date of the custom period" };
  if (req.to === undefined) return { ok: false, field: "to", message: "Enter the end date of the custom period" };
  if (req.to < req.from)
    return { ok: false, field: "to", message: "The end date must be the same as or after the start date" };
  if (daysBetween(req.from, req.to) + 1 > LONGEST_CUSTOM_DAYS) {
    return { ok: false, field: "to", message: "A custom period can be at most 2 years long" };
  }
  return { ok: true, period: { kind: "custom", from: req.from, to: req.to } };
}

/** The period before, of the same kind and length, which each figure's trend is measured against. */
export function previousPeriod(p: Period): Period {
  switch (p.kind) {
    case "month":
      return monthContaining(addDays(p.from, -1));
    case "quarter":
      return quarterContaining(addDays(p.from, -1));
    case "year":
      return yearContaining(addDays(p.from, -1));
    case "custom": {
      const length = daysBetween(p.from, p.to) + 1;
      return { kind: "custom", from: addDays(p.from, -length), to: addDays(p.from, -1) };
    }
  }
}

/** The last day a figure is counted to: the period's end, or today while the period is still running. */
export const countedTo = (p: Period, today: string) => (p.to < today ? p.to : today);

/** "2026-11" for a day. */
export const monthOf = (day: string) => day.slice(0, 7);

/** Every month ("YYYY-MM") a period touches, in order. */
export function monthsOf(p: Pick<Period, "from" | "to">): string[] {
  const out: string[] = [];
  let { y, m } = ymd(p.from);
  const end = monthOf(p.to);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    out.push(month);
    if (month >= end) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** The period in words, as the report's heading says it: "November 2026", "Quarter 3 2026 to 2027", "1 May 2026 to 3 June 2026". */
export function periodLabel(p: Period): string {
  const { y, m } = ymd(p.from);
  const day = (iso: string) =>
    `${Number(iso.slice(8, 10))} ${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
  switch (p.kind) {
    case "month":
      return `${MONTH_NAMES[m - 1]} ${y}`;
    case "quarter": {
      const fy = m >= 4 ? y : y - 1;
      const q = m >= 4 ? (m - 4) / 3 + 1 : 4;
      return `Quarter ${q} ${fy} to ${fy + 1}`;
    }
    case "year":
      return `Financial year ${y} to ${y + 1}`;
    case "custom":
      return `${day(p.from)} to ${day(p.to)}`;
  }
}

import { addDays, dayOfWeek, isoFromParts, isoToUtcMs } from "./iso-date.js";

/**
 * Working days in England and Wales: Monday to Friday, not a bank holiday. Deadlines such as
 * "the referrer hears back within 10 working days" and "the applicant is told within 5 working
 * days" are counted this way. Bank holidays are computed by rule rather than fetched so the domain
 * stays pure and works for any year; the one-off changes the rules cannot predict are listed below
 * and a future proclamation (a coronation, a jubilee) needs one line here.
 */

interface OneOffChange {
  /** The rule-made date that did not happen that year, if any. */
  instead?: string;
  date: string;
}

/** Proclaimed changes since 1995, from gov.uk's published lists and the proclamations behind them. */
const ONE_OFF_CHANGES: readonly OneOffChange[] = [
  { instead: "1995-05-01", date: "1995-05-08" }, // VE Day 50th anniversary
  { date: "1999-12-31" }, // Millennium
  { instead: "2002-05-27", date: "2002-06-04" }, // Golden Jubilee: spring holiday moved
  { date: "2002-06-03" }, // Golden Jubilee
  { date: "2011-04-29" }, // Royal wedding
  { instead: "2012-05-28", date: "2012-06-04" }, // Diamond Jubilee: spring holiday moved
  { date: "2012-06-05" }, // Diamond Jubilee
  { instead: "2020-05-04", date: "2020-05-08" }, // VE Day 75th anniversary
  { instead: "2022-05-30", date: "2022-06-02" }, // Platinum Jubilee: spring holiday moved
  { date: "2022-06-03" }, // Platinum Jubilee
  { date: "2022-09-19" }, // State funeral of Queen Elizabeth II
  { date: "2023-05-08" }, // Coronation of King Charles III
];

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoFromParts(year, month, day);
}

function firstMonday(year: number, month: number): string {
  const first = isoFromParts(year, month, 1);
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): string {
  const last = isoFromParts(year, month + 1, 0);
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

const isWeekend = (iso: string): boolean => {
  const d = dayOfWeek(iso);
  return d === 0 || d === 6;
};

/**
 * Holidays that fall on a weekend are observed on the next weekday not already a holiday, taken
 * in order: Christmas on a Saturday gives Monday 27th for Christmas and Tuesday 28th for Boxing Day.
 */
function withSubstitutes(days: string[]): string[] {
  const taken = new Set<string>();
  for (const day of days) {
    let observed = day;
    while (isWeekend(observed) || taken.has(observed)) observed = addDays(observed, 1);
    taken.add(observed);
  }
  return [...taken];
}

const cache = new Map<number, readonly string[]>();

/** Bank holidays in England and Wales for a year, sorted, as ISO dates. */
export function bankHolidaysEnglandAndWales(year: number): readonly string[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const easter = easterSunday(year);
  const byRule = [
    ...withSubstitutes([isoFromParts(year, 1, 1)]),
    addDays(easter, -2),
    addDays(easter, 1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    ...withSubstitutes([isoFromParts(year, 12, 25), isoFromParts(year, 12, 26)]),
  ];
  const prefix = `${year}-`;
  const changes = ONE_OFF_CHANGES.filter((c) => c.date.startsWith(prefix));
  const dropped = new Set(changes.flatMap((c) => (c.instead ? [c.instead] : [])));
  const days = [...byRule.filter((d) => !dropped.has(d)), ...changes.map((c) => c.date)].sort();
  const result = Object.freeze([...new Set(days)]);
  cache.set(year, result);
  return result;
}

export function isBankHoliday(iso: string): boolean {
  isoToUtcMs(iso);
  return bankHolidaysEnglandAndWales(Number(iso.slice(0, 4))).includes(iso);
}

export function isWorkingDay(iso: string): boolean {
  return !isWeekend(iso) && !isBankHoliday(iso);
}

/**
 * The n-th working day after `fromIso` (before it when n is negative); the start day itself never
 * counts, so a referral received on a Saturday with 10 working days to answer is due on the 10th
 * working day after it. n = 0 returns the start date unchanged.
 */
export function addWorkingDays(fromIso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = fromIso;
  isoToUtcMs(day);
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

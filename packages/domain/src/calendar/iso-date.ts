import * as z from "zod";

/**
 * Calendar dates as ISO "YYYY-MM-DD" strings. Every calculation goes through UTC midnight so that
 * a server in UTC and a browser in British Summer Time agree on which day it is and how many days
 * lie between two dates: a local-time Date would shift by an hour across the clock change.
 */
// Pure: a page that needs only the date arithmetic below is bundled without zod.
export const IsoDate = /* @__PURE__ */ z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** A calendar month, `YYYY-MM`: a claim's month, a finance month end, a reporting month. */
export const IsoMonth = /* @__PURE__ */ z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Enter the month as YYYY-MM, for example 2026-11");

const DAY_MS = 86_400_000;
const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds at UTC midnight; throws on anything that is not a real calendar date, as that is a programming error. */
export function isoToUtcMs(iso: string): number {
  const m = pattern.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2023-02-30 over to March; a round trip catches it.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date: ${iso}`);
  }
  return ms;
}

/**
 * The day in England and Wales at `now`, whatever the machine's time zone: the "today" every rule about
 * ages, expiry and deadlines is judged on, in the API and the browser alike.
 */
export function todayInLondon(now: Date = new Date()): string {
  const ms = now.getTime();
  // London has been a whole number of hours from UTC since well before 2000 (GMT or BST, changing at 01:00
  // UTC), so its day changes only on a UTC hour: the day is worked out once an hour, not on every request
  // (formatting with Intl took a few microseconds a call on the API's read path).
  const hour = Math.floor(ms / HOUR_MS);
  if (hour === lastHour && lastDay !== undefined) return lastDay;
  const day = londonDay.format(now);
  if (ms >= SINCE_2000_MS) {
    lastHour = hour;
    lastDay = day;
  }
  return day;
}

const HOUR_MS = 3_600_000;
const SINCE_2000_MS = Date.UTC(2000, 0, 1);
let lastHour = Number.NaN;
let lastDay: string | undefined;

const londonDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export function utcMsToIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Builds a date from parts; month is 1-12 (not JavaScript's 0-11) to match how dates are written. */
export function isoFromParts(year: number, month: number, day: number): string {
  return utcMsToIso(Date.UTC(year, month - 1, day));
}

export function addDays(iso: string, days: number): string {
  return utcMsToIso(isoToUtcMs(iso) + days * DAY_MS);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((isoToUtcMs(to) - isoToUtcMs(from)) / DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  return new Date(isoToUtcMs(iso)).getUTCDay();
}

function parts(iso: string): { y: number; m: number; d: number } {
  const t = new Date(isoToUtcMs(iso));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Adds calendar months, keeping the day of the month where it exists and otherwise using the
 * month's last day (31 January + 1 month = 28 or 29 February), as people count "a month in care".
 */
export function addMonths(iso: string, months: number): string {
  const { y, m, d } = parts(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoFromParts(year, month, Math.min(d, daysInMonth(year, month)));
}

/** The largest whole number of months n for which addMonths(from, n) is on or before `to`; 0 if `to` is earlier. */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to < from) return 0;
  const a = parts(from);
  const b = parts(to);
  let n = (b.y - a.y) * 12 + (b.m - a.m);
  if (addMonths(from, n) > to) n -= 1;
  return n;
}

/**
 * Age in whole years on `today`. Someone born on 29 February turns a year older on 1 March in a
 * common year, which is how age is reckoned in England and Wales.
 */
export function ageOn(dateOfBirth: string, today: string): number {
  const b = parts(dateOfBirth);
  const t = parts(today);
  let age = t.y - b.y;
  if (t.m < b.m || (t.m === b.m && t.d < b.d)) age -= 1;
  return age;
}

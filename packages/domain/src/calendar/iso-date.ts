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

/**
 * Date.UTC for every four-digit year: Date.UTC reads years 0-99 as 1900-1999, so "0050-06-15" (which the
 * contracts' ISO date accepts) would fail the round trip below and answer a typo with a 500.
 */
function utcMs(year: number, month0: number, day: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month0, day);
  return t.getTime();
}

/** Milliseconds at UTC midnight; throws on anything that is not a real calendar date, as that is a programming error. */
export function isoToUtcMs(iso: string): number {
  const m = pattern.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = utcMs(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2023-02-30 over to March; a round trip catches it.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date: ${iso}`);
  }
  return ms;
}

/**
 * The day in England and Wales of a stored moment (an ISO timestamp such as `activatedAt`); a plain date
 * is already a day and is kept. A match activated at 00:30 BST on 1 August began on 1 August, not on
 * 31 July as the timestamp's UTC date says: its first budget month and its visiting frequency count from
 * London's day, as its reviews do.
 */
export function londonDayOf(at: string): string {
  return at.length > 10 ? todayInLondon(new Date(at)) : at;
}

/**
 * The day in England and Wales at `now`, whatever the machine's time zone: the "today" every rule about
 * ages, expiry and deadlines is judged on, in the API and the browser alike. Worked out from the clock-change
 * rule (`londonOffsetMs`) rather than by Intl: the first Intl formatter with a time zone loads ICU's zone
 * data, the largest piece of a Lambda function's first request, and every signed-in request asks for today.
 */
export function todayInLondon(now: Date = new Date()): string {
  const ms = now.getTime();
  // London's offset changes only on a whole UTC hour (01:00 UTC), so the day is the same for the whole UTC hour:
  // every signed-in request asks, and the answer is worked out once an hour rather than with four Dates each time.
  const hour = Math.floor(ms / HOUR_MS);
  if (hour === lastHour) return lastDay;
  const offset = londonOffsetMs(ms);
  if (offset !== undefined) {
    lastDay = utcMsToIso(ms + offset);
    lastHour = hour;
    return lastDay;
  }
  // Before 1996 the rule differed: Intl knows the history (made on first use, like display.ts's formatters).
  londonDay ??= new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return londonDay.format(now);
}

let londonDay: Intl.DateTimeFormat | undefined;
let lastHour = Number.NaN;
let lastDay = "";

const HOUR_MS = 3_600_000;

/**
 * London's offset from UTC at `ms` by the rule in force since 1996 and kept by the Summer Time Order 2002:
 * summer time (UTC+1) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October,
 * UTC otherwise. Undefined before 1996 (or for an invalid time), when callers ask Intl instead.
 */
export function londonOffsetMs(ms: number): number | undefined {
  const year = new Date(ms).getUTCFullYear();
  if (!(year >= 1996)) return undefined;
  return ms >= lastSundayAtOneUtc(year, 2) && ms < lastSundayAtOneUtc(year, 9) ? HOUR_MS : 0;
}

/** 01:00 UTC on the last Sunday of a month (0-11). */
function lastSundayAtOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

export function utcMsToIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Builds a date from parts; month is 1-12 (not JavaScript's 0-11) to match how dates are written. */
export function isoFromParts(year: number, month: number, day: number): string {
  return utcMsToIso(utcMs(year, month - 1, day));
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
  return new Date(utcMs(year, month, 0)).getUTCDate();
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

/** The first day someone born on `dateOfBirth` is `age`, reckoned as `ageOn` does (29 February → 1 March). */
export function birthdayOf(dateOfBirth: string, age: number): string {
  const day = addMonths(dateOfBirth, age * 12);
  return ageOn(dateOfBirth, day) < age ? addDays(day, 1) : day;
}

/**
 * Wall-clock times in England and Wales. A visit is planned as "Saturday 14:00 to 17:00" where it
 * happens; timers (the home-safe confirmation, a concern's acknowledgement) need the instant, which
 * moves by an hour across the clock change.
 */
import { isoToUtcMs, londonOffsetMs } from "./iso-date.js";

// Only for times before 1996 (see londonOffsetMs), made on first use: it loads ICU's zone data.
let londonParts: Intl.DateTimeFormat | undefined;
const londonFormat = () =>
  (londonParts ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }));

/** Minutes London is ahead of UTC at `ms` (0 in winter, 60 in summer). */
function londonOffsetMinutes(ms: number): number {
  const byRule = londonOffsetMs(ms);
  if (byRule !== undefined) return byRule / 60_000;
  const p = Object.fromEntries(
    londonFormat()
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** "HH:MM", 00:00 to 23:59. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function minutesOfDay(time: string): number {
  const m = CLOCK_TIME.exec(time);
  if (!m) throw new RangeError(`Not a clock time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The instant of a London wall-clock time on an ISO date. */
export function londonTimeToInstant(date: string, time: string): Date {
  const naive = isoToUtcMs(date) + minutesOfDay(time) * 60_000;
  // The offset at the naive instant is right except within the hour of a change, where one more look settles it.
  const first = naive - londonOffsetMinutes(naive) * 60_000;
  return new Date(naive - londonOffsetMinutes(first) * 60_000);
}

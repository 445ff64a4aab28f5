import { isoToUtcMs } from "./iso-date.js";

/**
 * Dates and times as people read them, in GOV.UK style: "12 August 2028", "4:56pm", "midday",
 * "4:56pm on 13 December 2026". Shared by the pages, the e-mails and the messages the rules write, so
 * no ISO date or "Sun, 13 Dec 2026 16:56:19 GMT" reaches a person. Moments are shown on the clock in
 * England and Wales (GMT or BST, whichever applied then), whatever the machine's time zone. Month
 * and day names are written out rather than left to Intl, whose words vary with the runtime's locale
 * data; Intl only converts the moment to London's wall clock.
 */

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const londonClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function inLondon(ms: number): WallClock {
  const parts = Object.fromEntries(londonClock.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

const isCalendarDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A calendar date ("2028-08-12") or a moment ("2026-12-13T16:56:19Z") as its day in England; null when unreadable. */
function dayOf(value: string): { year: number; month: number; day: number } | null {
  if (isCalendarDate(value)) {
    try {
      const d = new Date(isoToUtcMs(value));
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    } catch {
      return null;
    }
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : inLondon(ms);
}

/** "12 August 2028". Anything unreadable is shown as given rather than as "Invalid Date". */
export function displayDate(value: string): string {
  const d = dayOf(value);
  return d ? `${d.day} ${MONTHS[d.month - 1]} ${d.year}` : value;
}

/** "Thursday 14 May 2026": for e-mails, unambiguous when read by someone outside the UK too. */
export function displayDayAndDate(value: string): string {
  const d = dayOf(value);
  if (!d) return value;
  const weekday = WEEKDAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()];
  return `${weekday} ${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** "4:56pm", "9am", "midday", "midnight" (GOV.UK style: no "12pm", no "00:00", no leading zero). */
export function displayTime(moment: string): string {
  const ms = Date.parse(moment);
  if (Number.isNaN(ms)) return moment;
  const { hour, minute } = inLondon(ms);
  if (minute === 0 && hour === 0) return "midnight";
  if (minute === 0 && hour === 12) return "midday";
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const mm = minute === 0 ? "" : `:${String(minute).padStart(2, "0")}`;
  return `${h12}${mm}${hour < 12 ? "am" : "pm"}`;
}

/** "4:56pm on 13 December 2026". */
export function displayDateTime(moment: string): string {
  if (Number.isNaN(Date.parse(moment)) || isCalendarDate(moment)) return displayDate(moment);
  return `${displayTime(moment)} on ${displayDate(moment)}`;
}

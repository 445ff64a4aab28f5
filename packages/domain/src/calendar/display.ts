/**
 * Dates and times as people read them, in GOV.UK style: "12 August 2028", "4:56pm", "midday",
 * "4:56pm on 13 December 2026". Shared by the pages, the e-mails and the messages the rules write, so
 * no ISO date or "Sun, 13 Dec 2026 16:56:19 GMT" reaches a person. Moments are shown on the clock in
 * England and Wales (GMT or BST, whichever applied then), whatever the machine's time zone.
 *
 * A calendar date is written from its own numbers and the names below, without Intl: building the
 * first Intl.DateTimeFormat (loading the locale's and the time zone's data) was the largest part of
 * the SPA's start-up on a phone (Lighthouse's mobile run, issue 20), and this module is in the entry
 * every public page loads. A moment needs England's clock, which only Intl knows: that formatter is
 * built the first time a moment is shown, which no public form page does.
 */

/**
 * The languages a person may read Tandem's public pages and e-mails in: English, and Welsh for
 * councils that offer it (the Welsh Language Standards, ADR 22).
 */
export type DisplayLanguage = "en" | "cy";

/** The months' names in English, January first (a month number less one indexes it). */
export const MONTH_NAMES = [
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

let clock: Intl.DateTimeFormat | undefined;
const londonClock = (): Intl.DateTimeFormat =>
  (clock ??= new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    weekday: "long",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
    timeZone: "Europe/London",
  }));

/**
 * Welsh month and day names, written out: Node has Intl's `cy` data, but Chromium builds with a
 * smaller ICU (Debian's, for one) answer `cy` in American English. Nineteen words cost less than
 * getting "August" on a Welsh page.
 */
const WELSH_NAMES: Readonly<Record<string, string>> = {
  January: "Ionawr",
  February: "Chwefror",
  March: "Mawrth",
  April: "Ebrill",
  May: "Mai",
  June: "Mehefin",
  July: "Gorffennaf",
  August: "Awst",
  September: "Medi",
  October: "Hydref",
  November: "Tachwedd",
  December: "Rhagfyr",
  Monday: "Dydd Llun",
  Tuesday: "Dydd Mawrth",
  Wednesday: "Dydd Mercher",
  Thursday: "Dydd Iau",
  Friday: "Dydd Gwener",
  Saturday: "Dydd Sadwrn",
  Sunday: "Dydd Sul",
};

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;
const partsOf = (format: Intl.DateTimeFormat, ms: number): Parts =>
  Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));

/** A calendar date is a day, not a moment: read at UTC midnight, as iso-date.ts does. */
function calendarParts(ms: number): Parts {
  const d = new Date(ms);
  return {
    day: String(d.getUTCDate()),
    month: MONTH_NAMES[d.getUTCMonth()],
    year: String(d.getUTCFullYear()),
    weekday: WEEKDAYS[d.getUTCDay()],
  };
}

const isCalendarDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A calendar date ("2028-08-12") or a moment ("2026-12-13T16:56:19Z") as its day in England; null when unreadable. */
function dayOf(value: string, language: DisplayLanguage = "en"): Parts | null {
  const day = englishDayOf(value);
  if (!day || language === "en") return day;
  const welsh = (name: string | undefined) => (name === undefined ? name : (WELSH_NAMES[name] ?? name));
  return { ...day, month: welsh(day.month), weekday: welsh(day.weekday) };
}

function englishDayOf(value: string): Parts | null {
  if (isCalendarDate(value)) {
    // Not isoToUtcMs: this module stays free of imports (and so of zod) for the public pages' entry chunk.
    const ms = Date.parse(`${value}T00:00:00Z`);
    const day = Number.isNaN(ms) ? null : calendarParts(ms);
    // Date.parse rolls 2026-02-30 over to March; a day that does not read back is not a date.
    return day && Number(day.day) === Number(value.slice(8)) ? day : null;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : partsOf(londonClock(), ms);
}

/** "12 August 2028". Anything unreadable is shown as given rather than as "Invalid Date". */
export function displayDate(value: string, language: DisplayLanguage = "en"): string {
  const d = dayOf(value, language);
  return d ? `${d.day} ${d.month} ${d.year}` : value;
}

/** "Thursday 14 May 2026": for e-mails, unambiguous when read by someone outside the UK too. */
export function displayDayAndDate(value: string, language: DisplayLanguage = "en"): string {
  const d = dayOf(value, language);
  return d ? `${d.weekday} ${d.day} ${d.month} ${d.year}` : value;
}

/** "4:56pm", "9am", "midday", "midnight" (GOV.UK style: no "12pm", no "00:00", no leading zero). */
export function displayTime(moment: string, language: DisplayLanguage = "en"): string {
  const ms = Date.parse(moment);
  if (Number.isNaN(ms)) return moment;
  const time = partsOf(londonClock(), ms);
  const hour = Number(time.hour) % 24;
  const minute = Number(time.minute);
  // Welsh public services write "canol dydd", "hanner nos", and "yb"/"yh" for am/pm.
  const cy = language === "cy";
  if (minute === 0 && hour % 12 === 0) {
    if (cy) return hour ? "canol dydd" : "hanner nos";
    return hour ? "midday" : "midnight";
  }
  const half = hour < 12 ? (cy ? "yb" : "am") : cy ? "yh" : "pm";
  return `${hour % 12 || 12}${minute ? `:${time.minute}` : ""}${half}`;
}

/** "4:56pm on 13 December 2026". */
export function displayDateTime(moment: string, language: DisplayLanguage = "en"): string {
  if (Number.isNaN(Date.parse(moment)) || isCalendarDate(moment)) return displayDate(moment, language);
  return `${displayTime(moment, language)} ${language === "cy" ? "ar" : "on"} ${displayDate(moment, language)}`;
}

/** "1st", "2nd", "3rd", "11th", "21st", "22nd": a birthday as people write it. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = { 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th";
  return `${n}${suffix}`;
}

import { describe, expect, it } from "vitest";
import { displayDate, displayDateTime, displayDayAndDate, displayTime } from "./display.js";

describe("dates and times as people read them (GOV.UK style, clock in England)", () => {
  it.each([
    { value: "2028-08-12", text: "12 August 2028", why: "a calendar date" },
    { value: "2024-02-29", text: "29 February 2024", why: "a leap day" },
    { value: "2026-01-01", text: "1 January 2026", why: "no leading zero" },
    { value: "2026-12-31T23:30:00Z", text: "31 December 2026", why: "a winter evening: GMT, same day" },
    { value: "2026-07-31T23:30:00Z", text: "1 August 2026", why: "a summer night: BST makes it the next day" },
    { value: "2026-02-30", text: "2026-02-30", why: "not a real date: shown as given, never 'Invalid Date'" },
    { value: "soon", text: "soon", why: "unreadable: shown as given" },
  ])("displayDate($value) is $text ($why)", ({ value, text }) => {
    expect(displayDate(value)).toBe(text);
  });

  it.each([
    { value: "2026-12-13T16:56:19Z", text: "4:56pm", why: "GMT in December" },
    { value: "2026-06-13T16:56:19Z", text: "5:56pm", why: "BST in June" },
    { value: "2026-12-13T00:00:00Z", text: "midnight", why: "midnight, not 12am" },
    { value: "2026-06-12T23:00:00Z", text: "midnight", why: "midnight in BST is 23:00 UTC" },
    { value: "2026-12-13T12:00:00Z", text: "midday", why: "midday, not 12pm" },
    { value: "2026-12-13T12:05:00Z", text: "12:05pm", why: "just after midday" },
    { value: "2026-12-13T00:30:00Z", text: "12:30am", why: "just after midnight" },
    { value: "2026-12-13T09:00:00Z", text: "9am", why: "a whole hour has no minutes" },
    { value: "2026-03-29T00:59:00Z", text: "12:59am", why: "the last GMT minute before the clocks go forward" },
    { value: "2026-03-29T01:00:00Z", text: "2am", why: "the clocks go forward: 1am GMT is 2am BST" },
    { value: "2026-10-25T00:30:00Z", text: "1:30am", why: "the clocks go back: first 1:30am (BST)" },
    { value: "2026-10-25T01:30:00Z", text: "1:30am", why: "the clocks go back: second 1:30am (GMT)" },
  ])("displayTime($value) is $text ($why)", ({ value, text }) => {
    expect(displayTime(value)).toBe(text);
  });

  it.each([
    { value: "2026-12-13T16:56:19Z", text: "4:56pm on 13 December 2026" },
    { value: "2026-08-12T11:00:00Z", text: "midday on 12 August 2026" },
    { value: "2028-08-12", text: "12 August 2028" },
  ])("displayDateTime($value) is $text", ({ value, text }) => {
    expect(displayDateTime(value)).toBe(text);
  });

  it.each([
    { value: "2026-05-14", text: "Thursday 14 May 2026" },
    { value: "2026-03-29T23:30:00Z", text: "Monday 30 March 2026" },
  ])("displayDayAndDate($value) is $text", ({ value, text }) => {
    expect(displayDayAndDate(value)).toBe(text);
  });
});

describe("dates and times in Welsh (Intl's cy data, clock in Wales)", () => {
  it.each([
    { value: "2028-08-12", text: "12 Awst 2028" },
    { value: "2026-01-01", text: "1 Ionawr 2026" },
    { value: "2024-02-29", text: "29 Chwefror 2024" },
    { value: "2026-07-31T23:30:00Z", text: "1 Awst 2026" },
  ])("displayDate($value, cy) is $text", ({ value, text }) => {
    expect(displayDate(value, "cy")).toBe(text);
  });

  it.each([
    { value: "2026-05-14", text: "Dydd Iau 14 Mai 2026" },
    { value: "2026-12-25", text: "Dydd Gwener 25 Rhagfyr 2026" },
  ])("displayDayAndDate($value, cy) is $text", ({ value, text }) => {
    expect(displayDayAndDate(value, "cy")).toBe(text);
  });

  it.each([
    { value: "2026-12-13T16:56:19Z", text: "4:56yh ar 13 Rhagfyr 2026" },
    { value: "2026-06-12T23:00:00Z", text: "hanner nos ar 13 Mehefin 2026" },
    { value: "2026-12-13T12:00:00Z", text: "canol dydd ar 13 Rhagfyr 2026" },
    { value: "2026-03-02T09:00:00Z", text: "9yb ar 2 Mawrth 2026" },
  ])("displayDateTime($value, cy) is $text", ({ value, text }) => {
    expect(displayDateTime(value, "cy")).toBe(text);
  });

  it("an unreadable date is shown as given in Welsh too", () => {
    expect(displayDate("2026-02-30", "cy")).toBe("2026-02-30");
  });
});

describe("the Welsh names written out agree with Node's Intl cy data", () => {
  const cy = new Intl.DateTimeFormat("cy", { month: "long", weekday: "long", timeZone: "UTC" });
  it.each(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}-0${(i % 7) + 1}`))(
    "%s",
    (iso) => {
      const parts = Object.fromEntries(cy.formatToParts(Date.parse(`${iso}T00:00:00Z`)).map((p) => [p.type, p.value]));
      expect(displayDayAndDate(iso, "cy")).toBe(`${parts.weekday} ${Number(iso.slice(8))} ${parts.month} 2026`);
    },
  );
});

describe("a calendar date written without Intl", () => {
  // Intl's en-GB day, as the module used to build it, is the reference for every day of a leap year and
  // a common year, and for days far from now (the names and numbers come from a table and Date's UTC fields).
  const intl = new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const days = [
    ...Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2028, 0, 1 + i)).toISOString().slice(0, 10)),
    ...Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10)),
    "1900-02-28",
    "1900-03-01",
    "2000-02-29",
    "2099-12-31",
  ];
  it("reads as Intl's en-GB day for every day tried", () => {
    const differ = days.filter(
      (d) => displayDayAndDate(d) !== intl.format(Date.parse(`${d}T00:00:00Z`)).replace(",", ""),
    );
    expect(differ).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import {
  addMonths,
  ageOn,
  daysBetween,
  isoToUtcMs,
  londonDayOf,
  londonOffsetMs,
  todayInLondon,
  wholeMonthsBetween,
} from "./iso-date.js";

describe("ISO dates", () => {
  it.each([["2023-02-29"], ["2024-13-01"], ["2024-1-01"], ["01/02/2024"], [""]])("refuse %j", (iso) => {
    expect(() => isoToUtcMs(iso)).toThrow(RangeError);
  });

  it.each([
    { iso: "0000-01-01", plus: 10, is: "0000-01-11" },
    { iso: "0050-02-28", plus: 1, is: "0050-03-01" },
    { iso: "0099-12-31", plus: 1, is: "0100-01-01" },
  ])("read $iso as that year, not as 19xx (Date.UTC's reading of years 0-99)", ({ iso, plus, is }) => {
    expect(daysBetween(iso, is)).toBe(plus);
    expect(addMonths(iso, 12).slice(0, 4)).toBe(String(Number(iso.slice(0, 4)) + 1).padStart(4, "0"));
  });

  it.each([
    { from: "2024-03-30", to: "2024-04-01", days: 2, why: "across the clock change" },
    { from: "2024-10-26", to: "2024-10-28", days: 2, why: "across the clock change back" },
    { from: "2024-02-28", to: "2024-03-01", days: 2, why: "across a leap day" },
    { from: "2025-01-10", to: "2025-01-01", days: -9, why: "backwards" },
  ])("count $days days $why", ({ from, to, days }) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    { from: "2024-01-31", months: 1, to: "2024-02-29" },
    { from: "2023-01-31", months: 1, to: "2023-02-28" },
    { from: "2024-11-15", months: 3, to: "2025-02-15" },
    { from: "2024-02-29", months: 12, to: "2025-02-28" },
    { from: "2025-03-15", months: -12, to: "2024-03-15" },
  ])("$from plus $months months is $to", ({ from, months, to }) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it.each([
    { from: "2024-05-10", to: "2025-05-09", months: 11 },
    { from: "2024-05-10", to: "2025-05-10", months: 12 },
    { from: "2024-01-31", to: "2024-02-29", months: 1 },
    { from: "2025-01-01", to: "2024-12-31", months: 0 },
  ])("$from to $to is $months whole months", ({ from, to, months }) => {
    expect(wholeMonthsBetween(from, to)).toBe(months);
  });

  it.each([
    { dob: "2019-06-15", today: "2024-06-14", age: 4 },
    { dob: "2019-06-15", today: "2024-06-15", age: 5 },
    { dob: "2008-02-29", today: "2026-02-28", age: 17, why: "leap-day birthday not yet reached" },
    { dob: "2008-02-29", today: "2026-03-01", age: 18, why: "leap-day birthday reached on 1 March" },
    { dob: "2008-02-29", today: "2028-02-29", age: 20 },
  ])("born $dob is $age on $today", ({ dob, today, age }) => {
    expect(ageOn(dob, today)).toBe(age);
  });
});

describe("today in London", () => {
  it.each([
    { at: "2026-07-01T22:59:59Z", today: "2026-07-01", why: "an hour before midnight in summer time" },
    { at: "2026-07-01T23:00:00Z", today: "2026-07-02", why: "midnight in summer time, still the 1st in UTC" },
    { at: "2026-12-31T23:59:59Z", today: "2026-12-31", why: "the last second of the year in winter" },
    { at: "2027-01-01T00:00:00Z", today: "2027-01-01", why: "new year in winter, when London is on UTC" },
  ])("is $today at $at ($why)", ({ at, today }) => {
    expect(todayInLondon(new Date(at))).toBe(today);
  });

  it("answers each moment's own day when asked about moments either side of a midnight in turn", () => {
    // The day is remembered for the UTC hour last asked about; a different hour is worked out afresh.
    const moments = [
      ["2026-07-01T22:59:59Z", "2026-07-01"],
      ["2026-07-01T23:00:00Z", "2026-07-02"],
      ["2026-07-01T22:00:00Z", "2026-07-01"],
      ["2026-07-01T23:59:59Z", "2026-07-02"],
      ["2026-03-29T00:59:59Z", "2026-03-29"],
      ["1900-01-01T00:00:30Z", "1900-01-01"],
      ["1900-01-01T00:00:30Z", "1900-01-01"],
    ] as const;
    for (const [at, today] of moments) expect(todayInLondon(new Date(at))).toBe(today);
  });
});

describe("London's offset by the clock-change rule", () => {
  const intlDay = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const intlOffset = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", timeZoneName: "shortOffset" });
  const offsetOf = (ms: number) => {
    const name = intlOffset.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? "";
    return name === "GMT" ? 0 : Number(name.replace("GMT", "")) * 3_600_000;
  };

  it.each([
    { at: "2026-03-29T00:59:59Z", offset: 0, why: "the last second of winter time, 2026" },
    { at: "2026-03-29T01:00:00Z", offset: 3_600_000, why: "clocks go forward on the last Sunday of March" },
    { at: "2026-10-25T00:59:59Z", offset: 3_600_000, why: "the last second of summer time, 2026" },
    { at: "2026-10-25T01:00:00Z", offset: 0, why: "clocks go back on the last Sunday of October" },
    { at: "2027-03-28T01:00:00Z", offset: 3_600_000, why: "2027's last Sunday of March is the 28th" },
    { at: "1995-07-01T12:00:00Z", offset: undefined, why: "before 1996 the rule differed: Intl answers" },
  ])("is $offset at $at ($why)", ({ at, offset }) => {
    expect(londonOffsetMs(Date.parse(at))).toBe(offset);
  });

  it("agrees with Intl's time zone data every half hour around every clock change from 1996 to 2060", () => {
    const differ: string[] = [];
    for (let year = 1996; year <= 2060; year++) {
      for (const month of [2, 9]) {
        const last = new Date(Date.UTC(year, month + 1, 0));
        const change = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
        for (let ms = change - 36 * 3_600_000; ms <= change + 36 * 3_600_000; ms += 1_800_000) {
          if (londonOffsetMs(ms) !== offsetOf(ms) || todayInLondon(new Date(ms)) !== intlDay.format(ms)) {
            differ.push(new Date(ms).toISOString());
          }
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it("gives Intl's day before 1996, when the rule was different", () => {
    // 1995's summer time ended on 22 October, the fourth Sunday: 23:30 UTC on the 22nd is still the 22nd.
    expect(todayInLondon(new Date("1995-10-22T23:30:00Z"))).toBe(intlDay.format(Date.parse("1995-10-22T23:30:00Z")));
  });
});

describe("the day in England and Wales of a stored moment", () => {
  it.each([
    ["00:30 BST on 1 August (23:30 UTC the day before)", "2026-07-31T23:30:00.000Z", "2026-08-01"],
    ["00:59 BST", "2026-06-14T23:59:59.999Z", "2026-06-15"],
    ["01:00 BST, the same day in UTC", "2026-06-15T00:00:00.000Z", "2026-06-15"],
    ["23:30 GMT in winter: the UTC day", "2026-12-07T23:30:00.000Z", "2026-12-07"],
    ["00:30 on the first day of summer time", "2026-03-29T00:30:00.000Z", "2026-03-29"],
    ["a plain date is kept", "2026-08-01", "2026-08-01"],
  ])("%s → %s", (_, at, day) => {
    expect(londonDayOf(at)).toBe(day);
  });
});

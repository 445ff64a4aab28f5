import { describe, expect, it } from "vitest";
import { addWorkingDays, bankHolidaysEnglandAndWales, easterSunday, isWorkingDay } from "./working-days.js";

/** As published at gov.uk/bank-holidays for England and Wales. */
const published: Record<number, string[]> = {
  2020: [
    "2020-01-01",
    "2020-04-10",
    "2020-04-13",
    "2020-05-08",
    "2020-05-25",
    "2020-08-31",
    "2020-12-25",
    "2020-12-28",
  ],
  2022: [
    "2022-01-03",
    "2022-04-15",
    "2022-04-18",
    "2022-05-02",
    "2022-06-02",
    "2022-06-03",
    "2022-08-29",
    "2022-09-19",
    "2022-12-26",
    "2022-12-27",
  ],
  2023: [
    "2023-01-02",
    "2023-04-07",
    "2023-04-10",
    "2023-05-01",
    "2023-05-08",
    "2023-05-29",
    "2023-08-28",
    "2023-12-25",
    "2023-12-26",
  ],
  2024: [
    "2024-01-01",
    "2024-03-29",
    "2024-04-01",
    "2024-05-06",
    "2024-05-27",
    "2024-08-26",
    "2024-12-25",
    "2024-12-26",
  ],
  2025: [
    "2025-01-01",
    "2025-04-18",
    "2025-04-21",
    "2025-05-05",
    "2025-05-26",
    "2025-08-25",
    "2025-12-25",
    "2025-12-26",
  ],
  2026: [
    "2026-01-01",
    "2026-04-03",
    "2026-04-06",
    "2026-05-04",
    "2026-05-25",
    "2026-08-31",
    "2026-12-25",
    "2026-12-28",
  ],
  2027: [
    "2027-01-01",
    "2027-03-26",
    "2027-03-29",
    "2027-05-03",
    "2027-05-31",
    "2027-08-30",
    "2027-12-27",
    "2027-12-28",
  ],
};

describe("bank holidays in England and Wales", () => {
  it.each(Object.entries(published))("match gov.uk's list for %s", (year, days) => {
    expect(bankHolidaysEnglandAndWales(Number(year))).toEqual(days);
  });

  it.each([
    [2000, "2000-04-23"],
    [2019, "2019-04-21"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("Easter Sunday %s is %s", (year, day) => {
    expect(easterSunday(year)).toBe(day);
  });
});

describe("working days", () => {
  it.each([
    { day: "2025-12-24", working: true, why: "Christmas Eve is an ordinary day" },
    { day: "2025-12-25", working: false, why: "Christmas Day" },
    { day: "2026-12-26", working: false, why: "a Saturday (Boxing Day)" },
    { day: "2026-12-28", working: false, why: "the substitute for Boxing Day" },
    { day: "2022-05-30", working: true, why: "the spring holiday moved to 2 June for the Jubilee" },
    { day: "2020-05-04", working: true, why: "the early May holiday moved to VE Day" },
    { day: "2024-03-30", working: false, why: "a Saturday" },
  ])("$day is working: $working ($why)", ({ day, working }) => {
    expect(isWorkingDay(day)).toBe(working);
  });

  it.each([
    { from: "2025-04-15", n: 5, to: "2025-04-24", why: "over Good Friday and Easter Monday" },
    { from: "2026-12-22", n: 3, to: "2026-12-29", why: "over Christmas and the Boxing Day substitute" },
    { from: "2027-12-23", n: 2, to: "2027-12-29", why: "when both Christmas holidays are substituted" },
    { from: "2025-06-07", n: 10, to: "2025-06-20", why: "from a Saturday, the start day never counts" },
    { from: "2025-06-09", n: 0, to: "2025-06-09", why: "zero days" },
    { from: "2025-04-22", n: -1, to: "2025-04-17", why: "backwards over Easter" },
    { from: "2022-09-16", n: 1, to: "2022-09-20", why: "over the state funeral" },
  ])("$from plus $n working days is $to ($why)", ({ from, n, to }) => {
    expect(addWorkingDays(from, n)).toBe(to);
  });

  it("refuses a part day and a non-date", () => {
    expect(() => addWorkingDays("2025-01-01", 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays("2025-02-30", 1)).toThrow(RangeError);
  });
});

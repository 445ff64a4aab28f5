import { describe, expect, it } from "vitest";
import { happenedAtProblem, happenedOnProblem } from "./happened.js";

describe("happenedOnProblem", () => {
  const today = "2026-12-08";
  const cases: [string, string, string | null][] = [
    ["today", "2026-12-08", null],
    ["yesterday", "2026-12-07", null],
    ["the first day allowed", "1900-01-01", null],
    ["tomorrow", "2026-12-09", "The date received cannot be in the future: enter today's date or an earlier one"],
    ["year 9999", "9999-12-31", "The date received cannot be in the future: enter today's date or an earlier one"],
    ["the last day of 1899", "1899-12-31", "The date received cannot be before 1900: check the year"],
    ["year 0000", "0000-01-01", "The date received cannot be before 1900: check the year"],
    ["a two-digit year typed as four", "0026-12-08", "The date received cannot be before 1900: check the year"],
  ];
  it.each(cases)("%s", (_name, on, expected) => {
    expect(happenedOnProblem(on, today, "The date received")).toBe(expected);
  });
});

describe("happenedAtProblem", () => {
  const now = new Date("2026-12-08T12:00:00Z");
  const future = "When it happened cannot be in the future: enter the date and time it happened";
  const old = "When it happened cannot be before 1900: check the year";
  const cases: [string, string, string | null][] = [
    ["now", "2026-12-08T12:00:00Z", null],
    ["an hour ago, in summer time's offset", "2026-12-08T12:00:00+01:00", null],
    ["ten minutes ahead (a clock running fast)", "2026-12-08T12:10:00Z", null],
    ["just over ten minutes ahead", "2026-12-08T12:10:01Z", future],
    ["the same instant written with an offset that puts it ahead", "2026-12-08T14:00:00+01:00", future],
    ["year 9999", "9999-12-31T23:59:59Z", future],
    ["the first moment of 1900", "1900-01-01T00:00:00Z", null],
    ["the last second of 1899", "1899-12-31T23:59:59Z", old],
    ["year 0000", "0000-01-01T00:00:00Z", old],
  ];
  it.each(cases)("%s", (_name, at, expected) => {
    expect(happenedAtProblem(at, now, "When it happened")).toBe(expected);
  });
});

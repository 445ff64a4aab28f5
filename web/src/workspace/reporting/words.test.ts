import { expect, it } from "vitest";
import { monthName, valueText } from "./words";

const f = (value: number | null) => ({ value, previous: null, direction: "no_data" as const, words: "" });

it.each([
  [f(null), "", "No data yet"],
  [f(0), "", "0"],
  [f(1234), "", "1,234"],
  [f(12.5), "%", "12.5%"],
  [f(1), " days", "1 day"],
  [f(3.5), " days", "3.5 days"],
  [f(123450), "£", "£1,234.50"],
  [f(null), "£", "No data yet"],
] as const)("%j with unit %j reads %s", (figure, unit, text) => {
  expect(valueText(figure, unit)).toBe(text);
});

it("names months", () => {
  expect(monthName("2026-11")).toBe("November 2026");
  expect(monthName("2026-01", true)).toBe("Jan 2026");
});

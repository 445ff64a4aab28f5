import { describe, expect, it } from "vitest";
import { clockTime, penceFromPounds } from "./frame";

describe("a time of day as volunteers type it", () => {
  it.each([
    ["14:00", "14:00"],
    ["9:30", "09:30"],
    ["14.30", "14:30"],
    ["1430", "14:30"],
    [" 00:00 ", "00:00"],
    ["24:00", null],
    ["12:60", null],
    ["2pm", null],
    ["", null],
  ])("%j is %j", (raw, expected) => {
    expect(clockTime(raw)).toBe(expected);
  });
});

describe("an amount typed in pounds, sent as whole pence", () => {
  it.each([
    ["38", 3800],
    ["38.5", 3850],
    ["£38.50", 3850],
    ["0.07", 7],
    ["1,200", 120000],
    ["38.505", null],
    ["-5", null],
    ["five", null],
    ["", null],
  ])("%j is %j", (raw, expected) => {
    expect(penceFromPounds(raw)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { visitDecisionProblem, visitWhenInWords } from "./approval.js";

describe("a senior manager's decision on a visit", () => {
  it.each([
    ["approved without a note", true, undefined, null],
    ["approved with a note", true, "Agreed: a residential trip with the school", null],
    ["refused with a reason", false, "Plan it as a day visit instead", null],
    ["refused without a reason", false, undefined, "Say why you are refusing this visit"],
    ["refused with only spaces", false, "   ", "Say why you are refusing this visit"],
    ["refused with a reason too long", false, "x".repeat(501), "Use 500 characters or fewer"],
    ["approved with a note too long", true, "x".repeat(501), "Use 500 characters or fewer"],
    ["refused with exactly 500 characters", false, "x".repeat(500), null],
  ])("%s", (_what, approved, reason, message) => {
    expect(visitDecisionProblem(approved, reason)?.message ?? null).toBe(message);
  });
});

describe("when a visit is planned, in words", () => {
  it.each([
    [
      "an afternoon in winter",
      { on: "2026-12-12", startsAt: "14:00", endsAt: "17:30", overnight: false },
      "en",
      "Saturday 12 December 2026, 2pm to 5:30pm",
    ],
    [
      "overnight",
      { on: "2026-12-12", startsAt: "18:00", endsAt: "10:00", overnight: true },
      "en",
      "Saturday 12 December 2026, 6pm to 10am the next day",
    ],
    [
      "across the clock change (London time, not UTC)",
      { on: "2027-03-27", startsAt: "19:00", endsAt: "09:00", overnight: true },
      "en",
      "Saturday 27 March 2027, 7pm to 9am the next day",
    ],
    [
      "a long summer day",
      { on: "2027-07-03", startsAt: "08:00", endsAt: "20:00", overnight: false },
      "en",
      "Saturday 3 July 2027, 8am to 8pm",
    ],
    [
      "from midday to midnight's eve",
      { on: "2027-07-03", startsAt: "12:00", endsAt: "23:45", overnight: false },
      "en",
      "Saturday 3 July 2027, midday to 11:45pm",
    ],
    [
      "overnight, in Welsh",
      { on: "2026-12-12", startsAt: "18:00", endsAt: "10:00", overnight: true },
      "cy",
      "Dydd Sadwrn 12 Rhagfyr 2026, 6yh tan 10yb drannoeth",
    ],
  ] as const)("%s", (_what, plan, language, words) => {
    expect(visitWhenInWords(plan, language)).toBe(words);
  });
});

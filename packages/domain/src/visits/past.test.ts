import { describe, expect, it } from "vitest";
import { pastVisitDateProblem } from "./plan.js";

describe("the day of a visit recorded afterwards, never planned", () => {
  it.each([
    ["yesterday, active for a month", "2026-12-07", "2026-11-08", null],
    ["the day the match became active", "2026-11-08", "2026-11-08", null],
    ["an active match with no date kept", "2026-01-01", null, null],
    [
      "today: planned first",
      "2026-12-08",
      "2026-11-08",
      "A past visit is before today: plan a visit today or later instead",
    ],
    ["tomorrow", "2026-12-09", "2026-11-08", "A past visit is before today: plan a visit today or later instead"],
    [
      "before the match became active",
      "2026-11-07",
      "2026-11-08",
      "The match became active on 2026-11-08: a visit is on or after that day",
    ],
  ])("%s", (_what, on, activeSince, expected) => {
    expect(pastVisitDateProblem(on, "2026-12-08", activeSince)).toBe(expected);
  });
});

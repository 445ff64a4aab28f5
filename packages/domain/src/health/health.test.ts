import { describe, expect, it } from "vitest";
import { openConcernsOn } from "../reporting/concerns.js";
import { findPreset } from "../tenants/presets.js";
import { byHealth, type MatchHealthInput, matchHealth } from "./health.js";

const policy = findPreset("any-age-40-per-visit")?.policy;
if (!policy) throw new Error("preset");

const fine: MatchHealthInput = {
  today: "2026-06-01",
  activatedOn: "2026-01-05",
  lastVisitOn: "2026-05-20",
  reviewDueOn: "2026-07-01",
  supervisionDueOn: "2026-07-01",
  openConcerns: 0,
  openSafeguardingConcerns: 0,
  recentFeedbackRaisedConcern: false,
  lastReviewSaidEnd: false,
};

describe("match health, with its reasons", () => {
  it.each([
    ["everything in order", {}, "on_track", []],
    ["a visit late (monthly minimum)", { lastVisitOn: "2026-04-20" }, "needs_check_in", ["visit_late"]],
    ["visits stopped", { lastVisitOn: "2026-03-01" }, "at_risk", ["visits_stopped"]],
    ["a review overdue", { reviewDueOn: "2026-05-20" }, "needs_check_in", ["review_overdue"]],
    ["a review long overdue", { reviewDueOn: "2026-04-01" }, "at_risk", ["review_overdue"]],
    ["supervision overdue", { supervisionDueOn: "2026-05-01" }, "needs_check_in", ["supervision_overdue"]],
    ["an open concern", { openConcerns: 1 }, "needs_check_in", ["open_concern"]],
    ["a safeguarding concern", { openConcerns: 1, openSafeguardingConcerns: 1 }, "at_risk", ["safeguarding_concern"]],
    ["worrying feedback", { recentFeedbackRaisedConcern: true }, "needs_check_in", ["feedback_concern"]],
    ["a review saying end", { lastReviewSaidEnd: true }, "at_risk", ["review_said_end"]],
    [
      "several at once",
      { lastVisitOn: "2026-04-20", supervisionDueOn: "2026-05-01" },
      "needs_check_in",
      ["visit_late", "supervision_overdue"],
    ],
  ] as const)("%s: %s", (_n, over, health, codes) => {
    const h = matchHealth({ ...fine, ...over }, policy);
    expect(h.health).toBe(health);
    expect(h.reasons.map((r) => r.code)).toEqual(codes);
  });

  it("says the reason in words", () => {
    expect(matchHealth({ ...fine, lastVisitOn: "2026-04-20" }, policy).reasons[0]?.words).toBe(
      "No visit for 42 days: the scheme expects one at least monthly",
    );
  });

  it("sorts a coordinator's matches: at risk first, then needing a check-in, then on track", () => {
    const list = [
      { id: "a", health: "on_track", reasons: [] },
      { id: "b", health: "needs_check_in", reasons: [1] },
      { id: "c", health: "at_risk", reasons: [1] },
      { id: "d", health: "needs_check_in", reasons: [1, 2] },
    ] as const;
    expect(byHealth(list).map((m) => m.id)).toEqual(["c", "d", "b", "a"]);
  });

  // The concerns' OPEN summary as stored: `cu|<type>|<raised day>|<match or ->` for each concern not yet
  // acknowledged. The list's health of match "m1" counts only those raised about it.
  it.each([
    ["no concern waiting", {}, "on_track", [], undefined],
    ["a concern about another match", { "cu|accident|2026-05-30|m2": 1 }, "on_track", [], undefined],
    ["a concern about no match", { "cu|accident|2026-05-30|-": 1 }, "on_track", [], undefined],
    [
      "an accident on this match",
      { "cu|accident|2026-05-30|m1": 1 },
      "needs_check_in",
      ["open_concern"],
      "A concern is open",
    ],
    [
      "two incidents on this match",
      { "cu|incident|2026-05-29|m1": 1, "cu|accident|2026-05-30|m1": 1 },
      "needs_check_in",
      ["open_concern"],
      "2 concerns are open",
    ],
    [
      "a disclosure on this match",
      { "cu|disclosure|2026-05-30|m1": 1 },
      "at_risk",
      ["safeguarding_concern"],
      "A safeguarding concern is open",
    ],
    [
      "a missing child and an accident",
      { "cu|missing_child|2026-05-30|m1": 1, "cu|accident|2026-05-31|m1": 1 },
      "at_risk",
      ["safeguarding_concern", "open_concern"],
      "A safeguarding concern is open",
    ],
    ["acknowledged since (its counter left at zero)", { "cu|disclosure|2026-05-30|m1": 0 }, "on_track", [], undefined],
    ["another summary's counter", { "cr|disclosure|2026-05-30": 1 }, "on_track", [], undefined],
  ] as const)("open concerns: %s", (_n, open, health, codes, firstWords) => {
    const c = openConcernsOn("m1", open);
    const h = matchHealth({ ...fine, openConcerns: c.all, openSafeguardingConcerns: c.safeguarding }, policy);
    expect(h.health).toBe(health);
    expect(h.reasons.map((r) => r.code)).toEqual(codes);
    expect(h.reasons[0]?.words).toBe(firstWords);
  });
});

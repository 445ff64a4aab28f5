import { describe, expect, it } from "vitest";
import { findPreset } from "../tenants/presets.js";
import {
  type DueReview,
  dueState,
  nextReview,
  REVIEW_RULES,
  type ReviewRule,
  type ReviewScheduleInput,
  reviewRuleWords,
} from "./schedule.js";

const policyOf = (id: string) => {
  const p = findPreset(id)?.policy;
  if (!p) throw new Error(id);
  return structuredClone(p);
};
const LEICESTERSHIRE = "any-age-40-per-visit";
const NORTHAMPTONSHIRE = "year-in-care-monthly-budget";
const LEICESTER_CITY = "per-session-and-monthly-limits-trial-visits";
const LEEDS = "from-5-care-leavers-to-25";
const COMMISSIONED_CHARITY = "commissioned-charity-any-age";

const match = (over: Partial<ReviewScheduleInput> = {}): ReviewScheduleInput => ({
  activatedOn: "2026-01-05",
  firstVisitOn: null,
  ending: null,
  reviews: [],
  ...over,
});

type Case = [name: string, preset: string, input: ReviewScheduleInput, expected: DueReview | null];

describe("the review schedule, preset by preset", () => {
  const cases: Case[] = [
    // Leicestershire: “This will initially take place after the first visit informally”
    [
      "Leicestershire: the informal review waits for the first visit, so the first formal one is next",
      LEICESTERSHIRE,
      match(),
      { kind: "first_formal", dueOn: "2026-02-16", rule: "firstFormalAfterWeeks" },
    ],
    [
      "Leicestershire: after the first visit, an informal review within a week of it",
      LEICESTERSHIRE,
      match({ firstVisitOn: "2026-01-10" }),
      { kind: "informal", dueOn: "2026-01-17", rule: "informalAfterFirstVisit" },
    ],
    // “formally take place after six weeks and then every six months”
    [
      "Leicestershire: the informal review held, the first formal one six weeks after the start",
      LEICESTERSHIRE,
      match({ firstVisitOn: "2026-01-10", reviews: [{ kind: "informal", heldOn: "2026-01-12" }] }),
      { kind: "first_formal", dueOn: "2026-02-16", rule: "firstFormalAfterWeeks" },
    ],
    [
      "Leicestershire: then every six months from the last formal review",
      LEICESTERSHIRE,
      match({
        firstVisitOn: "2026-01-10",
        reviews: [
          { kind: "informal", heldOn: "2026-01-12" },
          { kind: "first_formal", heldOn: "2026-02-20" },
        ],
      }),
      { kind: "formal", dueOn: "2026-08-20", rule: "formalEveryMonths" },
    ],
    [
      "Leicestershire: a late review moves the next one on from the day it was held",
      LEICESTERSHIRE,
      match({
        reviews: [
          { kind: "informal", heldOn: "2026-01-12" },
          { kind: "first_formal", heldOn: "2026-02-20" },
          { kind: "formal", heldOn: "2026-09-30" },
        ],
      }),
      { kind: "formal", dueOn: "2027-03-30", rule: "formalEveryMonths" },
    ],
    // Northamptonshire: “Matches are reviewed twice per year”: no first review, no informal one.
    [
      "Northamptonshire: twice a year, the first six months after the start",
      NORTHAMPTONSHIRE,
      match({ firstVisitOn: "2026-01-10" }),
      { kind: "formal", dueOn: "2026-07-05", rule: "formalEveryMonths" },
    ],
    [
      "Northamptonshire: then six months after the last",
      NORTHAMPTONSHIRE,
      match({ reviews: [{ kind: "formal", heldOn: "2026-07-01" }] }),
      { kind: "formal", dueOn: "2027-01-01", rule: "formalEveryMonths" },
    ],
    // Leicester City: “a closure review will take place when a match ends”
    [
      "Leicester City: an ending match needs its closure review",
      LEICESTER_CITY,
      match({ ending: { beganOn: "2026-09-01" }, reviews: [{ kind: "formal", heldOn: "2026-07-01" }] }),
      { kind: "closure", dueOn: "2026-09-01", rule: "closureWhenEnding" },
    ],
    [
      "Leicester City: once the closure review is held, nothing more is due",
      LEICESTER_CITY,
      match({ ending: { beganOn: "2026-09-01" }, reviews: [{ kind: "closure", heldOn: "2026-09-10" }] }),
      null,
    ],
    // Leeds and the commissioned charity (Redbridge): their guides give no review schedule, so both start from
    // the one the presets share (presets.ts `common`: Leicestershire's six weeks then six-monthly, and Tandem's
    // suggested closure review and no informal one); a council changes any of it in its settings.
    [
      "Leeds: a first visit asks for no informal review; the first formal one is six weeks after the start",
      LEEDS,
      match({ firstVisitOn: "2026-01-10" }),
      { kind: "first_formal", dueOn: "2026-02-16", rule: "firstFormalAfterWeeks" },
    ],
    [
      "Leeds: then six months after the last formal review",
      LEEDS,
      match({ reviews: [{ kind: "first_formal", heldOn: "2026-02-18" }] }),
      { kind: "formal", dueOn: "2026-08-18", rule: "formalEveryMonths" },
    ],
    [
      "Commissioned charity: the first formal review six weeks after the start",
      COMMISSIONED_CHARITY,
      match(),
      { kind: "first_formal", dueOn: "2026-02-16", rule: "firstFormalAfterWeeks" },
    ],
    [
      "Commissioned charity: an ending match needs its closure review before anything else",
      COMMISSIONED_CHARITY,
      match({ ending: { beganOn: "2026-05-04" }, reviews: [{ kind: "first_formal", heldOn: "2026-02-16" }] }),
      { kind: "closure", dueOn: "2026-05-04", rule: "closureWhenEnding" },
    ],
  ];
  it.each(cases)("%s", (_name, preset, input, expected) => {
    expect(nextReview(input, policyOf(preset))).toEqual(expected);
  });

  it("names each rule with the words of its source", () => {
    expect(REVIEW_RULES.informalAfterFirstVisit.source).toContain("after the first visit informally");
    expect(REVIEW_RULES.formalEveryMonths.source).toContain("reviewed twice per year");
    expect(REVIEW_RULES.closureWhenEnding.source).toContain("closure review");
  });

  // What the coordinator reads beside a due review: the council's own number where the rule has one.
  type MatchesPolicy = ReturnType<typeof policyOf>["matches"];
  const wordsCases: [string, ReviewRule, Partial<MatchesPolicy>, string][] = [
    [
      "the informal review, Tandem's week",
      "informalAfterFirstVisit",
      {},
      "An informal review after the first visit, within 7 days (Tandem's suggestion)",
    ],
    [
      "the first formal review, in weeks",
      "firstFormalAfterWeeks",
      { firstFormalReviewWeeks: 6 },
      "The first formal review, 6 weeks after the match started",
    ],
    [
      "one week",
      "firstFormalAfterWeeks",
      { firstFormalReviewWeeks: 1 },
      "The first formal review, 1 week after the match started",
    ],
    [
      "no number set",
      "firstFormalAfterWeeks",
      { firstFormalReviewWeeks: null },
      "The first formal review, weeks after the match started",
    ],
    ["formal reviews, in months", "formalEveryMonths", { reviewEveryMonths: 6 }, "A formal review every 6 months"],
    ["one month", "formalEveryMonths", { reviewEveryMonths: 1 }, "A formal review every month"],
    ["the closure review", "closureWhenEnding", {}, "A closure review, as the match ends"],
  ];
  it.each(wordsCases)("says why a review is due: %s", (_name, rule, matches, expected) => {
    const policy = policyOf(LEICESTERSHIRE);
    Object.assign(policy.matches, matches);
    expect(reviewRuleWords(rule, policy)).toBe(expected);
  });

  it("asks for no closure review where the council does not hold one", () => {
    const policy = policyOf(LEICESTER_CITY);
    policy.matches.closureReview = false;
    expect(nextReview(match({ ending: { beganOn: "2026-09-01" } }), policy)).toBeNull();
  });
});

describe("due and overdue", () => {
  it.each([
    ["2026-02-16", "2026-01-20", "upcoming"],
    ["2026-02-16", "2026-02-02", "due"],
    ["2026-02-16", "2026-02-16", "due"],
    ["2026-02-16", "2026-02-17", "overdue"],
  ] as const)("a review due on %s is %s on %s", (dueOn, today, state) => {
    expect(dueState(dueOn, today)).toBe(state);
  });
});

import { describe, expect, it } from "vitest";
import { findPreset } from "../tenants/presets.js";
import {
  ADULT_FORM_WORDS,
  AdultFeedback,
  CHILD_FORM_WORDS,
  ChildFeedback,
  feedbackRaisesConcern,
  feedbackReminderDue,
} from "./feedback.js";
import { LookedAfterReview } from "./looked-after-review.js";
import { ReviewRecord, reviewDateProblem } from "./record.js";

const leics = findPreset("any-age-40-per-visit")?.policy;
if (!leics) throw new Error("preset");

const review = {
  kind: "first_formal",
  heldOn: "2026-02-16",
  childSeenBy: "visit",
  participants: [
    { name: "Mika", role: "child" },
    { name: "Robin", role: "volunteer" },
  ],
  childsView: "I like going to the climbing wall with Robin",
  outcome: "continue",
};
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : (r.error?.issues.map((i) => i.message) ?? []);

describe("a review's record", () => {
  it("keeps the child's view in their own words", () => {
    expect(ReviewRecord.parse(review).childsView).toBe("I like going to the climbing wall with Robin");
  });
  it.each([
    ["no child's view", { ...review, childsView: " " }, "Enter the child's view, in their own words"],
    ["a change without saying what", { ...review, outcome: "change" }, "Say what will change"],
    ["nobody taking part", { ...review, participants: [] }, "Say who took part"],
  ])("refuses %s", (_n, body, message) => {
    expect(messages(ReviewRecord.safeParse(body))).toContain(message);
  });
  it.each([
    ["2026-01-04", "The review date must be on or after the day the match started"],
    ["2026-03-01", "The review date cannot be in the future"],
    ["2026-02-16", null],
  ])("a review held on %s: %s", (heldOn, problem) => {
    expect(reviewDateProblem(heldOn, "2026-01-05", "2026-02-20")).toBe(problem);
  });
});

describe("feedback", () => {
  const words = (s: string) => s.split(/\s+/).length;
  it.each(Object.entries(CHILD_FORM_WORDS))("the child's form keeps %s short: “%s”", (key, text) => {
    expect(words(text)).toBeLessThanOrEqual(key === "heading" ? 7 : 12);
  });
  it.each(Object.entries(ADULT_FORM_WORDS))("the adults' form keeps %s short: “%s”", (key, text) => {
    expect(words(text)).toBeLessThanOrEqual(key === "heading" ? 7 : 12);
  });
  it.each([
    ["an unhappy child", ChildFeedback.parse({ feels: "unhappy", keepSeeing: "yes" }), true],
    ["a child who wants to stop", ChildFeedback.parse({ feels: "okay", keepSeeing: "no" }), true],
    ["a happy child", ChildFeedback.parse({ feels: "happy", keepSeeing: "yes" }), false],
    ["a carer's concern", AdultFeedback.parse({ howItIsGoing: "well", concerns: "yes", concernDetails: "Late" }), true],
    ["a carer content", AdultFeedback.parse({ howItIsGoing: "very_well", concerns: "no" }), false],
  ] as const)("%s raises a concern: %s", (_n, answer, concern) => {
    expect(feedbackRaisesConcern(answer)).toBe(concern);
  });
  it("asks what the concern is", () => {
    expect(messages(AdultFeedback.safeParse({ howItIsGoing: "well", concerns: "yes" }))).toEqual([
      "Tell us about your concern",
    ]);
  });
  it.each([
    ["before the reminder day", { sentOn: "2026-03-01", answeredOn: null, remindedOn: null }, "2026-03-07", false],
    ["on the reminder day", { sentOn: "2026-03-01", answeredOn: null, remindedOn: null }, "2026-03-08", true],
    ["once answered", { sentOn: "2026-03-01", answeredOn: "2026-03-02", remindedOn: null }, "2026-03-08", false],
    ["once reminded", { sentOn: "2026-03-01", answeredOn: null, remindedOn: "2026-03-08" }, "2026-03-09", false],
    ["after the link expired", { sentOn: "2026-03-01", answeredOn: null, remindedOn: null }, "2026-03-30", false],
  ])("a reminder %s: %s", (_n, state, today, due) => {
    expect(feedbackReminderDue(state, leics, today)).toBe(due);
  });
});

describe("the child's looked-after review", () => {
  it("records the visitor invited at the child's request, and whether they went", () => {
    expect(
      LookedAfterReview.safeParse({
        reviewOn: "2026-04-01",
        childAskedForVisitor: true,
        visitorInvited: true,
        visitorAttended: true,
      }).success,
    ).toBe(true);
  });
  it("refuses inviting the visitor when the child did not ask (“only attend with the young person's consent”)", () => {
    expect(
      messages(
        LookedAfterReview.safeParse({
          reviewOn: "2026-04-01",
          childAskedForVisitor: false,
          visitorInvited: true,
          visitorAttended: null,
        }),
      ),
    ).toContain("The visitor is invited only when the child asks for them");
  });
});

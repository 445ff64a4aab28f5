import { describe, expect, it } from "vitest";
import type { AnswerContext, Question, RawAnswers } from "./model";
import { drawnQuestions, isRevealed, placements } from "./reveal";

type Ctx = AnswerContext & { policyAsksPhone: boolean };
const context =
  (policyAsksPhone: boolean) =>
  (raw: RawAnswers): Ctx => ({ raw, policyAsksPhone });

const YES_NO = [
  { value: "no", label: "No" },
  { value: "yes", label: "Yes" },
];
/** The feedback form's page: a concern's details are asked once "Yes" is chosen on the same page. */
const PAGE: Question<Ctx>[] = [
  { key: "concerns", kind: "radios", label: "Any concerns?", short: "concerns", options: YES_NO },
  {
    key: "concernDetails",
    kind: "textarea",
    label: "Tell us about your concern",
    short: "your concern",
    when: (c) => c.raw.concerns === "yes",
  },
  { key: "agrees", kind: "yesno", label: "Agree?", short: "agree", options: YES_NO },
  { key: "why", kind: "textarea", label: "Why?", short: "why", when: (c) => c.raw.agrees === "no" },
  { key: "phone", kind: "tel", label: "Phone", short: "phone", when: (c) => c.policyAsksPhone },
];

describe("conditional questions on one page", () => {
  it("nests a question under the one radio option that reveals it", () => {
    const plan = placements(PAGE, {}, context(false));
    expect(plan.get("concernDetails")).toEqual({ kind: "revealed", by: "concerns", values: ["yes"], nested: true });
  });

  it("draws a question revealed by a choice on the page before the choice is made (hidden until then)", () => {
    const plan = placements(PAGE, {}, context(false));
    const drawn = drawnQuestions(PAGE, plan).map((q) => q.key);
    expect(drawn).toContain("concernDetails");
    const place = plan.get("concernDetails");
    if (!place) throw new Error("no placement");
    expect(isRevealed(place, {})).toBe(false);
    expect(isRevealed(place, { concerns: "no" })).toBe(false);
    expect(isRevealed(place, { concerns: "yes" })).toBe(true);
  });

  it("keeps inline yes/no radios flat: the question shows and hides in its place", () => {
    const plan = placements(PAGE, {}, context(false));
    expect(plan.get("why")).toEqual({ kind: "revealed", by: "agrees", values: ["no"], nested: false });
  });

  it.each([
    ["the policy asks for it", true, true],
    ["the policy does not", false, false],
  ])("draws a question that turns on something off the page only when it holds: %s", (_n, asks, drawn) => {
    const plan = placements(PAGE, {}, context(asks));
    expect(plan.get("phone")).toEqual({ kind: "fixed", shown: asks });
    expect(drawnQuestions(PAGE, plan).some((q) => q.key === "phone")).toBe(drawn);
  });

  it("leaves unconditional questions as they are", () => {
    expect(placements(PAGE, {}, context(false)).get("concerns")).toEqual({ kind: "always" });
  });
});

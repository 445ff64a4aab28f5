import { describe, expect, it } from "vitest";
import type { TenantPolicy } from "../tenants/policy.js";
import { findPreset } from "../tenants/presets.js";
import { matchBlockers } from "./blockers.js";
import { exampleCandidate, exampleChild } from "./example-profiles.js";
import {
  type MatchRiskAssessment,
  type RiskChecklist,
  RiskChecklist as RiskChecklistSchema,
  riskAssessmentProblems,
  riskChecklistBlocker,
} from "./risk.js";

const TODAY = "2026-03-02";
const checklist = (over: Partial<RiskChecklist> = {}): RiskChecklist => ({
  completedOn: "2026-01-10",
  completedBy: "Sam Okoro",
  home: { suitable: true, notes: "" },
  car: null,
  pets: { hasPets: false, hasDog: false, notes: "" },
  dogAssessment: null,
  ...over,
});

describe("the volunteer's risk checklist (Leicestershire: 'completed with Independent Visitor prior to matching')", () => {
  it.each([
    { case: "never completed", c: null, says: "has not been completed" },
    {
      case: "over a year old (reviewed yearly, Tandem's suggestion)",
      c: checklist({ completedOn: "2025-03-02" }),
      says: "reviewed every 12 months",
    },
    { case: "home not suitable", c: checklist({ home: { suitable: false, notes: "" } }), says: "home not suitable" },
    { case: "car not suitable", c: checklist({ car: { suitable: false, notes: "" } }), says: "car not suitable" },
  ])("$case → blocks", ({ c, says }) => {
    expect(riskChecklistBlocker(c, TODAY)).toContain(says);
  });

  it("a current, suitable checklist does not block; a day short of a year is still current", () => {
    expect(riskChecklistBlocker(checklist(), TODAY)).toBeNull();
    expect(riskChecklistBlocker(checklist({ completedOn: "2025-03-03" }), TODAY)).toBeNull();
  });

  it("Leicestershire: 'a dog risk assessment would need to be completed before the dog could be brought on any visit'", () => {
    const dog = { ...checklist(), pets: { hasPets: true, hasDog: true, notes: "" } };
    const parsed = RiskChecklistSchema.safeParse(dog);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["dogAssessment"]);
    const assessed = RiskChecklistSchema.safeParse({
      ...dog,
      dogAssessment: { completedOn: "2026-01-10", dogs: "Biscuit", outcome: "may_come_on_visits", notes: "" },
    });
    expect(assessed.success).toBe(true);
  });

  it("is a hard blocker of a match when the candidate carries it", () => {
    const policy = (findPreset("any-age-40-per-visit") as { policy: TenantPolicy }).policy;
    const missing = { ...exampleCandidate(policy), riskChecklist: null };
    expect(matchBlockers(exampleChild, missing, policy, TODAY).map((b) => b.code)).toEqual([
      "risk_checklist_not_current",
    ]);
    const current = { ...exampleCandidate(policy), riskChecklist: checklist() };
    expect(matchBlockers(exampleChild, current, policy, TODAY)).toEqual([]);
  });
});

describe("a match's risk assessment (Leicestershire: 'Where the activity is considered high risk ... will not take place')", () => {
  const assessment = (risk: "low" | "medium" | "high", shared: string | null = "2026-03-01"): MatchRiskAssessment => ({
    activities: [{ activity: "Swimming", risk, controls: "" }],
    delegatedAuthority: { name: "Pat Carer", role: "foster carer" },
    sharedWithDelegatedAuthorityOn: shared,
  });
  it.each([
    { risk: "low", roles: ["coordinator"], problems: 0 },
    { risk: "medium", roles: ["coordinator"], problems: 1 },
    { risk: "medium", roles: ["manager"], problems: 0 },
    { risk: "high", roles: ["manager"], problems: 1 },
  ] as const)("$risk risk approved by $roles → $problems problem(s)", ({ risk, roles, problems }) => {
    expect(riskAssessmentProblems(assessment(risk), roles)).toHaveLength(problems);
  });
  it("must be shared with whoever holds delegated authority", () => {
    expect(riskAssessmentProblems(assessment("low", null), ["manager"])[0]).toContain("Pat Carer");
  });
});

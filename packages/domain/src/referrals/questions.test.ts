import { describe, expect, it } from "vitest";
import { findPreset } from "../tenants/presets.js";
import { exampleReferralAnswers } from "./example-answers.js";
import { questionsFor, unansweredQuestions } from "./questions.js";

const policy = (id: string) => {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return structuredClone(preset.policy);
};

describe("the questions a tenant's form asks", () => {
  it.each([
    {
      id: "from-5-care-leavers-to-25",
      asks: {
        proceedingsConcluded: false,
        longTermPlan: false,
        unaccompaniedAsylumSeeking: false,
        managerFundingAgreement: false,
        insteadOfRespite: false,
      },
    },
    {
      id: "any-age-40-per-visit",
      asks: {
        proceedingsConcluded: false,
        longTermPlan: false,
        unaccompaniedAsylumSeeking: false,
        managerFundingAgreement: false,
        insteadOfRespite: false,
      },
    },
    {
      id: "per-session-and-monthly-limits-trial-visits",
      asks: {
        proceedingsConcluded: false,
        longTermPlan: false,
        unaccompaniedAsylumSeeking: false,
        managerFundingAgreement: false,
        insteadOfRespite: false,
      },
    },
    {
      id: "year-in-care-monthly-budget",
      asks: {
        proceedingsConcluded: true,
        longTermPlan: true,
        unaccompaniedAsylumSeeking: true,
        managerFundingAgreement: true,
        insteadOfRespite: true,
      },
    },
    {
      id: "commissioned-charity-any-age",
      asks: {
        proceedingsConcluded: false,
        longTermPlan: false,
        unaccompaniedAsylumSeeking: false,
        managerFundingAgreement: false,
        insteadOfRespite: false,
      },
    },
  ])("$id", ({ id, asks }) => {
    expect(questionsFor(policy(id))).toEqual(asks);
  });
});

describe("questions left unanswered", () => {
  const northants = questionsFor(policy("year-in-care-monthly-budget"));
  const leeds = questionsFor(policy("from-5-care-leavers-to-25"));

  it("none when every asked question is answered", () => {
    expect(unansweredQuestions(exampleReferralAnswers(), northants)).toEqual([]);
  });

  it("each asked question missing, as a field error", () => {
    const a = exampleReferralAnswers();
    delete a.careStatus.proceedingsConcluded;
    delete a.careStatus.longTermPlan;
    delete a.careStatus.unaccompaniedAsylumSeeking;
    delete a.reasons.insteadOfRespite;
    a.careStatus.placedInArea = false;
    expect(unansweredQuestions(a, northants).map((p) => p.path.join("."))).toEqual([
      "careStatus.proceedingsConcluded",
      "careStatus.longTermPlan",
      "careStatus.unaccompaniedAsylumSeeking",
      "reasons.insteadOfRespite",
      "manager",
    ]);
    expect(unansweredQuestions(a, leeds)).toEqual([]);
  });

  it("no manager needed for a child placed in the area", () => {
    expect(unansweredQuestions(exampleReferralAnswers(), northants)).toEqual([]);
  });
});

import { findPreset, provenanceOf, SOURCE_DOCUMENTS, type TenantPolicy } from "@tandem/domain";
import { describe, expect, it } from "vitest";
import { provenanceWords } from "./policy-provenance";

const northants = (): TenantPolicy => {
  const preset = findPreset("year-in-care-monthly-budget");
  if (!preset) throw new Error("no preset");
  return structuredClone(preset.policy);
};

describe("where a policy value comes from, in words", () => {
  it.each([
    {
      name: "a sourced value quotes its document",
      path: "volunteers.commitmentMonths",
      change: () => {},
      words: `From ${SOURCE_DOCUMENTS.northamptonshire}: “Independent Visitors commit to this role for at least two years”`,
    },
    {
      name: "a value no source gives is our suggestion",
      path: "visits.maxHours",
      change: () => {},
      words: "Tandem's suggested default: check against your procedure",
    },
    {
      name: "an amount the source does not give is for the council to enter",
      path: "expenses.monthlyBudget.amountPence",
      change: () => {},
      words: `Not entered yet: your council must enter this. ${SOURCE_DOCUMENTS.northamptonshire} names it without an amount: “an Independent Visitor will be given a monthly budget to cover the cost of activities”`,
    },
    {
      name: "a suggested default the council changed is its own",
      path: "visits.maxHours",
      change: (p: TenantPolicy) => {
        p.visits.maxHours = 6;
      },
      words: "Set by your council",
    },
    {
      name: "an amount the council entered is its own",
      path: "expenses.monthlyBudget.amountPence",
      change: (p: TenantPolicy) => {
        p.expenses.monthlyBudget = { amountPence: 2500, canBeSavedUp: true, maxSavedMonths: 3 };
      },
      words: "Set by your council",
    },
  ])("$name", ({ path, change, words }) => {
    const policy = northants();
    change(policy);
    expect(provenanceWords(provenanceOf(policy, path))).toBe(words);
  });
});

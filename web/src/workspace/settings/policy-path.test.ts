import { policyPresets } from "@tandem/domain";
import { describe, expect, it } from "vitest";
import type { TenantPolicy } from "../../api/types";
import { hours, setting, wholeNumber, yesNo } from "./policy-controls";
import { policyValue, setPolicyValue } from "./policy-path";

/** A fresh copy of the first preset's policy, to read and change. */
const preset = (): TenantPolicy => {
  const found = policyPresets[0];
  if (!found) throw new Error("no presets");
  return structuredClone(found.policy) as TenantPolicy;
};

describe("a policy path", () => {
  it("reads the value it names, and nothing inside a budget that is not there", () => {
    const policy = preset();
    expect(policyValue(policy, "visits.maxHours")).toBe(policy.visits.maxHours);
    expect(policyValue(policy, "referrals.careLeavers.acceptedUpToAge")).toBe(
      policy.referrals.careLeavers.acceptedUpToAge,
    );
    policy.expenses.monthlyBudget = null;
    expect(policyValue(policy, "expenses.monthlyBudget.amountPence")).toBeUndefined();
  });

  it("writes the value it names and leaves the rest of the draft as it was", () => {
    const policy = preset();
    const before = structuredClone(policy);
    setPolicyValue(policy, "visits.maxHours", 7.5);
    expect(policy.visits.maxHours).toBe(7.5);
    expect({ ...policy, visits: before.visits }).toEqual(before);
  });

  it("is checked against the policy's type, and so is the kind of question asked about it", () => {
    const question = { label: "x", hint: "x", noun: "x" };
    setting("visits.maxHours", hours({ ...question, min: 1, max: 12 }));
    // @ts-expect-error: no such setting
    setting("visits.maxHourz", hours({ ...question, min: 1, max: 12 }));
    // @ts-expect-error: a yes-or-no question cannot edit a number
    setting("visits.maxHours", yesNo(question));
    // @ts-expect-error: the care-leaver age may be empty (null), so its question must say what empty means
    setting("referrals.careLeavers.acceptedUpToAge", wholeNumber({ ...question, min: 0, max: 30, unit: ["y", "ys"] }));
  });
});

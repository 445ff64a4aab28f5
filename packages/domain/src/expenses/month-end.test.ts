import { describe, expect, it } from "vitest";
import { matchStanding } from "./month-end.js";

const noBudget = { perMonthCapPence: null, monthlyBudget: null };

describe("a match's month against the limits", () => {
  it.each([
    [
      "Leicester City's per-month limit: £100, £38 claimed → £62 left",
      { perMonthCapPence: 10_000, monthlyBudget: null },
      { "2026-04": 3800 },
      { perMonthRemainingPence: 6200, budgetHeldPence: null, overALimit: false },
    ],
    [
      "Northamptonshire's budget saved up for 3 months: £20 a month, £5 spent in January → April holds £75",
      { ...noBudget, monthlyBudget: { amountPence: 2000, canBeSavedUp: true, maxSavedMonths: 3 } },
      { "2026-01": 500, "2026-04": 1000 },
      { budgetHeldPence: 7500, budgetRemainingPence: 6500, savedUpMonthsAllowed: 3, overALimit: false },
    ],
    [
      "saving capped at the policy's months: nothing spent for a year still holds only 4 months' budget",
      { ...noBudget, monthlyBudget: { amountPence: 2000, canBeSavedUp: true, maxSavedMonths: 3 } },
      { "2026-12": 0 },
      { budgetHeldPence: 8000, budgetRemainingPence: 8000, overALimit: false },
    ],
    [
      "saving allowed with no number of months entered: no limit, a year unspent holds 12 months' budget",
      { ...noBudget, monthlyBudget: { amountPence: 2000, canBeSavedUp: true, maxSavedMonths: null } },
      { "2026-12": 0 },
      { budgetHeldPence: 24_000, budgetRemainingPence: 24_000, savedUpMonthsAllowed: null, overALimit: false },
    ],
    [
      "a budget that cannot be saved: each month starts afresh, £25 against £20 is over",
      { ...noBudget, monthlyBudget: { amountPence: 2000, canBeSavedUp: false, maxSavedMonths: 0 } },
      { "2026-01": 0, "2026-04": 2500 },
      { budgetHeldPence: 2000, budgetRemainingPence: -500, savedUpMonthsAllowed: 0, overALimit: true },
    ],
    [
      "a budget whose amount the council has not entered: no figure, not a zero",
      { ...noBudget, monthlyBudget: { amountPence: null, canBeSavedUp: true, maxSavedMonths: 2 } },
      { "2026-04": 900 },
      { monthlyBudgetPence: null, budgetHeldPence: null, budgetRemainingPence: null, overALimit: false },
    ],
  ] as const)("%s", (_, expenses, spent, expected) => {
    const month = Object.keys(spent).at(-1) ?? "2026-04";
    const standing = matchStanding(expenses, { firstMonth: "2026-01", month, spentByMonth: spent });
    expect(standing).toMatchObject(expected);
    expect(standing.claimedPence).toBe((spent as Record<string, number>)[month] ?? 0);
  });
});

import type { TenantPolicy } from "../tenants/policy.js";
import { budgetAvailable, savedMonthsAllowed } from "./budget.js";

/** A match's month against the council's limits, for finance's month end (all whole pence). */
export interface MatchStanding {
  claimedPence: number;
  /** Leicester City's "per month" limit, and what is left under it; null where the policy has none. */
  perMonthCapPence: number | null;
  perMonthRemainingPence: number | null;
  /** Northamptonshire's monthly budget; null where the policy has none or its amount is not entered yet. */
  monthlyBudgetPence: number | null;
  /** What the budget held for this month before its claims: saved-up months included. */
  budgetHeldPence: number | null;
  budgetRemainingPence: number | null;
  /** How many months' budget the policy lets a match save up (0: each month starts afresh; null: no limit). */
  savedUpMonthsAllowed: number | null;
  /** True when the month's claims went past a limit (each such claim had the coordinator's prior approval). */
  overALimit: boolean;
}

/**
 * Where a match stands in `month`: its claims (not counting rejected ones) against the monthly cap and
 * the monthly budget, the budget carried over from earlier months where the policy lets it be saved up.
 * `spentByMonth` holds the match's claims per month from `firstMonth` (the month it became active).
 */
export function matchStanding(
  expenses: Pick<TenantPolicy["expenses"], "perMonthCapPence" | "monthlyBudget">,
  at: { firstMonth: string; month: string; spentByMonth: Readonly<Record<string, number>> },
): MatchStanding {
  const claimedPence = at.spentByMonth[at.month] ?? 0;
  const cap = expenses.perMonthCapPence;
  const budget = expenses.monthlyBudget;
  // biome-ignore lint/complexity/useMathMinMax: months are "YYYY-MM" strings, the earlier by text order
  const first = at.firstMonth < at.month ? at.firstMonth : at.month;
  const held =
    budget && budget.amountPence !== null
      ? budgetAvailable(budget, first, at.month, { ...at.spentByMonth, [at.month]: 0 })
      : null;
  const perMonthRemainingPence = cap === null ? null : cap - claimedPence;
  const budgetRemainingPence = held === null ? null : held - claimedPence;
  return {
    claimedPence,
    perMonthCapPence: cap,
    perMonthRemainingPence,
    monthlyBudgetPence: budget?.amountPence ?? null,
    budgetHeldPence: held,
    budgetRemainingPence,
    savedUpMonthsAllowed: budget ? savedMonthsAllowed(budget) : 0,
    overALimit: (perMonthRemainingPence ?? 0) < 0 || (budgetRemainingPence ?? 0) < 0,
  };
}

import type { TenantPolicy } from "../tenants/policy.js";
import { monthsFrom } from "./money.js";

type Budget = NonNullable<TenantPolicy["expenses"]["monthlyBudget"]>;

/**
 * How many months' budget a match may save up: 0 where it cannot be saved, null where it can with no
 * limit (Northamptonshire's "can be 'saved up'" names no number of months).
 */
export function savedMonthsAllowed(budget: Pick<Budget, "canBeSavedUp" | "maxSavedMonths">): number | null {
  return budget.canBeSavedUp ? budget.maxSavedMonths : 0;
}

/**
 * Northamptonshire: "a monthly budget to cover the cost of activities. This can be 'saved up' to cover
 * larger trips". Each month adds the budget; what is not spent carries over for at most the policy's
 * number of months, so the most a match can hold is the budget times (months saved + 1). Saving allowed
 * with no number of months entered means no limit: the source names none (`savedMonthsAllowed`). Without
 * saving, each month starts afresh.
 *
 * `spentByMonth` holds what was claimed (approved or awaiting approval) in each month; `firstMonth` is
 * the month the match became active. Returns what can still be spent in `month`, or null when the
 * budget's amount has not been entered yet.
 */
export function budgetAvailable(
  budget: Budget,
  firstMonth: string,
  month: string,
  spentByMonth: Readonly<Record<string, number>>,
): number | null {
  if (budget.amountPence === null) return null;
  const amount = budget.amountPence;
  const saved = savedMonthsAllowed(budget);
  const ceiling = saved === null ? Number.POSITIVE_INFINITY : amount * (saved + 1);
  let balance = 0;
  for (const m of monthsFrom(firstMonth, month)) {
    balance = Math.min(balance + amount, ceiling);
    if (m === month) break;
    balance = Math.max(0, balance - (spentByMonth[m] ?? 0));
  }
  return Math.max(0, balance - (spentByMonth[month] ?? 0));
}

import type { TenantPolicy } from "../tenants/policy.js";
import { poundsAndPence } from "./money.js";

/** What has already been claimed against each limit, not counting the claim being judged. */
export interface ClaimedSoFar {
  /** Other claims for the same visit (null: the claim is for a month, not a visit). */
  visitPence: number | null;
  /**
   * For a month claim: the match's visits recorded in that month (null for a visit's claim). A month
   * claim is still held to "not exceeding £40 per visit": the cap times these visits, less the month's
   * claims so far (`monthPence`, which takes in the claims for those visits too).
   */
  visitsInMonth: number | null;
  /** This match's claims in the claim's month. */
  monthPence: number;
  /** What the match's monthly budget still holds this month (budget.ts), or null without a budget. */
  budgetAvailablePence: number | null;
}

export type CapName = "per_visit" | "per_month" | "budget";

export interface CapBreach {
  cap: CapName;
  /** What can still be claimed under this cap. */
  remainingPence: number;
  message: string;
}

export type CapVerdict =
  | { kind: "within" }
  | { kind: "needs_prior_approval"; breaches: CapBreach[]; remainingPence: number; message: string }
  | { kind: "refused"; breaches: CapBreach[]; remainingPence: number; message: string };

/**
 * Leicestershire: "not exceeding £40 per visit". Leicester City: "an upper limit on what may be
 * reclaimed per session and per month ... Any costs that fall outside of these boundaries must be
 * authorised in advance by the IV Co-ordinator". Northamptonshire: the monthly budget (budget.ts).
 * A claim over any of them needs the coordinator's prior approval where the policy says so and is
 * refused where it does not; either way the volunteer is told what remains.
 */
export function capVerdict(
  expenses: Pick<TenantPolicy["expenses"], "perVisitCapPence" | "perMonthCapPence" | "overCapNeedsPriorApproval">,
  amountPence: number,
  so: ClaimedSoFar,
): CapVerdict {
  const breaches: CapBreach[] = [];
  const check = (cap: CapName, limit: number | null, spent: number | null, words: string) => {
    if (limit === null || spent === null) return;
    if (spent + amountPence <= limit) return;
    const remainingPence = Math.max(0, limit - spent);
    breaches.push({
      cap,
      remainingPence,
      message: `You can claim ${poundsAndPence(remainingPence)} more ${words} (the limit is ${poundsAndPence(limit)})`,
    });
  };
  check("per_visit", expenses.perVisitCapPence, so.visitPence, "for this visit");
  const perVisit = expenses.perVisitCapPence;
  if (perVisit !== null && so.visitPence === null && so.visitsInMonth !== null) {
    const limit = perVisit * so.visitsInMonth;
    if (so.monthPence + amountPence > limit) {
      const remainingPence = Math.max(0, limit - so.monthPence);
      const visits = so.visitsInMonth === 1 ? "1 visit" : `${so.visitsInMonth} visits`;
      breaches.push({
        cap: "per_visit",
        remainingPence,
        message: `You can claim ${poundsAndPence(remainingPence)} more for this month's ${visits} recorded (the limit is ${poundsAndPence(perVisit)} a visit)`,
      });
    }
  }
  check("per_month", expenses.perMonthCapPence, so.monthPence, "this month");
  if (so.budgetAvailablePence !== null && amountPence > so.budgetAvailablePence) {
    breaches.push({
      cap: "budget",
      remainingPence: so.budgetAvailablePence,
      message: `The match's activity budget has ${poundsAndPence(so.budgetAvailablePence)} left this month`,
    });
  }
  if (breaches.length === 0) return { kind: "within" };
  const remainingPence = Math.min(...breaches.map((b) => b.remainingPence));
  const reasons = breaches.map((b) => b.message).join("; ");
  return expenses.overCapNeedsPriorApproval
    ? {
        kind: "needs_prior_approval",
        breaches,
        remainingPence,
        message: `${reasons}. Anything more needs your coordinator's approval before you spend it`,
      }
    : {
        kind: "refused",
        breaches,
        remainingPence,
        message: `${reasons}. This scheme does not pay claims over its limits`,
      };
}

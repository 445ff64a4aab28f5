import { plannedEnd, type VisitPlan } from "./plan.js";

/**
 * Beyond the sources (Leicester City asks only that the named person is told "when they have returned"):
 * the volunteer confirms they are home safe, and without it by the council's set hours after the planned
 * end the coordinator is e-mailed.
 */
export function homeSafeDueAt(plan: Pick<VisitPlan, "on" | "endsAt" | "overnight">, withinHours: number): Date {
  return new Date(plannedEnd(plan).getTime() + withinHours * 3_600_000);
}

export function homeSafeOverdue(
  plan: Pick<VisitPlan, "on" | "endsAt" | "overnight">,
  withinHours: number,
  confirmedAt: string | null,
  now: Date,
): boolean {
  return confirmedAt === null && now.getTime() > homeSafeDueAt(plan, withinHours).getTime();
}

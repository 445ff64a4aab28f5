import * as z from "zod";
import { addDays, addMonths, IsoDate } from "../calendar/iso-date.js";
import type { TenantPolicy } from "../tenants/policy.js";

/**
 * Training against the tenant's requirements (Leicestershire: a safeguarding e-learning before any
 * match, a one-day course within six months of starting). Deadlines run from approval because
 * that is when the scheme offers the training; a requirement due "before any match" has no date,
 * it simply holds up matching until done.
 */
export const TrainingRecord = z
  .object({
    code: z.string().trim().min(1).max(40),
    completedOn: IsoDate,
  })
  .strict();
export type TrainingRecord = z.infer<typeof TrainingRecord>;

export const TrainingState = z.enum(["done", "due", "overdue", "needed_before_match", "expired"]);
export type TrainingState = z.infer<typeof TrainingState>;

export type TrainingStatus = { code: string; title: string } & (
  | { state: "done"; completedOn: string; renewBy: string | null }
  /** dueBy is null until approval starts the clock. */
  | { state: "due"; dueBy: string | null }
  | { state: "overdue"; dueBy: string }
  | { state: "needed_before_match" }
  /** renewBy was the last day the training counted. */
  | { state: "expired"; completedOn: string; renewBy: string }
);

/** Whether a training state holds up a new match: missing before a match, late, or lapsed. */
export function trainingBlocksMatch(state: TrainingState): boolean {
  return state === "needed_before_match" || state === "overdue" || state === "expired";
}

export function trainingState(
  records: readonly TrainingRecord[],
  policy: TenantPolicy,
  approvedOnIso: string | null,
  todayIso: string,
): TrainingStatus[] {
  return policy.volunteers.training.map((req): TrainingStatus => {
    const id = { code: req.code, title: req.title };
    // Training dated after today has not happened yet on the day being asked about.
    const last = records
      .filter((r) => r.code === req.code && r.completedOn <= todayIso)
      .map((r) => r.completedOn)
      .sort()
      .at(-1);
    if (last !== undefined) {
      if (req.renewEveryMonths === undefined) return { ...id, state: "done", completedOn: last, renewBy: null };
      const renewBy = addDays(addMonths(last, req.renewEveryMonths), -1);
      return todayIso > renewBy
        ? { ...id, state: "expired", completedOn: last, renewBy }
        : { ...id, state: "done", completedOn: last, renewBy };
    }
    if (req.dueWithinMonths === 0) return { ...id, state: "needed_before_match" };
    if (approvedOnIso === null) return { ...id, state: "due", dueBy: null };
    const dueBy = addMonths(approvedOnIso, req.dueWithinMonths);
    return todayIso > dueBy ? { ...id, state: "overdue", dueBy } : { ...id, state: "due", dueBy };
  });
}

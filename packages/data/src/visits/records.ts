import { VisitCancellation, VisitPlan, VisitRecord, VisitStatus } from "@tandem/domain/visits";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";

const By = z.object({ personId: z.string(), name: z.string() });

/**
 * A visit as stored (`VISIT#<matchId>#<visitId>` in the tenant partition). While it waits for a senior
 * manager's agreement it has a gsi1 entry in the council's approvals list, soonest first; every write
 * of the visit rewrites the entry from its status, so deciding or cancelling it takes it off the list
 * in the same write, and the list is one Query a page whatever the council's visits hold.
 */
export const StoredVisit = z.object({
  matchId: z.string(),
  id: z.string(),
  volunteerId: z.string(),
  /** The volunteer's name as they planned it, for the coordinator's home-safe e-mail. */
  volunteerName: z.string(),
  status: VisitStatus,
  plan: VisitPlan,
  /** Why it waits for a senior manager's approval (over the hours, or overnight). */
  approvalReason: z.string().nullable(),
  decision: z
    .object({
      by: By,
      at: z.string(),
      approved: z.boolean(),
      /** Why it was refused (told to the volunteer), or the approval's note; absent on decisions before it was asked. */
      reason: z.string().nullable().default(null),
    })
    .nullable(),
  record: VisitRecord.nullable(),
  recordedAt: z.string().nullable(),
  cancellation: VisitCancellation.nullable(),
  cancelledAt: z.string().nullable(),
  homeSafeAt: z.string().nullable(),
  /** What has been claimed against this visit (in pence), for the per-visit cap. */
  claimedPence: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type StoredVisit = z.output<typeof StoredVisit>;

export const visitEntity = defineEntity({
  type: "visit",
  schema: StoredVisit,
  key: (tenantId, v: { matchId: string; id: string }) => keys.visit(tenantId, v.matchId, v.id),
  index: (tenantId, v) =>
    v.status === "awaiting_approval"
      ? {
          gsi1pk: keys.visitsAwaitingApproval(tenantId),
          gsi1sk: `${v.plan.on}#${v.plan.startsAt}#${v.matchId}#${v.id}`,
        }
      : null,
});

// A match's visit summary has a module of its own (summary.ts) so its readers (the dashboard, a match's
// health) do not carry the visit's schemas; named here too for the modules that import it from here.
export { StoredVisitSummary, visitSummaryEntity } from "./summary.js";

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

/** The last recorded visit of a match: "behind the minimum frequency" without reading every visit. */
export const StoredVisitSummary = z.object({
  matchId: z.string(),
  lastVisitOn: z.string().nullable(),
  visitsRecorded: z.number().int(),
  version: z.number().int(),
});
export type StoredVisitSummary = z.output<typeof StoredVisitSummary>;

export const visitSummaryEntity = defineEntity({
  type: "visit-summary",
  schema: StoredVisitSummary,
  key: (tenantId, s: { matchId: string }) => keys.visitSummary(tenantId, s.matchId),
});

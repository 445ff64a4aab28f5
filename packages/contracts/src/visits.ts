/**
 * Payloads for a match's visits and expense claims (issue 14). The plan, record, cancellation and
 * claim are the domain's schemas; the stored records are shown as they are kept.
 */
import { IsoMonth } from "@tandem/domain/calendar";
import { ClaimAction, ClaimRequest, ReceiptType } from "@tandem/domain/expenses";
import { VisitCancellation, VisitPlan, VisitRecord } from "@tandem/domain/visits";
import * as z from "zod";
import { PageQuery } from "./common.js";

const Version = z.number().int().min(1).describe("The version you loaded; a stale one is refused with 409");
const MatchId = z.uuid("A match id is a UUID");

export const MatchVisitsParam = z.object({ matchId: MatchId });
export const VisitParam = z.object({ matchId: MatchId, visitId: z.string().min(1).max(80) });
export const ClaimParam = z.object({ matchId: MatchId, claimId: z.string().min(1).max(80) });
export const ClaimMonthParam = z.object({ month: IsoMonth });
export const VisitListQuery = PageQuery;

export const PlanVisit = VisitPlan;
export const RecordVisit = z.object({ record: VisitRecord, version: Version }).strict();
/** A visit on an earlier day that was never planned here: what was planned and what happened, in one. */
export const RecordPastVisit = z.object({ plan: VisitPlan, record: VisitRecord }).strict();
export const CancelVisit = z.object({ cancellation: VisitCancellation, version: Version }).strict();
export const ConfirmHomeSafe = z.object({ version: Version }).strict();
export const DecideVisit = z
  .object({
    approved: z.boolean(),
    reason: z
      .string()
      .trim()
      .max(500, "Use 500 characters or fewer")
      .optional()
      .describe("Required to refuse (the volunteer is told it); an optional note to approve"),
    version: Version,
  })
  .strict();

const By = z.object({ personId: z.string(), name: z.string() });

export const VisitView = z.object({
  matchId: z.string(),
  id: z.string(),
  status: z.string(),
  plan: VisitPlan,
  approvalReason: z.string().nullable(),
  decision: z.object({ by: By, at: z.string(), approved: z.boolean(), reason: z.string().nullable() }).nullable(),
  record: VisitRecord.nullable(),
  recordedAt: z.string().nullable(),
  cancellation: VisitCancellation.nullable(),
  homeSafeAt: z.string().nullable(),
  claimedPence: z.number().int(),
  version: z.number().int(),
});
export const VisitPage = z.object({ items: z.array(VisitView), cursor: z.string().nullable() });

/** A visit as a senior manager decides on it: the match by its label and who planned it. */
export const VisitForApproval = VisitView.extend({
  matchLabel: z.string().describe("The child's and the volunteer's first names"),
  volunteerId: z.string(),
  volunteerName: z.string(),
  createdAt: z.string(),
});
export const VisitApprovalPage = z.object({ items: z.array(VisitForApproval), cursor: z.string().nullable() });

export const SubmitClaim = ClaimRequest.safeExtend({
  requestApproval: z
    .boolean()
    .optional()
    .describe("Over a limit, ask the coordinator's approval instead of being refused (where the policy allows it)"),
});

export const ClaimView = z.object({
  matchId: z.string(),
  id: z.string(),
  reference: z.string(),
  volunteerId: z.string(),
  visitId: z.string().nullable(),
  month: z.string(),
  spentOn: z.string(),
  totalPence: z.number().int(),
  status: z.string(),
  overLimits: z.string().nullable(),
  items: z.array(z.object({ kind: z.string(), description: z.string(), pence: z.number().int() })),
  version: z.number().int(),
});
export const ClaimPage = z.object({ items: z.array(ClaimView), cursor: z.string().nullable() });
export const ActOnClaim = z
  .object({ action: ClaimAction, reason: z.string().trim().max(500).optional(), version: Version })
  .strict();

/**
 * What the volunteer's portal shows of a match before a visit is planned: the last recorded visit,
 * whether it is behind the council's minimum frequency, and the activities its risk assessment allows.
 */
export const VisitState = z.object({
  lastVisitOn: z.string().nullable(),
  dueBy: z.string().describe("The latest day the next visit meets the council's minimum frequency"),
  behind: z.boolean(),
  daysBehind: z.number().int(),
  activities: z.array(z.string()).describe("The match's risk-assessed activities: a visit's activity is one of them"),
});

/** A receipt just uploaded: the id a claim item names, what its content was found to be, and its size. */
export const ReceiptView = z.object({
  receiptId: z.string(),
  contentType: ReceiptType.describe("Sniffed from the content itself; the declared Content-Type is not trusted"),
  bytes: z.number().int(),
});
export type ReceiptView = z.infer<typeof ReceiptView>;
export const ReceiptParam = z.object({ matchId: MatchId, receiptId: z.uuid("A receipt id is a UUID") });

/**
 * Payloads for finance's side of expense claims (issue 14): the queues, the month end, the payment file,
 * marking a batch paid and a volunteer's payee reference. Money is whole pence throughout.
 */
import { IsoMonth } from "@tandem/domain/calendar";
import * as z from "zod";
import { PageQuery } from "./common.js";

const Pence = z.number().int();

export const ClaimQueueName = z
  .enum(["coordinator", "finance", "payment"])
  .describe("coordinator: waiting for a coordinator; finance: approved by a coordinator; payment: approved by finance");
export const ClaimQueueParam = z.object({ queue: ClaimQueueName });
export const ClaimQueueQuery = PageQuery.extend({
  month: IsoMonth.optional().describe("For the payment queue: only the claims of this month"),
});

export const QueuedClaimParam = z.object({
  matchId: z.uuid("A match id is a UUID"),
  claimId: z.string().min(1).max(80),
});
export const FinanceMonthParam = z.object({ month: IsoMonth });
export const MonthTotalsQuery = PageQuery;

const QueuedItem = z.object({
  kind: z.string(),
  description: z.string(),
  pence: Pence,
  miles: z.number().optional(),
  /** The uploaded receipt, when the item has one. */
  receiptId: z.string().optional(),
});

/** A claim in a queue, with the match as the reader may see it (finance: the child's initial only). */
export const QueuedClaim = z.object({
  matchId: z.string(),
  matchLabel: z.string(),
  id: z.string(),
  reference: z.string(),
  volunteerId: z.string(),
  visitId: z.string().nullable(),
  month: z.string(),
  spentOn: z.string(),
  totalPence: Pence,
  status: z.string(),
  overLimits: z.string().nullable(),
  items: z.array(QueuedItem),
  history: z.array(
    z.object({
      at: z.string(),
      by: z.object({ name: z.string() }),
      status: z.string(),
      reason: z.string().optional(),
    }),
  ),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  version: z.number().int(),
});
export type QueuedClaim = z.infer<typeof QueuedClaim>;
export const ClaimQueuePage = z.object({ items: z.array(QueuedClaim), cursor: z.string().nullable() });

/** A match's month against the policy's limits (null where the policy has no such limit). */
export const MatchMonthTotal = z.object({
  matchId: z.string(),
  matchLabel: z.string(),
  volunteerId: z.string(),
  claims: z.number().int(),
  claimedPence: Pence,
  perMonthCapPence: Pence.nullable(),
  perMonthRemainingPence: Pence.nullable(),
  monthlyBudgetPence: Pence.nullable(),
  budgetHeldPence: Pence.nullable().describe(
    "What the budget held this month before its claims, saved-up months included",
  ),
  budgetRemainingPence: Pence.nullable(),
  savedUpMonthsAllowed: z
    .number()
    .int()
    .nullable()
    .describe("Months of budget a match may save up: 0 where it cannot, null where it can with no limit"),
  overALimit: z.boolean(),
});
export const MatchTotalsPage = z.object({ items: z.array(MatchMonthTotal), cursor: z.string().nullable() });

export const VolunteerMonthTotal = z.object({
  volunteerId: z.string(),
  volunteerName: z.string(),
  volunteerReference: z.string(),
  payeeReference: z.string().nullable(),
  payeeVersion: z.number().int().describe("0 when no payee reference has been set"),
  claims: z.number().int(),
  claimedPence: Pence,
});
export const VolunteerTotalsPage = z.object({ items: z.array(VolunteerMonthTotal), cursor: z.string().nullable() });

export const MarkBatchPaid = z
  .object({
    claims: z
      .array(z.object({ matchId: z.uuid("A match id is a UUID"), claimId: z.string().min(1).max(80) }).strict())
      .min(1, "Choose at least one claim to mark paid")
      .max(10, "Mark at most 10 claims paid at a time")
      .refine((list) => new Set(list.map((c) => `${c.matchId}#${c.claimId}`)).size === list.length, {
        message: "Each claim can be listed only once",
      }),
  })
  .strict();
export const BatchPaid = z.object({
  paid: z.array(
    z.object({
      matchId: z.string(),
      id: z.string(),
      reference: z.string(),
      totalPence: Pence,
      paidAt: z.string().nullable(),
    }),
  ),
  totalPence: Pence,
});

export const PayeeParam = z.object({ volunteerId: z.string().min(1).max(80) });
export const SetPayeeReference = z
  .object({
    payeeReference: z
      .string()
      .trim()
      .min(1, "Enter the payee reference from the council's finance system")
      .max(50, "Use 50 characters or fewer"),
    version: z
      .number()
      .int()
      .min(0)
      .describe("The version you loaded (0 when none was set); a stale one is refused with 409"),
  })
  .strict();
export const PayeeReference = z.object({
  volunteerId: z.string(),
  payeeReference: z.string(),
  version: z.number().int(),
});
export const PayeeView = z.object({
  volunteerId: z.string(),
  volunteerName: z.string(),
  payeeReference: z.string().nullable(),
  version: z.number().int().describe("0 when no payee reference has been set"),
});

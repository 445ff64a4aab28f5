import { ClaimItem, ClaimStatus } from "@tandem/domain/expenses";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";

const By = z.object({ personId: z.string(), name: z.string() });

/** A claim as stored (`CLAIM#<matchId>#<claimId>`), in gsi1 under its month for finance. */
export const StoredClaim = z.object({
  matchId: z.string(),
  id: z.string(),
  /** What the volunteer and finance quote: EXP- and the start of the id. */
  reference: z.string(),
  volunteerId: z.string(),
  visitId: z.string().nullable(),
  month: z.string(),
  spentOn: z.string(),
  items: z.array(ClaimItem.and(z.object({ pence: z.number().int() }))),
  totalPence: z.number().int(),
  status: ClaimStatus,
  /** Why it waits for the coordinator's prior approval (the limits it goes over). */
  overLimits: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), by: By, status: ClaimStatus, reason: z.string().optional() })),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  version: z.number().int(),
});
export type StoredClaim = z.output<typeof StoredClaim>;

export const claimEntity = defineEntity({
  type: "claim",
  schema: StoredClaim,
  key: (tenantId, c: { matchId: string; id: string }) => keys.claim(tenantId, c.matchId, c.id),
  index: (tenantId, c) => ({ gsi1pk: keys.claimsOfMonth(tenantId, c.month), gsi1sk: `${c.createdAt}#${c.id}` }),
});

/** What a match has claimed in a month (not counting rejected claims); every claim conditions on its version. */
export const StoredSpend = z.object({
  matchId: z.string(),
  volunteerId: z.string(),
  month: z.string(),
  pence: z.number().int(),
  claims: z.number().int(),
  version: z.number().int(),
});
export type StoredSpend = z.output<typeof StoredSpend>;

export const spendEntity = defineEntity({
  type: "spend",
  schema: StoredSpend,
  key: (tenantId, s: { matchId: string; month: string }) => keys.spend(tenantId, s.matchId, s.month),
  index: (tenantId, s) => ({ gsi1pk: keys.spendOfMonth(tenantId, s.month), gsi1sk: s.matchId }),
});

/** The volunteer's payee reference in the council's finance system, kept by finance. */
export const payeeEntity = defineEntity({
  type: "payee",
  schema: z.object({ volunteerId: z.string(), payeeReference: z.string(), version: z.number().int() }),
  key: (tenantId, p: { volunteerId: string }) => keys.payee(tenantId, p.volunteerId),
});

import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";

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

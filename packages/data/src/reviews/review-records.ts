import { ReviewRecord } from "@tandem/domain/reviews";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import { Stamp } from "./recorded-by.js";

/** A match's reviews as stored, keyed by the match. */

export const StoredReview = z.object({
  id: z.string(),
  matchId: z.string(),
  record: ReviewRecord,
  recorded: Stamp,
});
export type StoredReview = z.output<typeof StoredReview>;

export const reviewEntity = defineEntity({
  type: "match-review",
  schema: StoredReview,
  key: (tenantId, r: { matchId: string; id: string }) => keys.matchReview(tenantId, r.matchId, r.id),
});

import { LookedAfterReview } from "@tandem/domain/reviews";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import { Stamp } from "./recorded-by.js";

/** The child's looked-after reviews as stored (whether the visitor was invited and went), keyed by the match. */
export const StoredLookedAfterReview = z.object({
  id: z.string(),
  matchId: z.string(),
  record: LookedAfterReview,
  recorded: Stamp,
});
export type StoredLookedAfterReview = z.output<typeof StoredLookedAfterReview>;

export const lookedAfterReviewEntity = defineEntity({
  type: "looked-after-review",
  schema: StoredLookedAfterReview,
  key: (tenantId, r: { matchId: string; id: string }) => keys.lookedAfterReview(tenantId, r.matchId, r.id),
});

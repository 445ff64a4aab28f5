import { SupervisionKind } from "@tandem/domain/supervision";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import { keys } from "../keys.js";

/**
 * The due lists' entries: one per active match (its next review) and one per supervised volunteer (their
 * next supervision), in the council's partition, each in a gsi1 view by due date (`schedule.ts` keeps them
 * up to date). Apart from the records they are worked out from (`records.ts`), so a reader of the dates
 * alone (the dashboard) does not carry the reviews', endings' and complaints' schemas.
 */

/** A match's next review, in the due view by date (null dueOn: nothing due, out of the view). */
export const ReviewScheduleEntry = z.object({
  matchId: z.string(),
  referralId: z.string(),
  volunteerId: z.string(),
  activatedOn: z.string(),
  firstVisitOn: z.string().nullable(),
  endingBeganOn: z.string().nullable(),
  kind: z.string().nullable(),
  dueOn: z.string().nullable(),
  rule: z.string().nullable(),
  /** Words for the list: who the match is between, as coordinators know them. */
  label: z.string(),
  /** For the end-age alerts, without reading the referral each day. */
  childDateOfBirth: z.string().nullable(),
  vulnerableCareLeaver: z.boolean(),
  /** The last review's outcome, for the match's health (absent on entries written before it was kept). */
  lastReviewOutcome: z.string().nullish(),
  version: z.number().int(),
});
export type ReviewScheduleEntry = z.output<typeof ReviewScheduleEntry>;

export const reviewScheduleEntity = defineEntity({
  type: "review-schedule",
  schema: ReviewScheduleEntry,
  key: (tenantId, e: { matchId: string }) => keys.reviewScheduleEntry(tenantId, e.matchId),
  index: (tenantId, e) =>
    e.dueOn === null ? null : { gsi1pk: keys.scheduleView(tenantId, "reviews"), gsi1sk: `${e.dueOn}#${e.matchId}` },
});

export const SupervisionScheduleEntry = z.object({
  volunteerId: z.string(),
  label: z.string(),
  /** The days this volunteer's active matches started, by match. */
  matchStarts: z.record(z.string(), z.string()),
  sessions: z.array(z.object({ kind: SupervisionKind, heldOn: z.string() })),
  kind: z.string().nullable(),
  dueOn: z.string().nullable(),
  rule: z.string().nullable(),
  version: z.number().int(),
});
export type SupervisionScheduleEntry = z.output<typeof SupervisionScheduleEntry>;

export const supervisionScheduleEntity = defineEntity({
  type: "supervision-schedule",
  schema: SupervisionScheduleEntry,
  key: (tenantId, e: { volunteerId: string }) => keys.supervisionScheduleEntry(tenantId, e.volunteerId),
  index: (tenantId, e) =>
    e.dueOn === null
      ? null
      : { gsi1pk: keys.scheduleView(tenantId, "supervision"), gsi1sk: `${e.dueOn}#${e.volunteerId}` },
});

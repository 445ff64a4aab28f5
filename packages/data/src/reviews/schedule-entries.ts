import { SupervisionKind } from "@tandem/domain/supervision";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";

/**
 * The due lists' entries (re-exported by records.ts): apart from the records so that starting a match, which
 * writes both entries, does not carry every review, feedback, ending and complaint schema with it.
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

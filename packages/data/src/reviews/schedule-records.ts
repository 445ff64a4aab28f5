import * as z from "zod";
import { defineEntity } from "../entity.js";
import { keys } from "../keys.js";

/**
 * A match's next review and its end-age alert, in the due views (`#RV`, gsi1 keyed by the due date, so a
 * coordinator's due and overdue list is one Query), and the daily job's record of what it sent.
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

/** A scheduled job's run on one day, so a second run that day sends nothing again; deleted by TTL a week later. */
export const reviewReminderEntity = defineEntity({
  type: "review-reminder",
  schema: z.object({ expiresAt: z.number() }),
  key: (tenantId, sent: { day: string; what: string }) => keys.reviewReminder(tenantId, sent.day, sent.what),
});

/**
 * The end-age alert in force on a match (the 6-month one, then the 3-month one), written by the daily
 * job when it e-mails the coordinators and listed with their due reviews; out of the list once the
 * match's ending begins (kept, unindexed, as the record of what was sent).
 */
export const StoredEndAgeAlert = z.object({
  matchId: z.string(),
  label: z.string(),
  monthsBefore: z.number().int(),
  alertOn: z.string(),
  endsOn: z.string(),
  endAge: z.number().int(),
  words: z.string(),
  resolved: z.boolean(),
});
export type StoredEndAgeAlert = z.output<typeof StoredEndAgeAlert>;

export const endAgeAlertEntity = defineEntity({
  type: "end-age-alert",
  schema: StoredEndAgeAlert,
  key: (tenantId, a: { matchId: string }) => keys.endAgeAlert(tenantId, a.matchId),
  index: (tenantId, a) =>
    a.resolved ? null : { gsi1pk: keys.scheduleView(tenantId, "end-age"), gsi1sk: `${a.endsOn}#${a.matchId}` },
});

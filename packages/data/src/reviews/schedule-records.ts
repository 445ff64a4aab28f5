import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";

/**
 * A match's next review and its end-age alert, in the due views (`#RV`, gsi1 keyed by the due date, so a
 * coordinator's due and overdue list is one Query), and the daily job's record of what it sent.
 */

// A match's next review: in schedule-entries.ts with a volunteer's next supervision, so a reader of the due
// dates alone (the dashboard, starting a match) carries neither the records' schemas nor these.
export { ReviewScheduleEntry, reviewScheduleEntity } from "./schedule-entries.js";

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

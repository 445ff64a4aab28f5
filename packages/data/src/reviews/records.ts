import { Complainant, ComplaintOutcome } from "@tandem/domain/complaints";
import { BeginEnding, EndMatch } from "@tandem/domain/endings";
import {
  AdultFeedback,
  ChildFeedback,
  FeedbackRespondent,
  LookedAfterReview,
  ReviewRecord,
} from "@tandem/domain/reviews";
import { SupervisionKind } from "@tandem/domain/supervision";
import { PublicLanguage } from "@tandem/domain/tenants";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";

/**
 * Reviews, supervision, endings and complaints as stored: every record is keyed by its match (or its
 * volunteer, or the complaint), in the council's partition; the due lists are small entries in `#RV`
 * whose gsi1 key is the due date, so a coordinator's due and overdue list is one Query.
 */

const Stamp = z.object({ byName: z.string(), byPersonId: z.string(), at: z.string() });

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

export const StoredFeedbackRequest = z.object({
  id: z.string(),
  matchId: z.string(),
  respondent: FeedbackRespondent,
  name: z.string(),
  /** Kept so a reminder can be sent; never returned to another respondent. */
  email: z.string().nullable(),
  sentOn: z.string(),
  expiresOn: z.string(),
  remindOn: z.string(),
  remindedOn: z.string().nullable(),
  /** The newest link's hash: an older link stops working once a reminder sends a new one. */
  tokenHash: z.string().nullable(),
  answeredOn: z.string().nullable(),
  /** Completed with the coordinator (the child without an e-mail address) rather than through a link. */
  completedWithCoordinator: z.boolean(),
  answer: z.union([AdultFeedback, ChildFeedback]).nullable(),
  /** The language of the e-mails and the form's link (ADR 22), kept for the reminder; English for requests stored before. */
  language: PublicLanguage.default("en"),
  version: z.number().int(),
});
export type StoredFeedbackRequest = z.output<typeof StoredFeedbackRequest>;

export const feedbackRequestEntity = defineEntity({
  type: "feedback-request",
  schema: StoredFeedbackRequest,
  key: (tenantId, r: { matchId: string; id: string }) => keys.feedbackRequest(tenantId, r.matchId, r.id),
  // In the reminder view only while a reminder is still to go out.
  index: (tenantId, r) =>
    r.answeredOn === null && r.remindedOn === null && r.email !== null
      ? { gsi1pk: keys.scheduleView(tenantId, "feedback"), gsi1sk: `${r.remindOn}#${r.matchId}#${r.id}` }
      : null,
});

export const feedbackLinkEntity = defineEntity({
  type: "feedback-link",
  schema: z.object({
    matchId: z.string(),
    requestId: z.string(),
    expiresOn: z.string(),
    usedAt: z.string().nullable(),
    version: z.number().int(),
    expiresAt: z.number(),
  }),
  key: (tenantId, link: { tokenHash: string }) => keys.feedbackLink(tenantId, link.tokenHash),
});

export const StoredEnding = z.object({
  matchId: z.string(),
  beganOn: z.string(),
  begin: BeginEnding,
  begun: Stamp,
  end: EndMatch.nullable(),
  ended: Stamp.nullable(),
  version: z.number().int(),
});
export type StoredEnding = z.output<typeof StoredEnding>;

export const endingEntity = defineEntity({
  type: "match-ending",
  schema: StoredEnding,
  key: (tenantId, e: { matchId: string }) => keys.matchEnding(tenantId, e.matchId),
});

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

export const StoredSupervision = z.object({
  id: z.string(),
  kind: SupervisionKind,
  heldOn: z.string(),
  volunteerIds: z.array(z.string()),
  notes: z.string().nullable(),
  issuesRaised: z.string().nullable(),
  escalateToManager: z.boolean(),
  recorded: Stamp,
});
export type StoredSupervision = z.output<typeof StoredSupervision>;

export const supervisionEntity = defineEntity({
  type: "supervision",
  schema: StoredSupervision,
  key: (tenantId, s: { id: string }) => keys.supervisionSession(tenantId, s.id),
});

/** One line per volunteer who attended, pointing at the session. */
export const supervisionAttendanceEntity = defineEntity({
  type: "supervision-attendance",
  schema: z.object({ volunteerId: z.string(), heldOn: z.string(), sessionId: z.string(), kind: SupervisionKind }),
  key: (tenantId, a: { volunteerId: string; heldOn: string; sessionId: string }) =>
    keys.supervisionAttendance(tenantId, a.volunteerId, a.heldOn, a.sessionId),
});

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

const StageRecordSchema = z.object({
  stage: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  startedOn: z.string(),
  dueOn: z.string().nullable(),
  outcome: z
    .object({ respondedOn: z.string(), outcome: ComplaintOutcome, dealtWithBy: z.string(), response: z.string() })
    .nullable(),
});

export const StoredComplaint = z.object({
  id: z.string(),
  receivedOn: z.string(),
  complainant: Complainant,
  complainantName: z.string(),
  summary: z.string(),
  matchId: z.string().nullable(),
  stages: z.array(StageRecordSchema),
  recorded: Stamp,
  version: z.number().int(),
});
export type StoredComplaint = z.output<typeof StoredComplaint>;

export const complaintEntity = defineEntity({
  type: "complaint",
  schema: StoredComplaint,
  key: (tenantId, c: { id: string }) => keys.complaint(tenantId, c.id),
  index: (tenantId, c) => ({ gsi1pk: keys.complaintsRegister(tenantId), gsi1sk: `${c.receivedOn}#${c.id}` }),
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

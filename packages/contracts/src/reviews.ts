/**
 * Payloads for reviews and supervision (issue 15): what coordinators see in
 * their due lists, what a review, a supervision session and a complaint record, and the public
 * feedback form behind a single-use link. The records are the domain's schemas: nothing here
 * restates them.
 */
import { IsoDate } from "@tandem/domain/calendar";
import {
  AdultFeedback,
  ChildFeedback,
  FeedbackRespondent,
  LookedAfterReview,
  ReviewKind,
  ReviewRecord,
} from "@tandem/domain/reviews";
import { SupervisionKind, SupervisionRecord } from "@tandem/domain/supervision";
import * as z from "zod";

import { EndingView, Id, Stamp } from "./review-common.js";

export { AdultFeedback, ChildFeedback, LookedAfterReview, ReviewRecord, SupervisionRecord };

const DueState = z.enum(["due", "overdue"]);

export const DueReview = z.object({
  matchId: z.string(),
  label: z.string(),
  kind: ReviewKind,
  dueOn: IsoDate,
  why: z.string().describe("The rule it comes from, in words"),
  state: DueState,
});
export const DueReviewPage = z.object({ items: z.array(DueReview), cursor: z.string().nullable() });

export const DueSupervision = z.object({
  volunteerId: z.string(),
  label: z.string(),
  kind: z.enum(["first_call", "formal"]),
  dueOn: IsoDate,
  why: z.string(),
  state: DueState,
});
export const DueSupervisionPage = z.object({ items: z.array(DueSupervision), cursor: z.string().nullable() });

export const SupervisionView = z.object({
  id: z.string(),
  kind: SupervisionKind,
  heldOn: IsoDate,
  volunteerIds: z.array(z.string()),
  notes: z.string().nullable(),
  issuesRaised: z.string().nullable(),
  escalateToManager: z.boolean(),
  recorded: Stamp,
});
export const SupervisionList = z.object({ items: z.array(SupervisionView) });
export const SupervisedVolunteerParam = z.object({ volunteerId: Id });

export const RunReviewReminders = z.object({}).strict();
export const ReviewRemindersRun = z.object({
  day: IsoDate,
  feedbackReminders: z.number().int(),
  endAgeAlerts: z.number().int(),
  alreadySent: z.number().int(),
});

export const FeedbackRequestView = z.object({
  id: z.string(),
  matchId: z.string(),
  respondent: FeedbackRespondent,
  name: z.string(),
  email: z.string().nullable(),
  sentOn: IsoDate,
  expiresOn: IsoDate,
  remindOn: IsoDate,
  remindedOn: IsoDate.nullable(),
  answeredOn: IsoDate.nullable(),
  completedWithCoordinator: z.boolean(),
  answer: z.union([AdultFeedback, ChildFeedback]).nullable(),
});

export const RequestFeedback = z
  .object({
    invitees: z
      .array(
        z
          .object({
            respondent: FeedbackRespondent,
            name: z.string().trim().min(1, "Enter each person's name").max(120, "Use 120 characters or fewer"),
            email: z.email("Enter an e-mail address like name@example.org").max(254).optional(),
          })
          .strict(),
      )
      .min(1, "Ask at least one person")
      .max(10, "Ask 10 people or fewer"),
  })
  .strict();

export const ReviewView = z.object({
  id: z.string(),
  matchId: z.string(),
  record: ReviewRecord,
  recorded: Stamp,
});

export const MatchReviews = z.object({
  matchId: z.string(),
  label: z.string(),
  stage: z.string(),
  next: z.object({ kind: ReviewKind, dueOn: IsoDate, why: z.string() }).nullable(),
  endAgeAlert: z.object({ words: z.string(), endsOn: IsoDate }).nullable(),
  /** The young person's end age for this match, and whether they are marked a vulnerable care leaver. */
  endAge: z.number().int().nullable(),
  vulnerableCareLeaver: z.boolean(),
  /** Whether the council's policy supports vulnerable care leavers longer (Leeds: to 25), so the flag matters. */
  vulnerableAgeApplies: z.boolean(),
  reviews: z.array(ReviewView),
  feedback: z.array(FeedbackRequestView),
  lookedAfterReviews: z.array(z.object({ id: z.string(), record: LookedAfterReview, recorded: Stamp })),
  ending: EndingView.nullable(),
});

export const LookedAfterReviewView = z.object({
  id: z.string(),
  matchId: z.string(),
  record: LookedAfterReview,
  recorded: Stamp,
});

export const CareLeaverFlag = z
  .object({
    vulnerableCareLeaver: z
      .boolean()
      .describe("A vulnerable care leaver: support runs to the policy's higher age where it has one"),
  })
  .strict();

export const CareLeaverFlagView = z.object({
  matchId: z.string(),
  vulnerableCareLeaver: z.boolean(),
  endAge: z.number().int(),
});

export const FeedbackRequestParam = z.object({
  matchId: z.uuid("A match id is a UUID"),
  requestId: Id,
});
export const FeedbackWithCoordinator = z.object({ answers: ChildFeedback }).strict();

export const EndAgeAlertView = z.object({
  matchId: z.string(),
  label: z.string(),
  monthsBefore: z.number().int().describe("6 or 3 (the policy's alerts), or 0 once the day has come"),
  endsOn: IsoDate,
  endAge: z.number().int(),
  words: z.string(),
});
export const EndAgeAlertPage = z.object({ items: z.array(EndAgeAlertView), cursor: z.string().nullable() });

export const MatchHealthView = z.object({
  matchId: z.string(),
  label: z.string(),
  health: z.enum(["on_track", "needs_check_in", "at_risk"]),
  words: z.string(),
  reasons: z.array(z.object({ code: z.string(), level: z.enum(["needs_check_in", "at_risk"]), words: z.string() })),
  lastVisitOn: IsoDate.nullable(),
  reviewDueOn: IsoDate.nullable(),
});
export const MatchHealthList = z.object({ items: z.array(MatchHealthView) });

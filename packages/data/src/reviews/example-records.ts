import type { MatchFacts } from "./match-facts.js";
import type {
  ReviewScheduleEntry,
  StoredComplaint,
  StoredEnding,
  StoredFeedbackRequest,
  StoredReview,
} from "./records.js";

/**
 * Fictional records for tests and demo data, until matching's match record is merged in: a match
 * between a child and a volunteer, active since 5 January 2026.
 */
export const exampleMatchFacts = (over: Partial<MatchFacts> = {}): MatchFacts => ({
  id: "m-example",
  referralId: "RIV-7K3M9QXD",
  volunteerId: "v-example",
  stage: "active",
  activatedOn: "2026-01-05",
  label: "Mika and Robin",
  ...over,
});

const stamp = { byName: "Cy Coordinator", byPersonId: "p9", at: "2026-02-16T10:00:00.000Z" };

export const exampleReview = (over: Partial<StoredReview> = {}): StoredReview => ({
  id: "r1",
  matchId: "m-example",
  record: {
    kind: "first_formal",
    heldOn: "2026-02-16",
    childSeenBy: "visit",
    participants: [
      { name: "Mika", role: "child" },
      { name: "Robin", role: "volunteer" },
    ],
    childsView: "Robin is fun and we go to the climbing wall",
    outcome: "continue",
  },
  recorded: stamp,
  ...over,
});

export const exampleFeedbackRequest = (over: Partial<StoredFeedbackRequest> = {}): StoredFeedbackRequest => ({
  id: "f1",
  matchId: "m-example",
  respondent: "carer",
  name: "Pat Carer",
  email: "pat.carer@example.org",
  sentOn: "2026-02-01",
  expiresOn: "2026-03-01",
  remindOn: "2026-02-08",
  remindedOn: null,
  tokenHash: "hash",
  answeredOn: null,
  completedWithCoordinator: false,
  answer: null,
  language: "en",
  version: 1,
  ...over,
});

export const exampleScheduleEntry = (over: Partial<ReviewScheduleEntry> = {}): ReviewScheduleEntry => ({
  matchId: "m-example",
  referralId: "RIV-7K3M9QXD",
  volunteerId: "v-example",
  activatedOn: "2026-01-05",
  firstVisitOn: null,
  endingBeganOn: null,
  kind: "first_formal",
  dueOn: "2026-02-16",
  rule: "firstFormalAfterWeeks",
  label: "Mika and Robin",
  childDateOfBirth: "2010-06-15",
  vulnerableCareLeaver: false,
  version: 1,
  ...over,
});

export const exampleEnding = (over: Partial<StoredEnding> = {}): StoredEnding => ({
  matchId: "m-example",
  beganOn: "2026-05-01",
  begin: {
    kind: "planned",
    reason: "moving_away",
    plan: "A last outing together, then a goodbye card",
    socialWorkerName: "Sam Worker",
    socialWorkerAgreedOn: "2026-04-28",
  },
  begun: stamp,
  end: null,
  ended: null,
  version: 1,
  ...over,
});

export const exampleComplaint = (over: Partial<StoredComplaint> = {}): StoredComplaint => ({
  id: "c1",
  receivedOn: "2026-03-02",
  complainant: "carer",
  complainantName: "Pat Carer",
  summary: "Visits were cancelled at short notice",
  matchId: "m-example",
  stages: [{ stage: 1, startedOn: "2026-03-02", dueOn: "2026-03-16", outcome: null }],
  recorded: stamp,
  version: 1,
  ...over,
});

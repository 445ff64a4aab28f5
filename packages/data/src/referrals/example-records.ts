import type { ReferralRecord } from "./records.js";

/**
 * A stored referral shaped like a real one, for tests: a young person's self-referral without
 * e-mail, visible to coordinators and waiting for triage. The person is fictional.
 */
export function exampleReferral(over: Partial<ReferralRecord> = {}): ReferralRecord {
  return {
    reference: "RIV-00000007",
    kind: "self",
    status: "submitted",
    answers: { name: "Robin Hale", dateOfBirth: "2012-01-01", howToContactMe: "Carer", whatIdLikeToDo: "Cinema" },
    flags: [],
    priorityReasons: [],
    policyVersion: 3,
    respondWithinWorkingDays: 10,
    receivedAt: "2026-11-02T10:00:00.000Z",
    receivedOn: "2026-11-02",
    verificationMethod: "none",
    verified: false,
    verifiedAt: null,
    visible: true,
    enteredOnBehalf: false,
    respondBy: "2026-11-16",
    acceptedOn: null,
    reviewBy: null,
    penPicture: null,
    contactEmail: null,
    language: "en",
    verification: null,
    pendingInformation: null,
    history: [],
    idempotency: { keyHash: "k", requestHash: "r" },
    version: 1,
    ...over,
  };
}

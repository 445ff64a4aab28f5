import { londonDayOf } from "@tandem/domain/calendar";
import type { ReferralAnswers, SelfReferralAnswers } from "@tandem/domain/referrals";
import type { ReferralFacts, VolunteerFacts } from "@tandem/domain/reporting";
import type { ReferralRecord } from "../referrals/records.js";
import type { StoredVolunteer } from "../volunteers/records.js";

/** What reporting needs of stored records: read off them here, so the domain's rules never see the storage shape. */

const dayOf = londonDayOf;
const CLOSED = new Set(["matched", "declined", "withdrawn", "closed"]);

/** A referral's facts, or null while coordinators cannot see it (awaiting the referrer's e-mail confirmation). */
export function referralFacts(r: ReferralRecord | null): ReferralFacts | null {
  if (!r?.visible) return null;
  const decision = r.history.find((h) => h.action === "accept" || h.action === "decline");
  const closing = CLOSED.has(r.status)
    ? // A referral closed after its match ended stopped waiting when it was matched.
      r.history.findLast((h) => h.to === (r.status === "closed" ? "matched" : r.status) && h.from !== h.to)
    : undefined;
  const endedOn = CLOSED.has(r.status) ? dayOf(closing?.at ?? r.receivedAt) : null;
  const base = {
    receivedOn: r.receivedOn,
    respondBy: r.respondBy,
    decidedOn: decision ? dayOf(decision.at) : null,
    waitEndedOn: endedOn,
    matchedOn: r.status === "matched" ? endedOn : null,
  };
  if (r.kind === "professional") {
    const a = r.answers as ReferralAnswers;
    return {
      ...base,
      dateOfBirth: a.child.dateOfBirth,
      gender: a.child.gender,
      ethnicity: a.child.ethnicity,
      disability: (a.child.disabilityOrNeeds ?? "").trim() !== "",
      outOfArea: !a.careStatus.placedInArea,
      uasc: a.careStatus.unaccompaniedAsylumSeeking ?? null,
    };
  }
  return {
    ...base,
    dateOfBirth: (r.answers as SelfReferralAnswers).dateOfBirth,
    gender: null,
    ethnicity: null,
    disability: null,
    outOfArea: null,
    uasc: null,
  };
}

export function volunteerFacts(v: StoredVolunteer | null): VolunteerFacts | null {
  if (!v) return null;
  const withdrawal = v.stage === "withdrawn" ? v.history.findLast((h) => h.to === "withdrawn") : undefined;
  return {
    appliedOn: dayOf(v.appliedAt),
    stage: v.stage,
    stageSince: dayOf(v.stageSince),
    approvedOn: v.approvedOn,
    withdrawnOn: withdrawal ? dayOf(withdrawal.at) : v.stage === "withdrawn" ? dayOf(v.stageSince) : null,
    withdrawalReason: withdrawal?.reason ?? null,
    notApprovedOn: v.stage === "not_approved" ? (v.decidedOn ?? dayOf(v.stageSince)) : null,
  };
}

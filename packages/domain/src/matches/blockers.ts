import * as z from "zod";
import { ageOn } from "../calendar/iso-date.js";
import { Problem } from "../problems/index.js";
import type { TenantPolicy } from "../tenants/policy.js";
import { matchabilityBlockers, VolunteerBlockerCode, type VolunteerRecord } from "../volunteers/approval.js";
import type { ChildMatchingProfile, VolunteerMatchingProfile } from "./profiles.js";
import { sameTerm } from "./profiles.js";
import { type RiskChecklist, riskChecklistBlocker } from "./risk.js";

/**
 * Why a child cannot be matched now, and why a volunteer is not suggested for a child: every reason
 * at once, each with a message the coordinator can act on. The API refuses a proposal with them (409)
 * and the "why is X not listed" view shows them.
 */
export const ChildBlockerCode = z.enum([
  "child_not_waiting",
  "child_objects",
  "child_not_yet_asked",
  "past_support_end_age",
]);
export type ChildBlockerCode = z.infer<typeof ChildBlockerCode>;

export const PairBlockerCode = z.enum([
  "risk_checklist_not_current",
  "at_capacity",
  "named_by_child",
  "refused_by_child_before",
  "outside_childs_wishes",
  "outside_ages_they_support",
  "something_the_child_avoids",
]);
export type PairBlockerCode = z.infer<typeof PairBlockerCode>;

export const MatchBlockerCode = z.enum([...VolunteerBlockerCode.options, ...PairBlockerCode.options]);
export type MatchBlockerCode = z.infer<typeof MatchBlockerCode>;

export interface ChildBlocker {
  code: ChildBlockerCode;
  message: string;
}

export interface MatchBlocker {
  code: MatchBlockerCode;
  message: string;
}

/** An approved (or not) volunteer as matching sees them: their recruitment record, profile and current load. */
export interface Candidate {
  record: VolunteerRecord;
  profile: VolunteerMatchingProfile;
  /** Matches that hold one of their places: any not ended and not "did not proceed". */
  openMatches: number;
  /** The volunteer's risk checklist (null: never completed); left out, it is not considered. */
  riskChecklist?: RiskChecklist | null;
}

/**
 * Why this child cannot be proposed for any match today; empty when they can. A child not yet asked is
 * blocked unless the council's policy lets a match be proposed first (`childMustBeAskedBeforeMatching`).
 * With today's London date, a young person at or past the council's end age is blocked too (Leicestershire,
 * "Endings": "All formal arrangements will cease following the young person's 21st birthday, unless agreed
 * otherwise"): the "unless agreed otherwise" makes it a blocker the coordinator may go past with a reason
 * (a vulnerable care leaver supported longer, for one). Without a date, age is not considered.
 */
export function childBlockers(
  child: ChildMatchingProfile,
  policy?: Pick<TenantPolicy, "matches">,
  todayIso?: string,
): ChildBlocker[] {
  const out: ChildBlocker[] = [];
  if (child.referralStatus !== "waiting_for_match") {
    out.push({
      code: "child_not_waiting",
      message: `Only a child on the waiting list can be matched; this referral is ${child.referralStatus.replace(/_/g, " ")}`,
    });
  }
  if (child.childAgrees === "no") {
    out.push({
      code: "child_objects",
      message:
        "The child said they do not want an Independent Visitor, and one is not appointed if a child with enough understanding objects: ask again at their next review",
    });
  } else if (child.childAgrees === "not_yet_asked" && (policy?.matches.childMustBeAskedBeforeMatching ?? true)) {
    out.push({
      code: "child_not_yet_asked",
      message:
        "The child has not been asked whether they want an Independent Visitor: ask them and record their answer",
    });
  }
  const endAge = policy?.matches.supportEndsAtAge;
  if (todayIso !== undefined && endAge !== undefined && ageOn(child.dateOfBirth, todayIso) >= endAge) {
    out.push({
      code: "past_support_end_age",
      message: `${child.firstName} is ${ageOn(child.dateOfBirth, todayIso)}, and the council's formal support ends at ${endAge}: propose a match only where it has been agreed otherwise`,
    });
  }
  return out;
}

/** A child blocker the coordinator may go past with a reason recorded: support past the end age, where agreed. */
export const canChildBlockerBeOverridden = (b: ChildBlocker) => b.code === "past_support_end_age";

function wishBlockers(child: ChildMatchingProfile, v: VolunteerMatchingProfile, todayIso: string): MatchBlocker[] {
  const w = child.wishes;
  const said = w.inChildsWords ? ` (in their words: "${w.inChildsWords}")` : "";
  const out: string[] = [];
  if (w.gender !== null && (v.gender === null || !sameTerm(w.gender, v.gender)))
    out.push(`a visitor who is ${w.gender}`);
  if (w.language !== null && !v.languages.some((l) => w.language !== null && sameTerm(l, w.language)))
    out.push(`a visitor who speaks ${w.language}`);
  if (w.faithOrCulture !== null && (v.faithOrCulture === null || !sameTerm(w.faithOrCulture, v.faithOrCulture)))
    out.push(`a visitor who shares their ${w.faithOrCulture} faith or culture`);
  if (w.ageRange !== null) {
    const age = ageOn(v.dateOfBirth, todayIso);
    if (age < w.ageRange.min || age > w.ageRange.max)
      out.push(`a visitor aged ${w.ageRange.min} to ${w.ageRange.max} (this one is ${age})`);
  }
  return out.map((wish) => ({ code: "outside_childs_wishes", message: `The child asked for ${wish}${said}` }));
}

function pairBlockers(child: ChildMatchingProfile, c: Candidate, todayIso: string): MatchBlocker[] {
  const v = c.profile;
  const out: MatchBlocker[] = [];
  const risk = c.riskChecklist === undefined ? null : riskChecklistBlocker(c.riskChecklist, todayIso);
  if (risk !== null) out.push({ code: "risk_checklist_not_current", message: risk });
  if (c.openMatches >= v.capacity) {
    out.push({
      code: "at_capacity",
      message: `${v.firstName} has ${c.openMatches} of ${v.capacity} ${v.capacity === 1 ? "place" : "places"} taken: raise their capacity with them first if they can take another child`,
    });
  }
  if (child.notWanted.volunteerIds.includes(v.volunteerId)) {
    out.push({
      code: "named_by_child",
      message: "The child named this person as someone they do not want as their visitor",
    });
  }
  if (child.refusedVolunteerIds.includes(v.volunteerId)) {
    out.push({
      code: "refused_by_child_before",
      message: "The child refused this volunteer in an earlier match that did not proceed",
    });
  }
  out.push(...wishBlockers(child, v, todayIso));
  const childAge = ageOn(child.dateOfBirth, todayIso);
  if (childAge < v.supportsAges.min || childAge > v.supportsAges.max) {
    out.push({
      code: "outside_ages_they_support",
      message: `${v.firstName} feels able to support children aged ${v.supportsAges.min} to ${v.supportsAges.max}; this child is ${childAge}`,
    });
  }
  if (child.avoid.pets && v.hasPets) {
    out.push({ code: "something_the_child_avoids", message: "The child is to avoid pets and this volunteer has one" });
  }
  if (child.avoid.smoking && v.smokes) {
    out.push({
      code: "something_the_child_avoids",
      message: "The child is to avoid smoking and this volunteer smokes",
    });
  }
  return out;
}

/**
 * Why this volunteer is not suggested for this child today; empty when they can be. Training, checks
 * and suspension come from `matchabilityBlockers`, so a volunteer's readiness is decided in one place.
 */
export function matchBlockers(
  child: ChildMatchingProfile,
  candidate: Candidate,
  policy: TenantPolicy,
  todayIso: string,
): MatchBlocker[] {
  return [
    ...matchabilityBlockers(candidate.record, policy, todayIso).map((b) => ({ code: b.code, message: b.message })),
    ...pairBlockers(child, candidate, todayIso),
  ];
}

/**
 * Blockers the coordinator may go past with a reason recorded: the child's wishes are theirs to talk
 * through with the child, and a volunteer's sense of the ages they can support or a pet can be
 * discussed. Everything else (readiness, capacity, a person the child named or refused) never is.
 */
const NEEDS_A_REASON: ReadonlySet<MatchBlockerCode> = new Set([
  "outside_childs_wishes",
  "outside_ages_they_support",
  "something_the_child_avoids",
]);

export const canBeOverridden = (b: MatchBlocker) => NEEDS_A_REASON.has(b.code);

/**
 * The refusal of a proposal (409 with every reason), or null when it may go ahead. A blocker that can
 * be overridden stops it only while no reason is given for going past it.
 */
export function proposalProblem(
  child: ChildMatchingProfile,
  candidate: Candidate,
  policy: TenantPolicy,
  todayIso: string,
  overrideReason: string | null,
): Problem | null {
  const goingPast = (overridable: boolean) => overridable && Boolean(overrideReason?.trim());
  const fields = [
    ...childBlockers(child, policy, todayIso)
      .filter((b) => !goingPast(canChildBlockerBeOverridden(b)))
      .map((b) => ({
        path: "child",
        message: canChildBlockerBeOverridden(b) ? `${b.message}: record why you are proposing anyway` : b.message,
      })),
    ...matchBlockers(child, candidate, policy, todayIso)
      .filter((b) => !goingPast(canBeOverridden(b)))
      .map((b) => ({
        path: "volunteer",
        message: canBeOverridden(b) ? `${b.message}: record why you are proposing them anyway` : b.message,
      })),
  ];
  const [first] = fields;
  if (!first) return null;
  return new Problem("conflict", `This match cannot be proposed: ${first.message}`, { fields });
}

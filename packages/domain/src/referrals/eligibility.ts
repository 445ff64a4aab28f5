import * as z from "zod";
import { displayDate, ordinal } from "../calendar/display.js";
import { ageOn, wholeMonthsBetween } from "../calendar/iso-date.js";
import type { LongTermPlan, ReferralAnswers, SelfReferralAnswers } from "./answers.js";
import type { ReferralPolicyHolder } from "./questions.js";

/**
 * A referral is checked against the tenant's policy on arrival. The result is a list of flags for
 * the coordinator, never a rejection: the sources allow exceptions "on a need led basis", and a
 * child silently turned away by a form is the failure the schemes exist to prevent. Each reason
 * names the rule and the numbers so the coordinator can decide without opening the policy.
 */
export const EligibilityFlagCode = z.enum([
  "age_below_minimum",
  "age_above_maximum",
  "care_leaver_must_be_vulnerable",
  "time_in_care_too_short",
  "exemption_applied",
  "proceedings_not_concluded",
  "no_long_term_plan",
  "placement_about_to_move",
  "out_of_area_needs_funding",
  "out_of_area_not_accepted",
  "regular_family_contact",
  "sought_instead_of_respite",
  "child_objects",
  "child_not_asked",
  "serious_safeguarding_concerns",
  "untrusted_referrer_domain",
  "referrer_role_not_accepted",
  "self_referrals_not_accepted",
  "possible_duplicate",
]);
export type EligibilityFlagCode = z.infer<typeof EligibilityFlagCode>;

export const EligibilityFlag = z
  .object({
    code: EligibilityFlagCode,
    reason: z.string(),
    /** Another referral the flag is about (a possible duplicate), so the page can link to it. */
    related: z.string().optional(),
  })
  .strict();
export type EligibilityFlag = z.infer<typeof EligibilityFlag>;

/** Long-term plans that meet a "long-term plan" rule (Northamptonshire: long-term fostering or residential care). */
const QUALIFYING_PLANS: readonly LongTermPlan[] = ["long_term_fostering", "residential"];

/** A young person is looked after only until 18; from then on they can only be a care leaver. */
const ADULT_AGE = 18;

const months = (n: number): string => `${n} ${n === 1 ? "month" : "months"}`;

function ageFlags(age: number, careLeaver: boolean, policy: ReferralPolicyHolder): EligibilityFlag[] {
  const r = policy.referrals;
  const who = age >= ADULT_AGE ? "The young person" : "The child";
  if (age < r.minAge) {
    return [
      { code: "age_below_minimum", reason: `${who} is ${age}; this scheme takes referrals from age ${r.minAge}` },
    ];
  }
  if (age <= r.maxAge) return [];
  if (!careLeaver) {
    return [
      {
        code: "age_above_maximum",
        reason: `${who} is ${age}; this scheme takes referrals of children in care up to age ${r.maxAge}`,
      },
    ];
  }
  const { acceptedUpToAge: upTo, vulnerableUpToAge: vulnerable } = r.careLeavers;
  if (upTo === null) {
    return [
      {
        code: "age_above_maximum",
        reason: `${who} is ${age} and a care leaver; this scheme does not take care leavers, only children in care up to age ${r.maxAge}`,
      },
    ];
  }
  if (age < upTo) return [];
  if (vulnerable !== null && age < vulnerable) {
    return [
      {
        code: "care_leaver_must_be_vulnerable",
        reason: `${who} is ${age}; this scheme supports care leavers until their ${ordinal(upTo)} birthday, or their ${ordinal(vulnerable)} if vulnerable: the referral should say why they are`,
      },
    ];
  }
  const extra = vulnerable !== null ? ` (${ordinal(vulnerable)} if vulnerable)` : "";
  return [
    {
      code: "age_above_maximum",
      reason: `${who} is ${age}; this scheme supports care leavers until their ${ordinal(upTo)} birthday${extra}`,
    },
  ];
}

function timeInCareFlags(a: ReferralAnswers, policy: ReferralPolicyHolder, todayIso: string): EligibilityFlag[] {
  const r = policy.referrals;
  const c = a.careStatus;
  // The source exempts these children from the whole rule (a year in care, concluded proceedings,
  // a long-term plan): most are accommodated under section 20, so there are no proceedings to conclude.
  const exempt =
    r.timeInCareExemptions.includes("unaccompanied_asylum_seeking_child") && c.unaccompaniedAsylumSeeking === true;
  const out: EligibilityFlag[] = [];
  const waived: string[] = [];

  const inCare = wholeMonthsBetween(c.dateCameIntoCare, todayIso);
  if (r.minimumMonthsInCare > 0 && inCare < r.minimumMonthsInCare) {
    if (exempt) waived.push(`${months(r.minimumMonthsInCare)} in care (in care for ${months(inCare)})`);
    else
      out.push({
        code: "time_in_care_too_short",
        reason: `The child has been in care for ${months(inCare)}; this scheme takes referrals after ${months(r.minimumMonthsInCare)} in care`,
      });
  }

  if (r.requireProceedingsConcluded && c.proceedingsConcluded !== "yes") {
    if (exempt) waived.push("concluded care proceedings");
    else {
      const state = {
        no: "Care proceedings have not concluded",
        unknown: "The referrer does not know whether care proceedings have concluded",
        missing: "The referral does not say whether care proceedings have concluded",
      }[c.proceedingsConcluded ?? "missing"];
      out.push({ code: "proceedings_not_concluded", reason: `${state}; this scheme takes referrals once they have` });
    }
  }

  if (r.requireLongTermPlan && (c.longTermPlan === undefined || !QUALIFYING_PLANS.includes(c.longTermPlan))) {
    if (exempt) waived.push("a long-term plan");
    else {
      const state = {
        other: "The long-term plan is neither long-term fostering nor residential care",
        none_yet: "There is no long-term plan yet",
        missing: "The referral does not give a long-term plan",
      }[c.longTermPlan === "other" || c.longTermPlan === "none_yet" ? c.longTermPlan : "missing"];
      out.push({
        code: "no_long_term_plan",
        reason: `${state}; this scheme takes referrals when the plan is long-term fostering or residential care`,
      });
    }
  }

  if (waived.length > 0) {
    out.push({
      code: "exemption_applied",
      reason: `The child is an unaccompanied asylum-seeking child, so this scheme's requirement of ${waived.join(", ")} does not apply`,
    });
  }
  return out;
}

function placementFlags(a: ReferralAnswers, policy: ReferralPolicyHolder): EligibilityFlag[] {
  const c = a.careStatus;
  const out: EligibilityFlag[] = [];
  if (c.placementMoveExpected) {
    const when = c.placementMoveExpectedBy ? ` by ${displayDate(c.placementMoveExpectedBy)}` : "";
    out.push({
      code: "placement_about_to_move",
      reason: `A placement move is expected${when}; a referral may wait or be refused while a move is about to happen, so a match is not broken by it`,
    });
  }
  if (!c.placedInArea) {
    const distance = c.distanceFromHomeMiles !== undefined ? ` (${c.distanceFromHomeMiles} miles from home)` : "";
    if (policy.referrals.outOfArea === "funding_agreement_required") {
      const m = a.manager;
      const agreed =
        m === undefined
          ? "no manager is named yet"
          : m.agreesToFund
            ? "the referrer's manager has agreed"
            : "the referrer's manager has not agreed yet";
      out.push({
        code: "out_of_area_needs_funding",
        reason: `The child is placed out of area${distance}; this scheme spot-purchases those matches through commissioning once the referrer's manager agrees to pay, and ${agreed}`,
      });
    } else if (policy.referrals.outOfArea === "not_accepted") {
      out.push({
        code: "out_of_area_not_accepted",
        reason: `The child is placed out of area${distance}; this scheme does not take referrals for children placed out of area`,
      });
    }
  }
  return out;
}

function wishesFlags(a: ReferralAnswers): EligibilityFlag[] {
  if (a.wishes.childAgrees === "no") {
    return [
      {
        code: "child_objects",
        reason:
          "The child has said they do not want an Independent Visitor; one is not appointed when a child with enough understanding objects",
      },
    ];
  }
  if (a.wishes.childAgrees === "not_yet_asked") {
    return [
      {
        code: "child_not_asked",
        reason:
          "The child has not been asked yet whether they want an Independent Visitor; their wishes and feelings decide, so they must be asked before a match",
      },
    ];
  }
  return [];
}

/** True when `domain` is one of `trusted` or a subdomain of one (childrens.riverford.gov.example under riverford.gov.example). */
export function isTrustedDomain(domain: string, trusted: readonly string[]): boolean {
  const d = domain.toLowerCase();
  return trusted.some((t) => d === t || d.endsWith(`.${t}`));
}

function referrerFlags(a: ReferralAnswers, careLeaver: boolean, policy: ReferralPolicyHolder): EligibilityFlag[] {
  const out: EligibilityFlag[] = [];
  const trusted = policy.referrals.trustedReferrerDomains;
  const domain = a.referrer.workEmail.slice(a.referrer.workEmail.lastIndexOf("@") + 1);
  if (trusted.length > 0 && !isTrustedDomain(domain, trusted)) {
    out.push({
      code: "untrusted_referrer_domain",
      reason: `The referrer's e-mail domain (${domain}) is not one of this scheme's ${trusted.length} partner ${trusted.length === 1 ? "domain" : "domains"}; check who they are before sharing anything about the child`,
    });
  }
  if (a.referrer.role === "other_professional" && !careLeaver) {
    out.push({
      code: "referrer_role_not_accepted",
      reason:
        "The referrer is neither the child's social worker, their IRO nor a children's rights officer; other professionals can refer only care leavers",
    });
  }
  return out;
}

/** The flags a referral raises against the tenant's policy on `todayIso`, in the order of the form. */
/**
 * Leeds: "care leavers up to the age of 21, and up to age 25 for vulnerable care leavers". A referral
 * flagged `care_leaver_must_be_vulnerable` was of a care leaver past the usual age whom the scheme can only
 * take as vulnerable; once it is matched, the match is a vulnerable care leaver's, and their support runs
 * to the higher age. A care leaver referred younger has no such fact on the referral: a coordinator marks
 * them vulnerable on the match.
 */
export function referredAsVulnerableCareLeaver(flags: readonly { code: EligibilityFlagCode }[]): boolean {
  return flags.some((f) => f.code === "care_leaver_must_be_vulnerable");
}

export function checkEligibility(
  a: ReferralAnswers,
  policy: ReferralPolicyHolder,
  todayIso: string,
): EligibilityFlag[] {
  const age = ageOn(a.child.dateOfBirth, todayIso);
  const careLeaver = a.careStatus.legalStatus === "care_leaver" || age >= ADULT_AGE;
  const flags = [
    ...ageFlags(age, careLeaver, policy),
    ...timeInCareFlags(a, policy, todayIso),
    ...placementFlags(a, policy),
    ...wishesFlags(a),
  ];
  if (policy.referrals.littleOrNoFamilyContactRequired && a.family.contactLevel === "regular") {
    flags.push({
      code: "regular_family_contact",
      reason:
        "The child has regular contact with their birth family; this scheme is for children with little or no contact with their birth family",
    });
  }
  if (policy.referrals.notAnAlternativeToRespite && a.reasons.insteadOfRespite === true) {
    flags.push({
      code: "sought_instead_of_respite",
      reason:
        "The referrer says the referral is instead of respite care; this scheme's Independent Visitors are not an alternative to respite care",
    });
  }
  if (a.risks.seriousSafeguardingConcerns) {
    flags.push({
      code: "serious_safeguarding_concerns",
      reason:
        "The referrer reports serious safeguarding concerns; a referral may be refused while they make a volunteer's visits unsafe",
    });
  }
  return [...flags, ...referrerFlags(a, careLeaver, policy)];
}

/** A young person's own referral: only age can be checked until a coordinator has spoken to them. */
export function checkSelfReferralEligibility(
  a: SelfReferralAnswers,
  policy: ReferralPolicyHolder,
  todayIso: string,
): EligibilityFlag[] {
  const age = ageOn(a.dateOfBirth, todayIso);
  const flags = ageFlags(age, age >= ADULT_AGE, policy);
  if (!policy.referrals.selfReferralsAccepted) {
    flags.push({
      code: "self_referrals_not_accepted",
      reason:
        "This scheme does not take referrals from young people themselves; ask their social worker to refer, keeping the young person's words",
    });
  }
  return flags;
}

import type { TenantPolicy } from "../tenants/policy.js";
import type { AnswerProblem, ReferralAnswers } from "./answers.js";

/** Only the referral settings matter here; a whole TenantPolicy fits too. */
export interface ReferralPolicyHolder {
  referrals: TenantPolicy["referrals"];
}

/**
 * The optional questions a tenant's referral form asks. Everything else on the form is asked by
 * every scheme; these depend on the policy so a referrer is not asked about rules their scheme
 * does not have (a long form is the main reason professionals give up on a referral).
 */
export interface ReferralQuestions {
  proceedingsConcluded: boolean;
  longTermPlan: boolean;
  unaccompaniedAsylumSeeking: boolean;
  /** The manager's name, e-mail and agreement to pay; shown only once the child is said to be out of area. */
  managerFundingAgreement: boolean;
  /** Whether the referral is sought instead of respite care, with the scheme's guidance that it is not one. */
  insteadOfRespite: boolean;
}

export function questionsFor(policy: ReferralPolicyHolder): ReferralQuestions {
  const r = policy.referrals;
  return {
    proceedingsConcluded: r.requireProceedingsConcluded,
    longTermPlan: r.requireLongTermPlan,
    unaccompaniedAsylumSeeking: r.timeInCareExemptions.includes("unaccompanied_asylum_seeking_child"),
    managerFundingAgreement: r.outOfArea === "funding_agreement_required",
    insteadOfRespite: r.notAnAlternativeToRespite,
  };
}

/** Questions the form asked that were left unanswered, as field errors the referrer can fix. */
export function unansweredQuestions(answers: ReferralAnswers, questions: ReferralQuestions): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  const c = answers.careStatus;
  if (questions.proceedingsConcluded && c.proceedingsConcluded === undefined) {
    out.push({
      path: ["careStatus", "proceedingsConcluded"],
      message: "Tell us whether care proceedings have concluded (choose 'not known' if you are unsure)",
    });
  }
  if (questions.longTermPlan && c.longTermPlan === undefined) {
    out.push({
      path: ["careStatus", "longTermPlan"],
      message: "Tell us the child's long-term plan (choose 'none yet' if there is not one)",
    });
  }
  if (questions.unaccompaniedAsylumSeeking && c.unaccompaniedAsylumSeeking === undefined) {
    out.push({
      path: ["careStatus", "unaccompaniedAsylumSeeking"],
      message: "Tell us whether the child is an unaccompanied asylum-seeking child",
    });
  }
  if (questions.insteadOfRespite && answers.reasons.insteadOfRespite === undefined) {
    out.push({
      path: ["reasons", "insteadOfRespite"],
      message: "Tell us whether this referral is instead of respite care",
    });
  }
  if (questions.managerFundingAgreement && !c.placedInArea && answers.manager === undefined) {
    out.push({
      path: ["manager"],
      message:
        "This scheme needs your manager to agree to pay for a child placed out of area: enter your manager's name and e-mail",
    });
  }
  return out;
}

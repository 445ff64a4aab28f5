import { invalid } from "@tandem/domain/problems";
import {
  answerDateProblems,
  questionsFor,
  type ReferralAnswers,
  type SelfReferralAnswers,
  selfReferralDateProblems,
  unansweredQuestions,
} from "@tandem/domain/referrals";
import type { Tenant } from "@tandem/domain/tenants";
import { requiredIdempotencyHeaders } from "../../http/idempotency-header.js";

/** The Idempotency-Key is required on every referral create: a double click or a retry must never make two. */
export const ReferralIdempotencyHeaders = requiredIdempotencyHeaders("referral");

/** A referral's problems as the 400 names them: each answer's path under `answers`. */
function refuse(problems: { path: (string | number)[]; message: string }[]): void {
  if (problems.length > 0)
    throw invalid(problems.map((p) => ({ path: ["answers", ...p.path].join("."), message: p.message })));
}

/**
 * A professional's referral, after the static schema passed: impossible dates, and questions the council's
 * form asks but were left unanswered (both need today's date or the council's policy).
 */
export function checkProfessionalAnswers(tenant: Tenant, answers: ReferralAnswers, today: string): void {
  refuse([...answerDateProblems(answers, today), ...unansweredQuestions(answers, questionsFor(tenant.policy))]);
}

/**
 * The checks that need today's date or the tenant's policy, after the static schema passed:
 * impossible dates and questions the form asked but were left unanswered.
 */
export function checkAnswers(
  tenant: Tenant,
  submission: { kind: "professional"; answers: ReferralAnswers } | { kind: "self"; answers: SelfReferralAnswers },
  today: string,
): void {
  if (submission.kind === "professional") checkProfessionalAnswers(tenant, submission.answers, today);
  else refuse(selfReferralDateProblems(submission.answers, today));
}

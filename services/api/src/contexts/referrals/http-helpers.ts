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

/**
 * The checks that need today's date or the tenant's policy, after the static schema passed:
 * impossible dates and questions the form asked but were left unanswered.
 */
export function checkAnswers(
  tenant: Tenant,
  submission: { kind: "professional"; answers: ReferralAnswers } | { kind: "self"; answers: SelfReferralAnswers },
  today: string,
): void {
  const problems =
    submission.kind === "professional"
      ? [
          ...answerDateProblems(submission.answers, today),
          ...unansweredQuestions(submission.answers, questionsFor(tenant.policy)),
        ]
      : selfReferralDateProblems(submission.answers, today);
  if (problems.length > 0)
    throw invalid(problems.map((p) => ({ path: ["answers", ...p.path].join("."), message: p.message })));
}

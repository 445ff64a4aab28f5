import { referralEntryRoutes } from "../contexts/referrals/entry-routes.js";

/**
 * The router the referral-entry function serves: a referral received on paper, entered by a coordinator
 * (`POST /api/referrals`). Apart from the referrals function (ADR 23) so the triage workspace carries
 * neither the answers' checks nor the eligibility rules a new referral is flagged by.
 */
export const referralEntryRouters = {
  referralEntry: referralEntryRoutes,
} as const;

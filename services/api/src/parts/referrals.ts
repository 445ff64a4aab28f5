import { referralTenantRoutes } from "../contexts/referrals/tenant-routes.js";

/**
 * The router the referrals function serves: the council's referrals, from triage to the waiting list
 * (`/api/referrals`). Apart from the tenant function (ADR 23's second addendum) so neither carries the
 * other's records, rules and e-mails; a council's forms that send referrals are public-forms', and a referral
 * entered from paper (`POST /api/referrals`) is referral-entry's (ADR 23's fifth addendum).
 */
export const referralRouters = {
  referrals: referralTenantRoutes,
} as const;

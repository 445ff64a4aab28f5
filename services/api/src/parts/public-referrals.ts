import { referralPublicRoutes } from "../contexts/referrals/public-routes.js";

/**
 * The router the public-referrals function serves: the referral form's JSON API that the SPA's pages call
 * (the form's settings, drafts, sending, verifying the referrer's e-mail, answering a request for more
 * information), under `/api/public/tenants/{slug}/...`. No sign-in.
 */
export const publicReferralRouters = {
  referralsPublic: referralPublicRoutes,
} as const;

import { referralFormShellRoutes } from "../html/form-shell.js";
import { referralFormPageRoutes } from "../html/referral-form-pages.js";

/**
 * The routers the public-forms function serves: the public referral form (the professional's and a young
 * person's own) drawn as HTML for a browser without JavaScript (ADR 15), at its own addresses `/{slug}/refer...`.
 * Its JSON API is public-referrals'; the volunteer application's forms are public-volunteers'; feedback and
 * match agreements are public-links' (ADR 23, the public forms' split).
 */
export const publicFormRouters = {
  // In AWS, a form's GET reaches this function with its POST (CloudFront routes by path): the SPA's page.
  // Before the pages, so its answer ends the chain ahead of their middleware (html/form-shell.ts).
  referralFormShell: referralFormShellRoutes,
  referralFormPages: referralFormPageRoutes,
} as const;

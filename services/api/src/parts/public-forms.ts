import { matchPublicRoutes } from "../contexts/matches/public-routes.js";
import { referralPublicRoutes } from "../contexts/referrals/public-routes.js";
import { reviewPublicRoutes } from "../contexts/reviews/public-routes.js";
import { volunteerPublicRoutes } from "../contexts/volunteers/public-routes.js";
import { formPageRoutes } from "../html/form-pages.js";
import { formShellRoutes } from "../html/form-shell.js";

/**
 * The routers the public-forms function serves: a council's forms that need no sign-in (referrals and
 * information requests, volunteer applications and references, feedback, match agreements), all under
 * `/api/public/tenants/{slug}/...`. The rest of `/api/public` is the public function's.
 */
export const publicFormRouters = {
  referralsPublic: referralPublicRoutes,
  volunteersPublic: volunteerPublicRoutes,
  reviewsPublic: reviewPublicRoutes,
  matchesPublic: matchPublicRoutes,
  // In AWS, a form's GET reaches this function with its POST (CloudFront routes by path): the SPA's page.
  // Before formPages, so its answer ends the chain ahead of their middleware (html/form-shell.ts).
  formShell: formShellRoutes,
  // The same forms drawn as HTML for a browser without JavaScript (ADR 15): POSTs to /{slug}/refer...
  formPages: formPageRoutes,
} as const;

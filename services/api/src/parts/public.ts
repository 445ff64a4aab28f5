import { matchPublicRoutes } from "../contexts/matches/public-routes.js";
import { publicRoutes } from "../contexts/public/routes.js";
import { referralPublicRoutes } from "../contexts/referrals/public-routes.js";
import { reviewPublicRoutes } from "../contexts/reviews/public-routes.js";
import { volunteerPublicRoutes } from "../contexts/volunteers/public-routes.js";
import { formPageRoutes } from "../html/form-pages.js";

/**
 * The routers the public function serves (`/api/public/*`, health, config; no sign-in). Its Lambda
 * entry imports this module and no other part, so its bundle holds only these routes.
 */
export const publicRouters = {
  public: publicRoutes,
  referralsPublic: referralPublicRoutes,
  volunteersPublic: volunteerPublicRoutes,
  reviewsPublic: reviewPublicRoutes,
  matchesPublic: matchPublicRoutes,
  formPages: formPageRoutes,
} as const;

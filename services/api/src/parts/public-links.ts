import { matchPublicRoutes } from "../contexts/matches/public-routes.js";
import { reviewPublicRoutes } from "../contexts/reviews/public-routes.js";

/**
 * The routers the public-links function serves: the forms behind a single-use e-mailed link that are not a
 * volunteer's or a referrer's (a review's feedback, a social worker's agreement to a proposed match), under
 * `/api/public/tenants/{slug}/...`. No sign-in.
 */
export const publicLinkRouters = {
  reviewsPublic: reviewPublicRoutes,
  matchesPublic: matchPublicRoutes,
} as const;

import { reviewMatchRoutes } from "../contexts/reviews/match-routes.js";
import { reviewTenantRoutes } from "../contexts/reviews/tenant-routes.js";

/**
 * The routers the reviews function serves: keeping a match safe and good once it runs (`/api/reviews`,
 * `/api/supervision`, and a match's reviews, feedback requests and looked-after reviews). Apart from the
 * scheme, matches and endings functions (ADR 23) for the size of each.
 */
export const reviewRouters = {
  reviews: reviewTenantRoutes,
  reviewMatches: reviewMatchRoutes,
} as const;

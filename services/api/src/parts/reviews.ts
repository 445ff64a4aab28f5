import { reviewMatchRoutes } from "../contexts/reviews/match-routes.js";
import { reviewTenantRoutes } from "../contexts/reviews/tenant-routes.js";

/**
 * The routers the reviews function serves: keeping a match safe and good once it runs (`/api/reviews`,
 * `/api/supervision`, `/api/complaints`, and a match's reviews, feedback requests, looked-after reviews
 * and ending). Apart from the scheme and matches functions (ADR 23) for the size of each.
 */
export const reviewRouters = {
  reviews: reviewTenantRoutes,
  reviewMatches: reviewMatchRoutes,
} as const;

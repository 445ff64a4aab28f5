import { expenseRoutes } from "../contexts/expenses/routes.js";
import { matchRoutes } from "../contexts/matches/match-routes.js";
import { matchProfileRoutes } from "../contexts/matches/profile-routes.js";
import { reviewMatchRoutes } from "../contexts/reviews/match-routes.js";
import { reviewTenantRoutes } from "../contexts/reviews/tenant-routes.js";
import { receiptRoutes } from "../contexts/visits/receipt-routes.js";
import { visitRoutes } from "../contexts/visits/routes.js";

/**
 * The routers the scheme function serves: running the scheme once a child and a volunteer are known
 * (`/api/matching`, `/api/matches`, `/api/reviews`, `/api/supervision`, `/api/complaints`, `/api/expenses`,
 * and the volunteer's own `/api/volunteers/me/matches`). Concerns have their own function (parts/concerns.ts).
 */
export const schemeRouters = {
  matchProfiles: matchProfileRoutes,
  matches: matchRoutes,
  reviews: reviewTenantRoutes,
  reviewMatches: reviewMatchRoutes,
  visits: visitRoutes,
  expenses: expenseRoutes,
  receipts: receiptRoutes,
} as const;
